namespace V2G.Hal.Connector
{
    /// <summary>
    /// GB/T: the low-voltage auxiliary supply to the vehicle's BMS (A+/A−, through the charger's K3/K4),
    /// which wakes the BMS before the handshake and is switched off at the end of the session.
    /// </summary>
    public interface IAuxiliaryPower
    {
        /// <summary>Commands K3/K4 closed (true) or open (false).</summary>
        void Switch(bool on);

        /// <summary>True while the relays' feedback reads closed.</summary>
        bool IsOn { get; }
    }
}
