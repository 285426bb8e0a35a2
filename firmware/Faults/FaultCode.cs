namespace V2G.Firmware.Faults
{
    /// <summary>
    /// Fault codes. The numbers are part of the telemetry and diagnostics interfaces: never
    /// renumber. Meanings, latching and clearing are in <see cref="FaultCatalogue"/>.
    /// </summary>
    public enum FaultCode
    {
        None = 0,
        EmergencyStop = 1,
        InsulationFault = 2,
        InsulationMonitorFailure = 3,
        OverVoltage = 4,
        OverCurrent = 5,
        OverTemperature = 6,
        ContactorWelded = 7,
        ContactorFailedToClose = 8,
        PowerStageHardware = 9,
        VehicleCommunicationLost = 10,
        ControlTickOverrun = 11,
        WatchdogReset = 12,
        CableCheckTimeout = 13,
        PreChargeFailed = 14,
        VehicleDisconnectedUnderLoad = 15,
        OutputVoltageNotDecayed = 16,
        PilotError = 17,
        PilotDiodeFault = 18,
        VehicleNotReadyUnderLoad = 19,
        GridUnderFrequency = 20,
        GridOverFrequency = 21,
        GridUnderVoltage = 22,
        GridOverVoltage = 23,
        LossOfMains = 24,
    }
}
