namespace V2G.Firmware.Battery
{
    /// <summary>
    /// One cell ageing model of the battery-ageing digest: a calendar law Q_cal = k_cal·t^p_cal (t in days,
    /// k_cal from SOC and temperature) and a cycling law Q_cyc = k_cyc·x^p_cyc (x the model's throughput: EFC,
    /// or Ah per cell), each kept as its own state and advanced by the exact virtual-time continuation
    /// (<see cref="AgeingTrajectory"/>) [digest §2.7, §13.1]. Capacity losses are fractions (0.01 = 1 %); the
    /// cell model is applied to the pack unchanged [digest §9, A].
    /// <para>
    /// Cycling is charged cycle by cycle from the rainflow count: each counted cycle adds Count × Depth EFC at
    /// the rate its own depth, mean SOC, C-rate and temperature give [digest §8, "cycle-by-cycle damage"].
    /// BLAST-Lite instead uses one DOD per day-long step; for one session a day the two agree, for days of
    /// several partial cycles they differ (the digest says so; BLAST's models were fitted with BLAST's convention).
    /// </para>
    /// </summary>
    public abstract class AgeingModel
    {
        private double _calendarLoss;
        private double _cycleLoss;
        private int _extrapolatedCycles;

        /// <summary>Which model this is.</summary>
        public abstract AgeingModelKind Kind { get; }

        /// <summary>Exponent p_cal of time (days) in the calendar law.</summary>
        public abstract double CalendarExponent { get; }

        /// <summary>Exponent p_cyc of throughput in the cycling law.</summary>
        public abstract double CycleExponent { get; }

        /// <summary>The cycling law's throughput per equivalent full cycle (1 when the law is in EFC).</summary>
        public abstract double ThroughputPerEfc { get; }

        /// <summary>Highest charge C-rate of the model's tested range, 1/h [digest, V].</summary>
        public abstract double MaxChargeCRatePerH { get; }

        /// <summary>Highest discharge C-rate of the model's tested range, 1/h [digest, V].</summary>
        public abstract double MaxDischargeCRatePerH { get; }

        /// <summary>Lowest cycling temperature of the model's tested range, °C [digest, V].</summary>
        public abstract double MinCyclingTemperatureC { get; }

        /// <summary>Highest cycling temperature of the model's tested range, °C [digest, V].</summary>
        public abstract double MaxCyclingTemperatureC { get; }

        /// <summary>Smallest depth of discharge of the model's tested range [digest, V].</summary>
        public abstract double MinTestedDepth { get; }

        /// <summary>The calendar rate k_cal at <paramref name="soc"/> (0…1) and <paramref name="temperatureC"/>, per day^p_cal.</summary>
        public abstract double CalendarRate(double soc, double temperatureC);

        /// <summary>
        /// The cycling rate k_cyc of a cycle between <paramref name="fromSoc"/> and <paramref name="toSoc"/> at
        /// <paramref name="cRatePerH"/> and <paramref name="temperatureC"/>, per (throughput unit)^p_cyc.
        /// </summary>
        public abstract double CycleRate(double fromSoc, double toSoc, double cRatePerH, double temperatureC);

        /// <summary>Calendar loss so far (fraction).</summary>
        public double CalendarLoss
        {
            get { return _calendarLoss; }
        }

        /// <summary>Cycling loss so far (fraction).</summary>
        public double CycleLoss
        {
            get { return _cycleLoss; }
        }

        /// <summary>Cycles counted with a stress outside the model's tested range (extrapolated) [digest §13.4].</summary>
        public int ExtrapolatedCycles
        {
            get { return _extrapolatedCycles; }
        }

        /// <summary>Capacity loss 1 − q as the model combines its terms (the sum, unless the model says otherwise).</summary>
        public virtual double CapacityLoss
        {
            get { return _calendarLoss + _cycleLoss; }
        }

        /// <summary>
        /// The calendar loss after a further <paramref name="days"/> at the time-averaged rate
        /// <paramref name="meanRate"/>, without keeping it (for figures between steps).
        /// </summary>
        public double CalendarLossAfter(double days, double meanRate, double scalar)
        {
            return _calendarLoss + scalar * (AgeingTrajectory.PowerLawAdvance(_calendarLoss, meanRate, CalendarExponent, days) - _calendarLoss);
        }

        /// <summary>
        /// Advances the calendar state by <paramref name="days"/> at <paramref name="meanRate"/>, the rate
        /// averaged over the step (BLAST averages the rate, not the SOC [digest §2.3]); every increment is
        /// multiplied by <paramref name="scalar"/> (BLAST's degradation_scalar [digest §13.6, V]).
        /// </summary>
        public void AdvanceCalendar(double days, double meanRate, double scalar)
        {
            _calendarLoss = CalendarLossAfter(days, meanRate, scalar);
        }

        /// <summary>Charges one counted cycle to the cycling state (and the model's other cycle terms).</summary>
        public void AddCycle(ref RainflowCycle cycle, double scalar)
        {
            double efc = cycle.EquivalentFullCycles;
            if (!(efc > 0))
            {
                return;
            }

            if (IsExtrapolated(cycle.Depth, cycle.CRatePerH, cycle.TemperatureC, cycle.FromSoc > cycle.ToSoc))
            {
                _extrapolatedCycles++;
            }

            double k = CycleRate(cycle.FromSoc, cycle.ToSoc, cycle.CRatePerH, cycle.TemperatureC);
            double next = AgeingTrajectory.PowerLawAdvance(_cycleLoss, k, CycleExponent, efc * ThroughputPerEfc);
            _cycleLoss += scalar * (next - _cycleLoss);
            OnCycle(ref cycle, efc, scalar);
        }

        /// <summary>
        /// dQ_cyc/dEFC now, for a cycle of the given stress: the marginal cycling loss per equivalent full cycle
        /// at the present state (virtual EFC) [digest §9, marginal]. For a new pack (infinite slope of a law with
        /// p &lt; 1) the secant over the next <paramref name="secantEfc"/> EFC.
        /// </summary>
        public double MarginalCycleLossPerEfc(double fromSoc, double toSoc, double cRatePerH, double temperatureC, double secantEfc)
        {
            double k = CycleRate(fromSoc, toSoc, cRatePerH, temperatureC);
            double perUnit = AgeingTrajectory.PowerLawSlope(_cycleLoss, k, CycleExponent, secantEfc * ThroughputPerEfc);
            return perUnit * ThroughputPerEfc;
        }

        /// <summary>True when a cycle of this stress lies outside the model's tested range.</summary>
        public bool IsExtrapolated(double depth, double cRatePerH, double temperatureC, bool discharging)
        {
            double maxC = discharging ? MaxDischargeCRatePerH : MaxChargeCRatePerH;
            return depth < MinTestedDepth || cRatePerH > maxC
                || temperatureC < MinCyclingTemperatureC || temperatureC > MaxCyclingTemperatureC;
        }

        /// <summary>Sets the states (restored from non-volatile memory, or a used pack's estimate).</summary>
        public virtual void Restore(double calendarLoss, double cycleLoss, double otherLoss)
        {
            _calendarLoss = calendarLoss > 0 ? calendarLoss : 0;
            _cycleLoss = cycleLoss > 0 ? cycleLoss : 0;
            _extrapolatedCycles = 0;
        }

        /// <summary>The state of the model's terms beyond calendar and cycling (0 when it has none), for saving.</summary>
        public virtual double OtherLoss
        {
            get { return 0; }
        }

        /// <summary>A model with further cycle terms (Kokam's loss of active material) advances them here.</summary>
        protected virtual void OnCycle(ref RainflowCycle cycle, double efc, double scalar)
        {
        }

        /// <summary>Kelvin from °C (T = T_C + 273.15 [digest §1]).</summary>
        protected static double Kelvin(double temperatureC)
        {
            return temperatureC + 273.15;
        }
    }
}
