namespace V2G.Protocol.Session
{
    /// <summary>The charger's present values and status, as the protocols report them to the vehicle.</summary>
    public struct ChargerPresentValues
    {
        /// <summary>Output voltage at the connector, V.</summary>
        public double VoltageV;

        /// <summary>Output current, A; + into the vehicle, − out of it.</summary>
        public double CurrentA;

        /// <summary>Output power, W; + into the vehicle, − out of it.</summary>
        public double PowerW;

        /// <summary>True while the charger is holding the current below what was asked, at one of its limits.</summary>
        public bool IsCurrentLimited;

        public ChargerNotification Notification;

        /// <summary>True while a fault holds the charger in its safe state.</summary>
        public bool IsFaulted;
    }
}
