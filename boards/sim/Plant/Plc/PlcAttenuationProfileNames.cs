namespace V2G.Sim.Plant.Plc
{
    /// <summary>Stable names of <see cref="PlcAttenuationProfile"/> (Enum.ToString gives a number on the device).</summary>
    public static class PlcAttenuationProfileNames
    {
        private static readonly string[] Names = { "flat", "sloped", "zero", "too_high" };

        public static string Of(PlcAttenuationProfile profile)
        {
            int index = (int)profile;
            return index >= 0 && index < Names.Length ? Names[index] : "unknown";
        }
    }
}
