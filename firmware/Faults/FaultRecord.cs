namespace V2G.Firmware.Faults
{
    /// <summary>
    /// One recorded fault with the times of its safe-state sequence (monotonic ms). A value type
    /// so that the log is one preallocated array.
    /// </summary>
    public struct FaultRecord
    {
        public FaultCode Code;

        /// <summary>When the fault was detected, ms.</summary>
        public long RaisedAtMs;

        /// <summary>When the converter was disabled, ms.</summary>
        public long ConverterOffAtMs;

        /// <summary>When the contactors were commanded open, ms; −1 until then.</summary>
        public long ContactorsOpenAtMs;

        /// <summary>
        /// |Current| measured in the tick that commanded the contactors open, A: the breaking current
        /// as the firmware can know it. It is an upper bound of what the contacts actually broke, since
        /// the converter was disabled no later than that tick and its current falls while the contacts part.
        /// </summary>
        public double BreakingCurrentA;

        /// <summary>When the fault was cleared, ms; −1 while active.</summary>
        public long ClearedAtMs;

        /// <summary>A measured value that explains the fault (the voltage, current, resistance or temperature), in its unit.</summary>
        public double Value;

        public bool IsActive => ClearedAtMs < 0;

        public bool IsSafeStateReached => ContactorsOpenAtMs >= 0;
    }
}
