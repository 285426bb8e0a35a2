using V2G.Firmware.Faults;

namespace V2G.Firmware.Safety
{
    /// <summary>The outcome of one supervisor check: a fault code (None if all is well) and the value that tripped it.</summary>
    public struct FaultCheck
    {
        public FaultCode Code;

        public double Value;

        public bool IsFault => Code != FaultCode.None;
    }
}
