namespace V2G.Protocol.GbT.Bms
{
    /// <summary>Stable names of <see cref="GbtBmsState"/> (Enum.ToString gives a number on the device).</summary>
    public static class GbtBmsStateNames
    {
        // Indexed by the enum's value; the order is the contract with GbtBmsState.
        private static readonly string[] Names =
        {
            "off",
            "waiting_for_chm",
            "handshake",
            "recognition",
            "parameters",
            "not_ready",
            "ready",
            "charging",
            "stopping",
            "statistics",
            "done",
            "error",
            "charger_error",
        };

        /// <summary>The name of <paramref name="state"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(GbtBmsState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
