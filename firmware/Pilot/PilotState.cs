namespace V2G.Firmware.Pilot
{
    /// <summary>
    /// The control pilot state as the charger measures it (IEC 61851-1). Whether PWM runs (x1/x2) is
    /// the charger's own output, not part of the state. Names: <see cref="PilotStateNames"/>.
    /// </summary>
    public enum PilotState
    {
        /// <summary>+12 V: no vehicle connected.</summary>
        A = 0,

        /// <summary>+9 V: vehicle connected, not requesting energy.</summary>
        B = 1,

        /// <summary>+6 V: vehicle requests energy.</summary>
        C = 2,

        /// <summary>+3 V: vehicle requests energy and needs ventilation.</summary>
        D = 3,

        /// <summary>0 V in both phases: pilot shorted to PE or the generator disabled.</summary>
        E = 4,

        /// <summary>Steady −12 V: the charger is not available (error).</summary>
        F = 5,

        /// <summary>A voltage in no band (a fault, or a sample taken mid-transition).</summary>
        Invalid = 6,
    }
}
