namespace V2G.Firmware.Ccs
{
    /// <summary>Where the CCS connection's lower layers stand, between plug-in and the ISO 15118 session.</summary>
    public enum CcsPhase
    {
        /// <summary>Pilot A (no vehicle): steady +12 V, the modem keyed with a fresh NMK.</summary>
        Unplugged = 0,

        /// <summary>Vehicle connected (B): 5 % offered, SLAC matching under way.</summary>
        Matching = 1,

        /// <summary>SLAC matched and the PLC link is up (D-LINK_READY): SDP and ISO 15118-20 may run.</summary>
        LinkReady = 2,

        /// <summary>Matching failed: the pilot runs the error sequence (F for T_step_EF, then X1) before the next attempt.</summary>
        ErrorSequence = 3,

        /// <summary>Every matching attempt failed: no digital communication, so no DC charging, until unplug.</summary>
        MatchingFailed = 4,

        /// <summary>The pilot showed E, F, an invalid voltage or a shorted diode: waiting for B again or for unplug.</summary>
        PilotError = 5,
    }
}
