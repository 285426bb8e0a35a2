namespace V2G.Firmware.Battery
{
    /// <summary>
    /// The ageing models of the battery-ageing digest the firmware carries. Numbers are stable (settings,
    /// telemetry); names in <see cref="AgeingModelKindNames"/>.
    /// </summary>
    public enum AgeingModelKind
    {
        /// <summary>N1: NMC111|graphite, Kokam 75 Ah pouch (BLAST-Lite Nmc111_Gr_Kokam75Ah_Battery) [digest §3].</summary>
        NmcKokam75Ah = 0,

        /// <summary>N2: NMC111|graphite, Sanyo UR18650E 2.15 Ah, Schmalstieg et al. 2014 (BLAST-Lite Nmc111_Gr_Sanyo2Ah_Battery) [digest §4].</summary>
        NmcSanyo2Ah = 1,

        /// <summary>L1: LFP|graphite, large-format prismatic 250 Ah (BLAST-Lite Lfp_Gr_250AhPrismatic) [digest §5].</summary>
        Lfp250AhPrismatic = 2,
    }
}
