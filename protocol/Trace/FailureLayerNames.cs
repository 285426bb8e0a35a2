namespace V2G.Protocol.Trace
{
    /// <summary>Stable names of <see cref="FailureLayer"/> (Enum.ToString gives a number on the device).</summary>
    public static class FailureLayerNames
    {
        private static readonly string[] Names = { "none", "SDP", "TLS", "V2GTP", "EXI", "session", "CAN", "controller", "pilot", "slac" };

        public static string Of(FailureLayer layer)
        {
            int index = (int)layer;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
