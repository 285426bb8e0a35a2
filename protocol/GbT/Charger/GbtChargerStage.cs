namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// Where the charger's GB/T 27930 session is, in the order of the digest's §6 (physical connection,
    /// auxiliary power, handshake, recognition, parameters, charging, end of charging). Names for logs:
    /// <see cref="GbtChargerStageNames"/>.
    /// </summary>
    public enum GbtChargerStage
    {
        /// <summary>CC1 does not read "connected" (12 V or 6 V): nothing is sent.</summary>
        Unplugged = 0,

        /// <summary>CC1 reads 4 V (debounced): locking the connector, then the auxiliary power goes on.</summary>
        Connected = 1,

        /// <summary>CHM every 250 ms; after BHM the insulation check (cable check) runs while CHM goes on [digest §6, R1].</summary>
        Handshake = 2,

        /// <summary>CRM(00h) every 250 ms until a complete BRM, then CRM(AAh) until BCP [digest §6].</summary>
        Recognition = 3,

        /// <summary>BCP received: CTS + CML, waiting for BRO(AAh) (60 s) [digest §6].</summary>
        Parameters = 4,

        /// <summary>BRO(AAh) received: CRO(00h) during the battery-voltage check and pre-charge, then CRO(AAh) until BCL and BCS [digest §6].</summary>
        PreCharge = 5,

        /// <summary>CCS every 50 ms, following BCL/BCS/BSM [digest §6].</summary>
        Charging = 6,

        /// <summary>CST every 10 ms while the output powers down and the BMS answers with BST [digest §6].</summary>
        Stopping = 7,

        /// <summary>BSD received: CSD every 250 ms [digest §6].</summary>
        Statistics = 8,

        /// <summary>A BMS message timed out: CEM every 250 ms, output off, re-handshake from CRM(00h) after a delay [digest §7, S2].</summary>
        TimedOut = 9,

        /// <summary>The session is over (normally or after the last reconnect): auxiliary power off, connector unlocked once safe; waits for the unplug.</summary>
        Ended = 10,
    }
}
