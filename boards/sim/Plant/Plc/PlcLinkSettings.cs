namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// How the two simulated modems behave (digest §5.1, a design marked [U] there): how long the EV's
    /// modem takes to join the charger's network after it got the key, how long a modem restarts after
    /// a key or a reset, and what attenuation the charger's modem measures on the sounds.
    /// </summary>
    public sealed class PlcLinkSettings
    {
        /// <summary>
        /// Time from the moment both modems hold the same NMK until they form one network (link status 1,
        /// unicast passes), ms. The EV modem "restarts … approx five seconds" to apply the key [V:P2
        /// checkpoint 180]; an Alpitronic reacted 7 s after MATCH.CNF [V:P1]; TT_match_join allows 12 s.
        /// </summary>
        public int JoinDelayMs = 5000;

        /// <summary>
        /// After answering CM_SET_KEY.REQ (or VS_RS_DEV.REQ) a modem restarts and drops every frame for
        /// this long, ms (digest §5.1 "drop frames for 1–7 s" [U]). pyPLC saw the CNF come first and the
        /// LEDs blink afterwards [V:P1], so the CNF is not delayed. 0: no restart window.
        /// </summary>
        public int ModemRestartMs;

        /// <summary>Time a modem takes to answer its own host (SET_KEY.CNF, vendor CNFs), ms.</summary>
        public int ModemResponseDelayMs;

        /// <summary>Shape of the CM_ATTEN_PROFILE.IND values.</summary>
        public PlcAttenuationProfile AttenuationProfile = PlcAttenuationProfile.Flat;

        /// <summary>
        /// Mean attenuation over the 58 groups, dB. EVerest's emulator draws 20–27 dB [V:E7]; a DIN/TS
        /// 70121 comment calls 20–35 dB "reasonable range for robust link" [V:T1 comment].
        /// </summary>
        public double AttenuationMeanDb = 23;

        /// <summary>Each group deviates from the profile by a seeded uniform draw in ±this, dB.</summary>
        public double AttenuationSpreadDb = 3;

        /// <summary>For <see cref="PlcAttenuationProfile.Sloped"/>: rise from the lowest to the highest group, dB.</summary>
        public double AttenuationSlopeDb = 12;

        /// <summary>For <see cref="PlcAttenuationProfile.TooHigh"/>: the mean, dB.</summary>
        public double TooHighAttenuationDb = 60;

        /// <summary>Seed of the attenuation draws (kept apart from the impairments' so losses do not shift them).</summary>
        public uint AttenuationSeed = 7;

        /// <summary>Frames each modem can hold for its host; more are dropped and counted, as a full SPI buffer would.</summary>
        public int ReceiveQueueFrames = 64;
    }
}
