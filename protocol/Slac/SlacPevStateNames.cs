namespace V2G.Protocol.Slac
{
    /// <summary>Stable names of <see cref="SlacPevState"/> (Enum.ToString gives a number on the device).</summary>
    public static class SlacPevStateNames
    {
        // Indexed by the enum's value; the order is the contract with SlacPevState.
        private static readonly string[] Names =
        {
            "idle",
            "waiting_to_start",
            "waiting_for_parm_cnf",
            "waiting_before_sounding",
            "sounding",
            "waiting_for_atten_char",
            "waiting_before_match",
            "waiting_for_match_cnf",
            "setting_key",
            "matched",
            "failed",
        };

        /// <summary>The name of <paramref name="state"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(SlacPevState state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
