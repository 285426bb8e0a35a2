namespace V2G.Firmware.Measurement
{
    /// <summary>
    /// Everything the controller reads from the hardware, taken once at the start of each tick so
    /// that all decisions of one tick see the same values.
    /// </summary>
    public struct Measurements
    {
        public long NowMs;

        /// <summary>Converter output voltage, before the contactors, V.</summary>
        public double ConverterVoltageV;

        /// <summary>Connector voltage, vehicle side of the contactors, V.</summary>
        public double ConnectorVoltageV;

        /// <summary>Output current, + into the vehicle, A.</summary>
        public double CurrentA;

        public double StageTemperatureC;

        /// <summary>Latched converter faults (V2G.Hal.Power.PowerStageFaults).</summary>
        public int StageFaults;

        public bool EmergencyStopActive;

        /// <summary>Both DC contactors' auxiliary contacts report open.</summary>
        public bool ContactorsFeedbackOpen;

        public bool InsulationHasResult;

        public double InsulationOhm;

        public bool InsulationMonitorFault;

        /// <summary>Grid frequency from the latest cycle, Hz.</summary>
        public double GridFrequencyHz;

        /// <summary>Grid RMS voltage from the latest cycle, V.</summary>
        public double GridVoltageV;

        /// <summary>Signed DC power at the connector, W (+ into the vehicle).</summary>
        public double PowerW => ConnectorVoltageV * CurrentA;
    }
}
