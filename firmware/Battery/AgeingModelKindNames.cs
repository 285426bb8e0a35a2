namespace V2G.Firmware.Battery
{
    /// <summary>Stable snake_case names of <see cref="AgeingModelKind"/> (Enum.ToString gives a number on the device).</summary>
    public static class AgeingModelKindNames
    {
        private static readonly string[] Names = { "nmc_kokam_75ah", "nmc_sanyo_2ah", "lfp_250ah_prismatic" };

        /// <summary>Number of kinds.</summary>
        public const int Count = 3;

        /// <summary>The name of <paramref name="kind"/>; "unknown" outside the enumeration.</summary>
        public static string Of(AgeingModelKind kind)
        {
            int index = (int)kind;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }

        /// <summary>The kind named <paramref name="name"/>; false if none is.</summary>
        public static bool TryParse(string name, out AgeingModelKind kind)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    kind = (AgeingModelKind)i;
                    return true;
                }
            }

            kind = AgeingModelKind.NmcKokam75Ah;
            return false;
        }
    }
}
