namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// The shape of the attenuation the charger-side modem reports in CM_ATTEN_PROFILE.IND (58 carrier
    /// groups, dB) for each sound it hears (digest §5.1: "flat, realistic sloped, all-zero, too high" [U]).
    /// </summary>
    public enum PlcAttenuationProfile
    {
        /// <summary>Every group near the mean, with the seeded spread.</summary>
        Flat = 0,

        /// <summary>
        /// Rising with frequency around the mean (higher carriers attenuate more on a cable), plus the
        /// spread. The shape is a plausible assumption, not a measured one [U].
        /// </summary>
        Sloped = 1,

        /// <summary>All groups 0 dB: what a broken modem reports; an Ioniq rejects it [V:P1] (pitfall 13).</summary>
        Zero = 2,

        /// <summary>
        /// Flat around <see cref="PlcLinkSettings.TooHighAttenuationDb"/>, above the default EV threshold
        /// of 40 dB [V:Q1 SLAC_LIMIT]: a charger on a neighbouring cable heard through cross-talk.
        /// </summary>
        TooHigh = 3,
    }
}
