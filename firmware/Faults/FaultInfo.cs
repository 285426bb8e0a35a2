namespace V2G.Firmware.Faults
{
    /// <summary>One entry of the fault catalogue.</summary>
    public sealed class FaultInfo
    {
        public FaultInfo(FaultCode code, string name, string meaning, FaultClearing clearing, bool opensAtOnce)
        {
            Code = code;
            Name = name;
            Meaning = meaning;
            Clearing = clearing;
            OpensContactorsAtOnce = opensAtOnce;
        }

        public FaultCode Code { get; }

        /// <summary>Stable snake_case name, for telemetry and the shell (Enum.ToString gives a number on the device).</summary>
        public string Name { get; }

        public string Meaning { get; }

        public FaultClearing Clearing { get; }

        /// <summary>True if the contactors open at once, under load if need be, instead of waiting for |I| ≤ 5 A.</summary>
        public bool OpensContactorsAtOnce { get; }

        /// <summary>True if only a technician can clear it.</summary>
        public bool IsLatched => Clearing == FaultClearing.Operator;
    }
}
