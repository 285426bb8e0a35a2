namespace V2G.Protocol.Iso15118.Evcc
{
    /// <summary>
    /// Where the EV side of an ISO 15118-20 session stands. Names for logs come from
    /// <see cref="EvccStateNames"/> (Enum.ToString gives the number on the device).
    /// </summary>
    public enum EvccState
    {
        /// <summary>No stream attached yet.</summary>
        Idle = 0,
        SupportedAppProtocol = 1,
        SessionSetup = 2,
        AuthorizationSetup = 3,

        /// <summary>EIM authorization, repeated while the charger answers Ongoing.</summary>
        Authorization = 4,
        ServiceDiscovery = 5,
        ServiceDetail = 6,
        ServiceSelection = 7,
        ChargeParameterDiscovery = 8,

        /// <summary>Repeated while the charger answers Ongoing.</summary>
        ScheduleExchange = 9,

        /// <summary>Repeated while the charger answers Ongoing (the insulation test), 40 s at most.</summary>
        CableCheck = 10,

        /// <summary>Repeated until the charger's voltage matches the battery's and the EV contactor is closed, 10 s at most.</summary>
        PreCharge = 11,
        PowerDeliveryStart = 12,
        ChargeLoop = 13,
        PowerDeliveryStop = 14,

        /// <summary>Waiting for the current to fall to about 0, then for the EV contactor to open.</summary>
        OpeningContactor = 15,

        /// <summary>Repeated while the inlet voltage has not fallen (the EV checks its own contactor).</summary>
        WeldingDetection = 16,
        SessionStop = 17,

        /// <summary>SessionStop Pause answered: waiting for <see cref="EvccSession.Resume"/>.</summary>
        Paused = 18,

        /// <summary>After a failure: opening the EV contactor once the current is about 0.</summary>
        Aborting = 19,

        /// <summary>The session ended (see <see cref="EvccSession.EndReason"/>).</summary>
        Finished = 20,
    }
}
