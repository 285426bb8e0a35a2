namespace V2G.Firmware.Session
{
    /// <summary>The controller's session states, in the order an ISO 15118-20 session visits them.</summary>
    public enum ChargerState
    {
        Idle = 0,
        EvConnected = 1,
        CommunicationSetup = 2,
        Authorization = 3,
        ParameterExchange = 4,
        CableCheck = 5,
        PreCharge = 6,
        EnergyTransfer = 7,
        Stopping = 8,
        WeldingDetection = 9,
        SessionEnd = 10,

        /// <summary>A fault holds the output in its safe state.</summary>
        Fault = 11,
    }
}
