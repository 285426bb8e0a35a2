namespace V2G.Protocol.GbT.Charger
{
    /// <summary>
    /// The connection state read at CC1 detection point 1 (GB/T 18487.1 levels, which the digest does
    /// not carry: see <see cref="GbtChargerSettings.Cc1UnpluggedV"/>). Names: <see cref="Cc1StateNames"/>.
    /// </summary>
    public enum Cc1State
    {
        /// <summary>About 12 V: no plug in the vehicle inlet.</summary>
        NotConnected = 0,

        /// <summary>About 6 V: the plug is in but its switch S is open (latch not closed, or the operator presses the release).</summary>
        Connecting = 1,

        /// <summary>About 4 V: plug in and latched.</summary>
        Connected = 2,

        /// <summary>A voltage in none of the three bands (a short, an open sense line, a broken resistor).</summary>
        Fault = 3,
    }
}
