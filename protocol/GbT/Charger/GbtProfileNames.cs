namespace V2G.Protocol.GbT.Charger
{
    /// <summary>Stable names of <see cref="GbtProfile"/> (Enum.ToString gives a number on the device).</summary>
    public static class GbtProfileNames
    {
        // Indexed by the enum's value; the order is the contract with GbtProfile.
        private static readonly string[] Names = { "gbt2015", "gbt2023a" };

        /// <summary>The name of <paramref name="profile"/>, or "unknown" for a value outside the enum.</summary>
        public static string Of(GbtProfile profile)
        {
            int index = (int)profile;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
