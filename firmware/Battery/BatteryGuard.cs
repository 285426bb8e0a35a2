using V2G.Firmware.Numerics;

namespace V2G.Firmware.Battery
{
    /// <summary>
    /// Every power request passes here once per control tick, whether from the aggregator, the droop or the
    /// vehicle: the guard keeps the pack inside its state-of-charge window and its limits, and counts the
    /// energy and the wear. Pure arithmetic on the inputs and its own counters; allocates nothing.
    /// <para>
    /// Rules (the reason reported is the tightest limit; on a tie, the first in this list):
    /// discharge stops at the reserve (the owner's, or the vehicle's minimum if higher) — <c>soc_reserve</c>;
    /// charge stops at the owner's maximum — <c>soc_max</c>; enough time and power stay in hand to reach the
    /// target SoC by the departure: discharge is clipped, and charge forced, when the remaining time would not
    /// suffice — <c>departure_energy</c>; a cold or hot pack is derated — <c>temperature</c>; the depth of
    /// discharge per session and per day — <c>dod_limit</c>; the C-rate — <c>c_rate</c>; changes of direction
    /// per hour — <c>reversal_cap</c>; arbitrage discharge below the marginal degradation cost —
    /// <c>degradation_cost</c>. Frequency response is never refused for cost and the reversal cap never limits
    /// it: only the physical and state-of-charge limits do.
    /// </para>
    /// </summary>
    public sealed class BatteryGuard
    {
        /// <summary>Most reversals per hour the cap can count.</summary>
        public const int MaxReversalCap = 64;

        private const double HourMs = 3600000;
        private const double DayMs = 86400000;

        private readonly BatteryGuardSettings _settings;
        private readonly DegradationModel _degradation;

        private readonly int[] _clipTicks = new int[BatteryClipReasonNames.Count];
        private readonly double[] _clippedWh = new double[BatteryClipReasonNames.Count];
        private readonly long[] _reversalMs = new long[MaxReversalCap];
        private int _reversalNext;
        private int _reversalStored;
        private int _lastDirection;

        private bool _started;
        private long _lastNowMs;
        private BatteryClipReason _lastReason;
        private double _lastClippedW;

        private double _chargedWh;
        private double _dischargedWh;

        private bool _inSession;
        private double _sessionTopSoc;
        private long _dayStartMs;
        private double _dayTopSoc;
        private double _swingTopSoc;
        private BatteryUsageFigures _sessionStart;
        private BatteryUsageFigures _sessionEnded;
        private bool _hasSessionEnded;

        // Bounds assembled during one decision.
        private double _chargeMaxW;
        private BatteryClipReason _chargeReason;
        private double _dischargeMaxW;
        private BatteryClipReason _dischargeReason;

        /// <summary>A guard with <paramref name="settings"/> (kept by reference: changes act from the next tick) for a new pack.</summary>
        public BatteryGuard(BatteryGuardSettings settings)
        {
            if (settings == null)
            {
                throw new System.ArgumentNullException("settings");
            }

            _settings = settings;
            _degradation = new DegradationModel(settings.Degradation);
        }

        /// <summary>The settings in force.</summary>
        public BatteryGuardSettings Settings
        {
            get { return _settings; }
        }

        /// <summary>The pack's ageing estimate.</summary>
        public DegradationModel Degradation
        {
            get { return _degradation; }
        }

        /// <summary>True between <see cref="StartSession"/> and <see cref="EndSession"/>.</summary>
        public bool InSession
        {
            get { return _inSession; }
        }

        /// <summary>Ticks on which <paramref name="reason"/> changed the request.</summary>
        public int ClipTicks(BatteryClipReason reason)
        {
            int i = (int)reason;
            return i >= 0 && i < _clipTicks.Length ? _clipTicks[i] : 0;
        }

        /// <summary>Energy <paramref name="reason"/> held back (or forced, for departure_energy), Wh: |allowed − requested| over time.</summary>
        public double ClippedEnergyWh(BatteryClipReason reason)
        {
            int i = (int)reason;
            return i >= 0 && i < _clippedWh.Length ? _clippedWh[i] : 0;
        }

        /// <summary>Reversals of direction within the last hour before <paramref name="nowMs"/>.</summary>
        public int ReversalsInLastHour(long nowMs)
        {
            int n = 0;
            for (int i = 0; i < _reversalStored; i++)
            {
                if (nowMs - _reversalMs[i] < HourMs)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>The figures over the pack's life (since this guard started, or since a restore).</summary>
        public BatteryUsageFigures Lifetime
        {
            get
            {
                BatteryUsageFigures f = new BatteryUsageFigures();
                f.EnergyChargedWh = _chargedWh;
                f.EnergyDischargedWh = _dischargedWh;
                f.EquivalentFullCycles = _degradation.EquivalentFullCycles;
                f.CycleLoss = _degradation.CycleLoss;
                f.CapacityLoss = _degradation.CapacityLoss;
                f.CycleLossCost = _degradation.CycleLossCost;
                return f;
            }
        }

        /// <summary>The figures of the session under way, or of the last one (lifetime figures minus those at its start).</summary>
        public BatteryUsageFigures Session
        {
            get
            {
                if (!_inSession && _hasSessionEnded)
                {
                    return _sessionEnded;
                }

                BatteryUsageFigures now = Lifetime;
                now.EnergyChargedWh -= _sessionStart.EnergyChargedWh;
                now.EnergyDischargedWh -= _sessionStart.EnergyDischargedWh;
                now.EquivalentFullCycles -= _sessionStart.EquivalentFullCycles;
                now.CycleLoss -= _sessionStart.CycleLoss;
                now.CapacityLoss -= _sessionStart.CapacityLoss;
                now.CycleLossCost -= _sessionStart.CycleLossCost;
                return now;
            }
        }

        /// <summary>
        /// Sets the lifetime state of a pack that is not new (restored from non-volatile memory): the energy
        /// counted so far, the ageing model's states and the equivalent full cycles. Before the first decision.
        /// </summary>
        public void RestoreLifetime(double chargedWh, double dischargedWh, double calendarLoss, double cycleLoss, double otherLoss, double equivalentFullCycles)
        {
            _chargedWh = chargedWh > 0 ? chargedWh : 0;
            _dischargedWh = dischargedWh > 0 ? dischargedWh : 0;
            _degradation.Restore(calendarLoss, cycleLoss, otherLoss, equivalentFullCycles);

            // Until the first session after the reboot, the session figures are zero, not the pack's life.
            _sessionStart = Lifetime;
        }

        /// <summary>A vehicle session begins: session figures and the session's depth of discharge start here.</summary>
        public void StartSession(long nowMs, double socPercent)
        {
            _inSession = true;
            _sessionTopSoc = socPercent;
            _swingTopSoc = socPercent;
            _sessionStart = Lifetime;
            _hasSessionEnded = false;
            _lastDirection = 0;
        }

        /// <summary>The session ends: its open cycles are counted (the rainflow record closes) and its figures freeze.</summary>
        public void EndSession(long nowMs)
        {
            _degradation.CloseRecord();
            _inSession = false;
            _sessionEnded = Session;
            _hasSessionEnded = true;
        }

        /// <summary>
        /// The decision for one tick: the allowed power and why it differs from the request. Also counts the
        /// energy measured over the interval since the last call and feeds the ageing model.
        /// </summary>
        public BatteryGuardDecision Decide(ref BatteryGuardInput input)
        {
            double allowedFrequencyW;
            return Decide(ref input, 0, out allowedFrequencyW);
        }

        /// <summary>
        /// One decision for a tick whose request has two parts: <paramref name="input"/>'s request with its purpose
        /// (the dispatch, or the vehicle's own request) and <paramref name="frequencyRequestW"/>, the frequency
        /// response (the droop's) on top of it. The dispatch part passes every limit its purpose is subject to; the
        /// sum passes the state-of-charge and physical limits only, so the frequency part is never refused for
        /// cost nor by the reversal cap. A charge forced for the departure applies to the sum. The decision's
        /// request and allowed power are the sums; <paramref name="allowedFrequencyW"/> is the frequency part of
        /// the allowed power (the rest is the dispatch part). Counted once. With the guard disabled
        /// (<see cref="BatteryGuardSettings.Enabled"/> false) both parts pass unchanged, and only the energy and
        /// the wear are counted.
        /// </summary>
        public BatteryGuardDecision Decide(ref BatteryGuardInput input, double frequencyRequestW, out double allowedFrequencyW)
        {
            double dtS = _started ? (input.NowMs - _lastNowMs) / 1000.0 : 0;
            if (dtS < 0)
            {
                dtS = 0;
            }

            Account(ref input, dtS);

            double soc = input.SocPercent;
            double capWh = input.CapacityWh > 0 ? input.CapacityWh : 0;
            // The one-tick limits look one control period ahead (not the last interval, which may have been a pause).
            double tickS = _settings.TickPeriodS > 0 ? _settings.TickPeriodS : 0.02;
            double request = input.RequestedPowerW;
            bool frequency = input.Purpose == BatteryPowerPurpose.Frequency;
            if (double.IsNaN(frequencyRequestW))
            {
                frequencyRequestW = 0;
            }

            if (!_settings.Enabled)
            {
                BatteryGuardDecision pass = new BatteryGuardDecision();
                pass.RequestedPowerW = request + frequencyRequestW;
                pass.AllowedPowerW = pass.RequestedPowerW;
                _lastReason = BatteryClipReason.None;
                _lastClippedW = 0;
                TrackDirection(pass.AllowedPowerW, soc, input.NowMs);
                allowedFrequencyW = frequencyRequestW;
                return pass;
            }

            _chargeMaxW = double.PositiveInfinity;
            _chargeReason = BatteryClipReason.None;
            _dischargeMaxW = double.PositiveInfinity;
            _dischargeReason = BatteryClipReason.None;

            // soc_reserve: never below the owner's reserve nor the vehicle's minimum; the last tick's energy may not cross it.
            double reserve = _settings.ReserveSocPercent;
            if (!double.IsNaN(input.VehicleMinimumSocPercent) && input.VehicleMinimumSocPercent > reserve)
            {
                reserve = input.VehicleMinimumSocPercent;
            }

            LimitDischargeAbove(soc, reserve, capWh, tickS, BatteryClipReason.SocReserve);

            // soc_max.
            if (soc >= _settings.MaxSocPercent)
            {
                LimitCharge(0, BatteryClipReason.SocMax);
            }

            // The physical limits come before the departure plan, which must be kept with the power they leave.
            double derate = TemperatureFactor(input.TemperatureC);
            double chargeCRate = _settings.MaxChargeCRatePerH > 0 ? _settings.MaxChargeCRatePerH : _degradation.Model.MaxChargeCRatePerH;
            double dischargeCRate = _settings.MaxDischargeCRatePerH > 0 ? _settings.MaxDischargeCRatePerH : _degradation.Model.MaxDischargeCRatePerH;
            double chargeLimitW = capWh > 0 ? chargeCRate * capWh : double.PositiveInfinity;
            double dischargeLimitW = capWh > 0 ? dischargeCRate * capWh : double.PositiveInfinity;
            double physicalChargeW = chargeLimitW;
            if (derate < 1)
            {
                physicalChargeW = capWh > 0 ? derate * chargeLimitW : (derate > 0 ? double.PositiveInfinity : 0);
            }

            double forceW = 0;
            if (input.HasDeparture && capWh > 0)
            {
                forceW = DepartureRule(ref input, soc, capWh, tickS, physicalChargeW);
            }

            // temperature.
            if (derate < 1)
            {
                LimitCharge(physicalChargeW, BatteryClipReason.Temperature);
                LimitDischarge(capWh > 0 ? derate * dischargeLimitW : (derate > 0 ? double.PositiveInfinity : 0), BatteryClipReason.Temperature);
            }

            // dod_limit, per session and per day: never deeper than the limit below the window's highest SoC.
            if (_settings.SessionDodLimitPercent > 0 && _inSession)
            {
                LimitDischargeAbove(soc, _sessionTopSoc - _settings.SessionDodLimitPercent, capWh, tickS, BatteryClipReason.DodLimit);
            }

            if (_settings.DailyDodLimitPercent > 0)
            {
                LimitDischargeAbove(soc, _dayTopSoc - _settings.DailyDodLimitPercent, capWh, tickS, BatteryClipReason.DodLimit);
            }

            // c_rate.
            LimitCharge(chargeLimitW, BatteryClipReason.CRate);
            LimitDischarge(dischargeLimitW, BatteryClipReason.CRate);

            // The state-of-charge and physical bounds: all the frequency part is subject to.
            double physicalChargeMaxW = _chargeMaxW;
            BatteryClipReason physicalChargeReason = _chargeReason;
            double physicalDischargeMaxW = _dischargeMaxW;
            BatteryClipReason physicalDischargeReason = _dischargeReason;

            // Policy limits: never for frequency response.
            double policyChargeMaxW = double.PositiveInfinity;
            if (!frequency && _settings.MaxReversalsPerHour > 0
                && ReversalsInLastHour(input.NowMs) >= Cap(_settings.MaxReversalsPerHour))
            {
                if (_lastDirection > 0)
                {
                    LimitDischarge(0, BatteryClipReason.ReversalCap);
                }
                else if (_lastDirection < 0 && 0 < _chargeMaxW)
                {
                    policyChargeMaxW = 0;
                }
            }

            double marginal = 0;
            if (!frequency && request < 0 && input.Purpose == BatteryPowerPurpose.Arbitrage
                && _settings.RefuseUnprofitableArbitrage && input.HasPriceSpread && capWh > 0)
            {
                double top = _swingTopSoc > soc ? _swingTopSoc : soc;
                marginal = _degradation.MarginalCostPerKWh(top / 100, soc / 100, -request / capWh, input.TemperatureC, capWh / 1000);
                if (input.PriceSpreadPerKWh < marginal)
                {
                    LimitDischarge(0, BatteryClipReason.DegradationCost);
                }
            }

            BatteryGuardDecision d = new BatteryGuardDecision();
            d.RequestedPowerW = request;
            d.MarginalCostPerKWh = marginal;
            double allowed = request;
            BatteryClipReason reason = BatteryClipReason.None;
            if (request < 0 && -request > _dischargeMaxW)
            {
                allowed = -_dischargeMaxW;
                reason = _dischargeReason;
            }
            else if (request > 0)
            {
                if (request > _chargeMaxW)
                {
                    allowed = _chargeMaxW;
                    reason = _chargeReason;
                }

                if (allowed > policyChargeMaxW)
                {
                    allowed = policyChargeMaxW;
                    reason = BatteryClipReason.ReversalCap;
                }
            }

            // The frequency part on top of the allowed dispatch part, inside the state-of-charge and physical bounds.
            double total = allowed + frequencyRequestW;
            if (frequencyRequestW != 0)
            {
                if (total < 0 && -total > physicalDischargeMaxW && frequencyRequestW < 0)
                {
                    total = allowed < -physicalDischargeMaxW ? allowed : -physicalDischargeMaxW;
                    if (reason == BatteryClipReason.None)
                    {
                        reason = physicalDischargeReason;
                    }
                }
                else if (total > 0 && total > physicalChargeMaxW && frequencyRequestW > 0)
                {
                    total = allowed > physicalChargeMaxW ? allowed : physicalChargeMaxW;
                    if (reason == BatteryClipReason.None)
                    {
                        reason = physicalChargeReason;
                    }
                }
            }

            double frequencyPartW = total - allowed;
            if (forceW > 0 && total < forceW)
            {
                // The forced charge is the dispatch part's; a frequency response toward discharge gives way to it.
                total = forceW;
                reason = BatteryClipReason.DepartureEnergy;
                if (frequencyPartW < 0)
                {
                    frequencyPartW = 0;
                }
            }

            request += frequencyRequestW;
            d.RequestedPowerW = request;
            allowedFrequencyW = frequencyPartW;
            allowed = total;
            d.AllowedPowerW = allowed;
            d.ClippedW = Numeric.Abs(allowed - request);
            if (d.ClippedW < 1e-9)
            {
                reason = BatteryClipReason.None;
            }

            d.Reason = reason;

            if (reason != BatteryClipReason.None)
            {
                _clipTicks[(int)reason]++;
            }

            _lastReason = reason;
            _lastClippedW = d.ClippedW;
            TrackDirection(allowed, soc, input.NowMs);
            return d;
        }

        private void Account(ref BatteryGuardInput input, double dtS)
        {
            double soc = input.SocPercent;
            if (!_started)
            {
                _started = true;
                _dayStartMs = input.NowMs;
                _dayTopSoc = soc;
                _swingTopSoc = soc;
                if (!_inSession)
                {
                    _sessionTopSoc = soc;
                }
            }
            else if (dtS > 0)
            {
                double p = input.MeasuredPowerW;
                if (!double.IsNaN(p))
                {
                    double wh = p * dtS / 3600;
                    if (wh > 0)
                    {
                        _chargedWh += wh;
                    }
                    else
                    {
                        _dischargedWh -= wh;
                    }
                }

                if (_lastReason != BatteryClipReason.None)
                {
                    _clippedWh[(int)_lastReason] += _lastClippedW * dtS / 3600;
                }
            }

            _lastNowMs = input.NowMs;

            if (input.NowMs - _dayStartMs >= DayMs)
            {
                _dayStartMs = input.NowMs;
                _dayTopSoc = soc;
            }

            if (soc > _dayTopSoc)
            {
                _dayTopSoc = soc;
            }

            if (soc > _sessionTopSoc)
            {
                _sessionTopSoc = soc;
            }

            double cRate = double.NaN;
            if (!double.IsNaN(input.MeasuredPowerW) && input.CapacityWh > 0)
            {
                cRate = Numeric.Abs(input.MeasuredPowerW) / input.CapacityWh;
            }

            _degradation.Observe(input.NowMs / 1000.0, soc / 100, cRate, input.TemperatureC);
        }

        /// <summary>
        /// departure_energy: the charge still needed (to the vehicle's target, capped by the owner's maximum, or
        /// the vehicle's energy request) must fit in the time left less the margin, at the planned fraction of the
        /// charge power the guard allows. Discharge keeps that slack ≥ 0 after this tick; once it is used up the
        /// charge is forced. Returns the forced charge power, W (0 when none).
        /// </summary>
        private double DepartureRule(ref BatteryGuardInput input, double soc, double capWh, double tickS, double physicalChargeW)
        {
            double available = physicalChargeW;
            if (input.AvailableChargePowerW > 0 && input.AvailableChargePowerW < available)
            {
                available = input.AvailableChargePowerW;
            }

            if (soc >= _settings.MaxSocPercent && available > 0)
            {
                available = 0;
            }

            double needWh = 0;
            if (!double.IsNaN(input.VehicleTargetSocPercent))
            {
                double target = Numeric.Min(input.VehicleTargetSocPercent, _settings.MaxSocPercent);
                needWh = (target - soc) / 100 * capWh;
            }

            if (!double.IsNaN(input.TargetEnergyRequestWh) && input.TargetEnergyRequestWh > needWh)
            {
                double headroomWh = (_settings.MaxSocPercent - soc) / 100 * capWh;
                needWh = Numeric.Min(input.TargetEnergyRequestWh, headroomWh);
            }

            if (needWh < 0)
            {
                needWh = 0;
            }

            double eta = _settings.RoundTripEfficiency > 0 ? _settings.RoundTripEfficiency : 1;
            double chargeEfficiency = Numeric.Sqrt(eta);
            double planW = available * _settings.DeparturePlanningPowerFraction;
            double timeLeftS = (input.DepartureMs - input.NowMs) / 1000.0 - _settings.DepartureMarginS;
            double needDcWh = needWh / chargeEfficiency;

            if (!(planW > 0) || double.IsPositiveInfinity(planW))
            {
                // Nothing to plan with (charging impossible now, or no power figure): only stop discharging.
                if (needWh > 0 || timeLeftS <= tickS)
                {
                    LimitDischarge(0, BatteryClipReason.DepartureEnergy);
                }

                return 0;
            }

            double slackS = timeLeftS - needDcWh * 3600 / planW;
            if (slackS <= tickS)
            {
                LimitDischarge(0, BatteryClipReason.DepartureEnergy);
                if (needWh <= 0)
                {
                    return 0;
                }

                double required = timeLeftS > tickS ? needDcWh * 3600 / timeLeftS : available;
                double force = Numeric.Max(planW, required);
                return Numeric.Min(force, available);
            }

            // Discharging D W for one tick costs the tick and D·tick/(η·P_plan) of recharge time.
            LimitDischarge((slackS - tickS) * eta * planW / tickS, BatteryClipReason.DepartureEnergy);
            return 0;
        }

        /// <summary>Full power inside [cold, hot], falling linearly to 0 over the derating band outside it.</summary>
        private double TemperatureFactor(double temperatureC)
        {
            if (double.IsNaN(temperatureC))
            {
                return 1;
            }

            double cold = double.IsNaN(_settings.ColdFullPowerC) ? _degradation.Model.MinCyclingTemperatureC : _settings.ColdFullPowerC;
            double hot = double.IsNaN(_settings.HotFullPowerC) ? _degradation.Model.MaxCyclingTemperatureC : _settings.HotFullPowerC;
            double band = _settings.TemperatureDeratingBandC;
            double outside = 0;
            if (temperatureC < cold)
            {
                outside = cold - temperatureC;
            }
            else if (temperatureC > hot)
            {
                outside = temperatureC - hot;
            }

            if (outside <= 0)
            {
                return 1;
            }

            if (!(band > 0) || outside >= band)
            {
                return 0;
            }

            return 1 - outside / band;
        }

        private void LimitDischargeAbove(double soc, double floorPercent, double capWh, double tickS, BatteryClipReason reason)
        {
            if (soc <= floorPercent)
            {
                LimitDischarge(0, reason);
            }
            else if (capWh > 0)
            {
                LimitDischarge((soc - floorPercent) / 100 * capWh * 3600 / tickS, reason);
            }
        }

        private void LimitCharge(double maxW, BatteryClipReason reason)
        {
            if (maxW < _chargeMaxW)
            {
                _chargeMaxW = maxW < 0 ? 0 : maxW;
                _chargeReason = reason;
            }
        }

        private void LimitDischarge(double maxW, BatteryClipReason reason)
        {
            if (maxW < _dischargeMaxW)
            {
                _dischargeMaxW = maxW < 0 ? 0 : maxW;
                _dischargeReason = reason;
            }
        }

        private static int Cap(int reversals)
        {
            return reversals > MaxReversalCap ? MaxReversalCap : reversals;
        }

        private void TrackDirection(double allowedW, double soc, long nowMs)
        {
            int direction = 0;
            if (allowedW > _settings.ReversalDeadbandW)
            {
                direction = 1;
            }
            else if (allowedW < -_settings.ReversalDeadbandW)
            {
                direction = -1;
            }

            if (direction >= 0)
            {
                // Not discharging: the next discharge swing starts from here.
                _swingTopSoc = soc;
            }

            if (direction == 0)
            {
                return;
            }

            if (_lastDirection != 0 && direction != _lastDirection)
            {
                _reversalMs[_reversalNext] = nowMs;
                _reversalNext = (_reversalNext + 1) % MaxReversalCap;
                if (_reversalStored < MaxReversalCap)
                {
                    _reversalStored++;
                }
            }

            _lastDirection = direction;
        }
    }
}
