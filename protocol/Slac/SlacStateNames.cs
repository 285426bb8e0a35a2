namespace V2G.Protocol.Slac
{
    /// <summary>Stable names of <see cref="SlacState"/> (Enum.ToString gives a number on the device).</summary>
    public static class SlacStateNames
    {
        // Indexed by the enum's value; the order is the contract with SlacState.
        private static readonly string[] Names =
        {
            "resetting",
            "unmatched",
            "matching",
            "waiting_for_start_atten_char",
            "sounding",
            "waiting_for_atten_char_rsp",
            "waiting_for_match",
            "joining",
            "matched",
            "failed",
        };

        /// <summary>The name of <paramref name="state"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(SlacState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
