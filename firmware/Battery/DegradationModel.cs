namespace V2G.Firmware.Battery
{
    /// <summary>
    /// The pack's ageing as the chosen <see cref="AgeingModel"/> estimates it: SOC samples go in
    /// (<see cref="Observe"/>); cycles are rainflow-counted and each is charged to the cycling state at its own
    /// depth, C-rate and temperature; the calendar rate is time-averaged over daily steps. Out come the capacity
    /// loss, equivalent full cycles, the cost of the loss and the marginal cost per kWh discharged
    /// [battery-ageing digest §9]. Allocates nothing after construction.
    /// <para>
    /// Cost convention (the digest's, §9 [A]): c = C_repl × ΔQ_loss / Q_loss,EOL; only the cycling term is
    /// charged to V2G, because calendar fade happens whether or not the car does V2G.
    /// </para>
    /// </summary>
    public sealed class DegradationModel
    {
        private const double SecondsPerDay = 86400;

        private readonly DegradationSettings _settings;
        private readonly AgeingModel _model;
        private readonly RainflowCounter _rainflow;

        private bool _started;
        private double _stepStartS;
        private double _lastSampleS;
        private double _lastRate;
        private double _rateIntegral;
        private double _efcOffset;

        /// <summary>A model of the kind <paramref name="settings"/> names, for a new pack.</summary>
        public DegradationModel(DegradationSettings settings)
        {
            if (settings == null)
            {
                throw new System.ArgumentNullException("settings");
            }

            _settings = settings;
            _model = AgeingModels.Create(settings.Model);
            _rainflow = new RainflowCounter(settings.RainflowStackCapacity, settings.RainflowHysteresisSoc);
        }

        /// <summary>The settings in force.</summary>
        public DegradationSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The ageing model (its states and laws).</summary>
        public AgeingModel Model
        {
            get { return _model; }
        }

        /// <summary>The rainflow counter fed by <see cref="Observe"/>.</summary>
        public RainflowCounter Rainflow
        {
            get { return _rainflow; }
        }

        /// <summary>Equivalent full cycles over the pack's life: Σ|ΔSOC|/2 [digest §1].</summary>
        public double EquivalentFullCycles
        {
            get { return _efcOffset + _rainflow.RecordEquivalentFullCycles; }
        }

        /// <summary>Cycling capacity loss so far (fraction; cycles still open are not in it until they close).</summary>
        public double CycleLoss
        {
            get { return _model.CycleLoss; }
        }

        /// <summary>Calendar capacity loss so far, including the step under way (fraction).</summary>
        public double CalendarLoss
        {
            get { return _model.CalendarLoss + PendingCalendarLoss(); }
        }

        /// <summary>Capacity loss 1 − q as the model combines its terms, including the calendar step under way (fraction).</summary>
        public double CapacityLoss
        {
            get { return _model.CapacityLoss + PendingCalendarLoss(); }
        }

        /// <summary>The cost of <paramref name="lossFraction"/> of capacity: C_repl × loss / Q_loss,EOL [digest §9, A].</summary>
        public double CostOf(double lossFraction)
        {
            double eol = _settings.EndOfLifeFade;
            return eol > 0 ? _settings.ReplacementCost * lossFraction / eol : 0;
        }

        /// <summary>The cost of the cycling loss so far: what V2G and driving cycles cost the pack [digest §9].</summary>
        public double CycleLossCost
        {
            get { return CostOf(_model.CycleLoss); }
        }

        /// <summary>
        /// Marginal degradation cost per kWh discharged (and recharged) for a cycle of the given stress:
        /// (C_repl/Q_loss,EOL)·(dQ_cyc/dEFC)/E_pack [digest §9], from the present state; 0 when the
        /// replacement cost is not set.
        /// </summary>
        public double MarginalCostPerKWh(double fromSoc, double toSoc, double cRatePerH, double temperatureC, double packKWh)
        {
            if (!(packKWh > 0) || !(_settings.ReplacementCost > 0))
            {
                return 0;
            }

            double t = double.IsNaN(temperatureC) ? _settings.DefaultTemperatureC : temperatureC;
            double slope = _model.MarginalCycleLossPerEfc(fromSoc, toSoc, cRatePerH, t, _settings.MarginalSecantEfc);
            return CostOf(slope * _settings.DegradationScalar) / packKWh;
        }

        /// <summary>
        /// One sample: time (s, monotonic, not decreasing), SOC (0…1), the C-rate of the interval since the last
        /// sample (1/h magnitude from the measured power, or NaN to derive it from the SOC), the pack temperature
        /// (°C, NaN if unknown: <see cref="DegradationSettings.DefaultTemperatureC"/>).
        /// </summary>
        public void Observe(double timeS, double soc, double cRatePerH, double temperatureC)
        {
            double t = double.IsNaN(temperatureC) ? _settings.DefaultTemperatureC : temperatureC;
            _rainflow.Add(timeS, soc, cRatePerH, t);
            DrainCycles();

            if (!_started)
            {
                _started = true;
                _stepStartS = timeS;
                _lastSampleS = timeS;
                _lastRate = _model.CalendarRate(soc, t);
                _rateIntegral = 0;
                return;
            }

            double sinceSample = timeS - _lastSampleS;
            if (sinceSample < _settings.CalendarSamplePeriodS)
            {
                return;
            }

            double rate = _model.CalendarRate(soc, t);
            _rateIntegral += (_lastRate + rate) / 2 * sinceSample;
            _lastSampleS = timeS;
            _lastRate = rate;
            if (timeS - _stepStartS >= _settings.CalendarStepDays * SecondsPerDay)
            {
                CommitCalendar();
            }
        }

        /// <summary>
        /// Ends a record (a session, a day): the residue of the rainflow count is charged as half cycles and the
        /// calendar step under way is committed.
        /// </summary>
        public void CloseRecord()
        {
            _rainflow.CloseRecord();
            DrainCycles();
            if (_started)
            {
                CommitCalendar();
            }
        }

        /// <summary>Sets the states of a pack that is not new (restored from non-volatile memory).</summary>
        public void Restore(double calendarLoss, double cycleLoss, double otherLoss, double equivalentFullCycles)
        {
            _model.Restore(calendarLoss, cycleLoss, otherLoss);
            _rainflow.Reset();
            _efcOffset = equivalentFullCycles > 0 ? equivalentFullCycles : 0;
            _started = false;
        }

        private void CommitCalendar()
        {
            double span = _lastSampleS - _stepStartS;
            if (span > 0)
            {
                _model.AdvanceCalendar(span / SecondsPerDay, _rateIntegral / span, _settings.DegradationScalar);
            }

            _stepStartS = _lastSampleS;
            _rateIntegral = 0;
        }

        private double PendingCalendarLoss()
        {
            double span = _lastSampleS - _stepStartS;
            if (!(span > 0))
            {
                return 0;
            }

            return _model.CalendarLossAfter(span / SecondsPerDay, _rateIntegral / span, _settings.DegradationScalar) - _model.CalendarLoss;
        }

        private void DrainCycles()
        {
            RainflowCycle cycle;
            while (_rainflow.TryTakeCycle(out cycle))
            {
                _model.AddCycle(ref cycle, _settings.DegradationScalar);
            }
        }
    }
}
