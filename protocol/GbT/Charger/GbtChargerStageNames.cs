namespace V2G.Protocol.GbT.Charger
{
    /// <summary>Stable names of <see cref="GbtChargerStage"/> (Enum.ToString gives a number on the device).</summary>
    public static class GbtChargerStageNames
    {
        // Indexed by the enum's value; the order is the contract with GbtChargerStage.
        private static readonly string[] Names =
        {
            "unplugged",
            "connected",
            "handshake",
            "recognition",
            "parameters",
            "pre_charge",
            "charging",
            "stopping",
            "statistics",
            "timed_out",
            "ended",
        };

        /// <summary>The name of <paramref name="stage"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(GbtChargerStage stage)
        {
            int index = (int)stage;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
