namespace V2G.Protocol.Session
{
    /// <summary>What the vehicle reports each message of the charge loop.</summary>
    public struct EvStatus
    {
        /// <summary>The vehicle's own measurement of its battery voltage, V.</summary>
        public double BatteryVoltageV;

        /// <summary>State of charge, % (0..100).</summary>
        public double SocPercent;

        /// <summary>
        /// Current the vehicle asks for, signed (+ into the vehicle), when its protocol carries one
        /// (ISO 15118-20 Scheduled mode, GB/T BCL); it caps the charger's current in that direction.
        /// </summary>
        public double RequestedCurrentA;

        /// <summary>False when the protocol carries no current request (ISO 15118-20 Dynamic mode).</summary>
        public bool HasCurrentRequest;

        /// <summary>Battery temperature, °C, when reported (NaN otherwise).</summary>
        public double BatteryTemperatureC;
    }
}
