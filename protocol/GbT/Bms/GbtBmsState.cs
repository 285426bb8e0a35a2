namespace V2G.Protocol.GbT.Bms
{
    /// <summary>
    /// Where the simulated BMS (<see cref="GbtBmsSimulator"/>) stands in the GB/T 27930-2015 session
    /// [digest §6, S2]. The values index <see cref="GbtBmsStateNames"/>: keep the two in the same order.
    /// </summary>
    public enum GbtBmsState
    {
        /// <summary>No auxiliary power (the charger's K3/K4 are open): the BMS is asleep and sends nothing.</summary>
        Off = 0,

        /// <summary>Powered; waiting for the first CHM (or a CRM from a 2011 charger, which sends no CHM).</summary>
        WaitingForChm = 1,

        /// <summary>CHM seen: BHM every 250 ms until CRM arrives (the charger's insulation test runs meanwhile).</summary>
        Handshake = 2,

        /// <summary>CRM(00h) seen: BRM via TP every 250 ms until CRM(AAh).</summary>
        Recognition = 3,

        /// <summary>CRM(AAh) seen: BCP via TP every 500 ms until CML.</summary>
        Parameters = 4,

        /// <summary>CML seen: BRO(00h) every 250 ms for <see cref="GbtBmsSettings.NotReadyMs"/>, then the contactor closes.</summary>
        NotReady = 5,

        /// <summary>Contactor closed: BRO(AAh) every 250 ms until CRO(AAh).</summary>
        Ready = 6,

        /// <summary>CRO(AAh) seen: BCL 50 ms, BCS 250 ms (TP), BSM 250 ms after the first CCS, BMV/BMT 10 s.</summary>
        Charging = 7,

        /// <summary>BST every 10 ms (the BMS stopped, or answers the charger's CST); waiting for CST.</summary>
        Stopping = 8,

        /// <summary>CST seen: BSD every 250 ms until CSD; the contactor opens once the current is about 0.</summary>
        Statistics = 9,

        /// <summary>CSD seen (or its wait ended): the session is over, the contactor open.</summary>
        Done = 10,

        /// <summary>A timeout: BEM every 250 ms until a new CRM(00h) restarts recognition (or 30 s pass).</summary>
        Error = 11,

        /// <summary>The charger reported a timeout (CEM): silent, contactor opening, waiting for a new CRM(00h).</summary>
        ChargerError = 12,
    }
}
