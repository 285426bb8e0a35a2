using V2G.Firmware.Numerics;

namespace V2G.Firmware.Pilot
{
    /// <summary>
    /// Pure classification of one pilot sample: the high- and low-phase voltages and whether the
    /// charger's PWM runs give the state and whether the vehicle's diode looks shorted. No state, no
    /// debounce (that is <see cref="ControlPilot"/>'s job), so the rules can be tested on their own.
    /// </summary>
    public static class PilotClassifier
    {
        /// <summary>
        /// Classifies a sample. Order matters: E (both phases ≈ 0 V) and F (both ≈ −12 V) are told by
        /// both phases [V:E12]; A–D by the positive level alone, since the diode keeps the vehicle's
        /// resistor off the negative half (digest §1.1). Without PWM both samples hold the steady level.
        /// </summary>
        /// <param name="settings">Band centres and widths, diode thresholds.</param>
        /// <param name="highPhaseV">Pilot voltage in the PWM's high phase (steady level without PWM), V.</param>
        /// <param name="lowPhaseV">Pilot voltage in the PWM's low phase (steady level without PWM), V.</param>
        /// <param name="pwmRunning">True while the charger drives a PWM (duty strictly between 0 and 100 %).</param>
        /// <param name="diodeFault">
        /// True when PWM runs, a vehicle is present (B, C or D) and the low phase is not held at −12 V
        /// (or mirrors the high phase) — the signature of a shorted or missing diode (§1.8). Always false
        /// without PWM: then the negative half is not driven and the diode cannot be judged.
        /// </param>
        public static PilotState Classify(PilotSettings settings, double highPhaseV, double lowPhaseV, bool pwmRunning, out bool diodeFault)
        {
            diodeFault = false;
            double halfWidthV = settings.BandHalfWidthV;

            if (InBand(highPhaseV, settings.StateEVoltageV, halfWidthV) && InBand(lowPhaseV, settings.StateEVoltageV, halfWidthV))
            {
                return PilotState.E;
            }

            if (InBand(highPhaseV, settings.StateFVoltageV, halfWidthV) && InBand(lowPhaseV, settings.StateFVoltageV, halfWidthV))
            {
                return PilotState.F;
            }

            PilotState state = LevelOf(settings, highPhaseV);
            if (pwmRunning && (state == PilotState.B || state == PilotState.C || state == PilotState.D))
            {
                bool lowNotHeld = lowPhaseV > settings.DiodeCheckLowPhaseMaxV;
                bool mirrored = Numeric.Abs(highPhaseV + lowPhaseV) <= settings.DiodeShortSumToleranceV;
                diodeFault = lowNotHeld || mirrored;
            }

            return state;
        }

        /// <summary>The state a positive level falls in: A, B, C, D or <see cref="PilotState.Invalid"/>.</summary>
        public static PilotState LevelOf(PilotSettings settings, double highPhaseV)
        {
            double halfWidthV = settings.BandHalfWidthV;
            if (InBand(highPhaseV, settings.StateAVoltageV, halfWidthV))
            {
                return PilotState.A;
            }

            if (InBand(highPhaseV, settings.StateBVoltageV, halfWidthV))
            {
                return PilotState.B;
            }

            if (InBand(highPhaseV, settings.StateCVoltageV, halfWidthV))
            {
                return PilotState.C;
            }

            if (InBand(highPhaseV, settings.StateDVoltageV, halfWidthV))
            {
                return PilotState.D;
            }

            return PilotState.Invalid;
        }

        /// <summary>True when the duty (0.01 %) is a PWM rather than a steady level (0 = −12 V, 10000 = +12 V).</summary>
        public static bool IsPwm(int dutyHundredthsPercent)
        {
            return dutyHundredthsPercent > ControlPilot.SteadyLowDuty && dutyHundredthsPercent < ControlPilot.SteadyHighDuty;
        }

        private static bool InBand(double voltageV, double centreV, double halfWidthV)
        {
            // NaN (a failed conversion) compares false here, so it lands in no band: Invalid.
            double deviationV = voltageV - centreV;
            return deviationV >= -halfWidthV && deviationV <= halfWidthV;
        }
    }
}
