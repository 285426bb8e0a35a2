namespace V2G.Firmware.Battery
{
    /// <summary>Makes the ageing model a setting names.</summary>
    public static class AgeingModels
    {
        /// <summary>A new model of <paramref name="kind"/> (Kokam for a value outside the enumeration).</summary>
        public static AgeingModel Create(AgeingModelKind kind)
        {
            switch (kind)
            {
                case AgeingModelKind.NmcSanyo2Ah:
                    return new SanyoNmcAgeingModel();
                case AgeingModelKind.Lfp250AhPrismatic:
                    return new Lfp250AhAgeingModel();
                default:
                    return new KokamNmcAgeingModel();
            }
        }
    }
}
