namespace V2G.Protocol.GbT.Charger
{
    /// <summary>Stable names of <see cref="Cc1State"/> (Enum.ToString gives a number on the device).</summary>
    public static class Cc1StateNames
    {
        // Indexed by the enum's value; the order is the contract with Cc1State.
        private static readonly string[] Names = { "not_connected", "connecting", "connected", "fault" };

        /// <summary>The name of <paramref name="state"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(Cc1State state)
        {
            int index = (int)state;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
