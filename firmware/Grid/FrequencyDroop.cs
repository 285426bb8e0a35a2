using System;
using V2G.Firmware.Numerics;

namespace V2G.Firmware.Grid
{
    /// <summary>
    /// Frequency-watt (droop) control after IEEE 1547-2018, for a bidirectional charger: moves the
    /// operating point around the dispatch setpoint in both directions, so a charging vehicle first
    /// charges less under an under-frequency and then discharges [digest §9, BESS note; GB/T 40595:
    /// "must regulate while charging and while discharging", §4, S].
    /// <para>
    /// The droop equation is evaluated as OpenDER does [digest §1, V: OpenDER frequency_droop.py
    /// Eq. 3.7.1-13/14]: p_pre is latched when the frequency leaves the deadband, then
    /// over-frequency p = max(p_pre − (f − (fN + dbOF)) / (fN·kOF), Pmin) and under-frequency
    /// p = min(p_pre + ((fN − dbUF) − f) / (fN·kUF), Pavail), in per unit of the rated power and in
    /// IEEE's generator sign (+ = export). For a charger Pavail is the discharge power the vehicle,
    /// the charger and the battery permit now and Pmin is −(the charge power they permit): never the
    /// present demand, which would suppress the response of an idle charger [digest §9].
    /// </para>
    /// <para>
    /// The droop's contribution (p − p_pre, in W) then goes through a first-order lag with
    /// τ = (ResponseTimeMs − DelayCompensationMs)/2.3, discretised exactly for the time between
    /// calls, so the end-to-end t90 (estimator and converter included) meets the response time.
    /// Inside the deadband, once the filter has settled back, the target is the setpoint itself:
    /// dispatch changes pass unfiltered (they have their own ramp in energy transfer).
    /// </para>
    /// <para>
    /// Sign: every value in and out is in the firmware's sign (+ = into the vehicle). The IEEE
    /// generator sign exists only inside, between <see cref="ToGeneratorPu"/> and
    /// <see cref="FromGeneratorPu"/>. Nothing is allocated after construction.
    /// </para>
    /// </summary>
    public sealed class FrequencyDroop
    {
        /// <summary>
        /// A returning response closer to zero than this fraction of the rated power counts as
        /// settled and the target snaps to the setpoint. OpenDER uses 1e-2 pu [its Eq. 26]; 1e-3 pu
        /// keeps the snap well inside GB/T 40595's ±1 % Pn steady-state error [digest §4, S].
        /// </summary>
        private const double SettledFractionOfRated = 0.001;

        private DroopSettings _settings;

        // Latched when the frequency left the deadband (firmware sign, W): the operating point
        // then (setpoint plus any response still settling) and the setpoint then.
        private double _preDisturbanceW;
        private double _setpointAtLatchW;
        private bool _outsideDeadband;

        // The filter's state: the droop's part (firmware sign, W), and whether it still has to settle.
        private double _filteredW;
        private bool _settling;

        private double _contributionW;

        private long _lastMs;
        private bool _started;
        private double _targetW;

        /// <summary>A droop with these settings (kept by reference; see <see cref="Apply"/>).</summary>
        public FrequencyDroop(DroopSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _settings = settings;
        }

        /// <summary>The settings in force.</summary>
        public DroopSettings Settings => _settings;

        /// <summary>
        /// The droop's part of the last target, W (+ into the vehicle): target − setpoint, the
        /// setpoint taken within the limits (so a setpoint the limits cut is not counted as a response).
        /// Exactly 0 inside the deadband once settled.
        /// </summary>
        public double ContributionW => _contributionW;

        /// <summary>The last target, W (+ into the vehicle).</summary>
        public double TargetW => _targetW;

        /// <summary>Outside the deadband, or back inside it with the response still settling.</summary>
        public bool IsActive => _outsideDeadband || _settling;

        /// <summary>
        /// Puts new settings in force. A response under way is kept and continues from where it is
        /// with the new deadband, droop and response time: no step in the power.
        /// </summary>
        public void Apply(DroopSettings settings)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _settings = settings;
        }

        /// <summary>
        /// One step of the droop, called per grid cycle or per control tick with the latest
        /// frequency estimate.
        /// </summary>
        /// <param name="setpointW">The dispatch setpoint, W (+ into the vehicle).</param>
        /// <param name="frequencyHz">The guarded frequency estimate, Hz.</param>
        /// <param name="nowMs">Monotonic time, ms.</param>
        /// <param name="maxChargeW">Charge power permitted now by vehicle, charger and battery, W (≥ 0).</param>
        /// <param name="maxDischargeW">Discharge power permitted now, W (magnitude, ≥ 0).</param>
        /// <returns>The power target, W (+ into the vehicle), within [−maxDischargeW, +maxChargeW].</returns>
        public double Update(double setpointW, double frequencyHz, long nowMs, double maxChargeW, double maxDischargeW)
        {
            DroopSettings s = _settings;
            double dtMs = _started ? nowMs - _lastMs : 0;
            if (dtMs < 0)
            {
                dtMs = 0;
            }

            _lastMs = nowMs;
            _started = true;

            double over = s.NominalHz + s.DeadbandOverHz;
            double under = s.NominalHz - s.DeadbandUnderHz;
            bool isOver = s.Enabled && frequencyHz > over;
            bool isUnder = s.Enabled && frequencyHz < under;

            // The operating point the dispatch asks for, within what is permitted now.
            double setpointInLimitsW = Numeric.Clamp(setpointW, -maxDischargeW, maxChargeW);
            double wantedContributionW = 0;
            if (isOver || isUnder)
            {
                if (!_outsideDeadband)
                {
                    // Leaving the deadband: latch the operating point, as OpenDER latches its
                    // previous output (a response still settling from the last event included).
                    _setpointAtLatchW = setpointInLimitsW;
                    _preDisturbanceW = Numeric.Clamp(setpointInLimitsW + _filteredW, -maxDischargeW, maxChargeW);
                    _outsideDeadband = true;
                }

                double rated = s.RatedPowerW;
                double pre = ToGeneratorPu(_preDisturbanceW, rated);
                double availablePu = maxDischargeW / rated;
                double minimumPu = -maxChargeW / rated;
                double p;
                if (isOver)
                {
                    p = Numeric.Max(pre - (frequencyHz - over) / (s.NominalHz * s.DroopOver), minimumPu);
                }
                else
                {
                    p = Numeric.Min(pre + (under - frequencyHz) / (s.NominalHz * s.DroopUnder), availablePu);
                }

                // Around the setpoint: a dispatch change during the event shifts the operating point
                // by that change, the droop's part is kept.
                wantedContributionW = FromGeneratorPu(p, rated) - _setpointAtLatchW;
            }
            else
            {
                _outsideDeadband = false;
            }

            double tauMs = s.FilterTimeConstantMs;
            if (tauMs <= 0)
            {
                _filteredW = wantedContributionW;
            }
            else
            {
                // Exact discretisation of dy/dt = (u − y)/τ with u held over the interval.
                double keep = Numeric.Exp(-dtMs / tauMs);
                _filteredW = wantedContributionW + (_filteredW - wantedContributionW) * keep;
            }

            if (!_outsideDeadband)
            {
                _settling = Numeric.Abs(_filteredW) > SettledFractionOfRated * s.RatedPowerW;
                if (!_settling)
                {
                    _filteredW = 0;
                }
            }
            else
            {
                _settling = true;
            }

            double target = Numeric.Clamp(setpointInLimitsW + _filteredW, -maxDischargeW, maxChargeW);
            _contributionW = target - setpointInLimitsW;
            _targetW = target;
            return target;
        }

        /// <summary>
        /// The one place the firmware's sign (+ into the vehicle, W) becomes IEEE 1547's generator
        /// sign (+ export, per unit of the rating).
        /// </summary>
        private static double ToGeneratorPu(double firmwareW, double ratedW)
        {
            return -firmwareW / ratedW;
        }

        /// <summary>The way back: IEEE generator sign per unit to the firmware's sign in W.</summary>
        private static double FromGeneratorPu(double generatorPu, double ratedW)
        {
            return -generatorPu * ratedW;
        }
    }
}
