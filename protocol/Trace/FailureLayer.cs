namespace V2G.Protocol.Trace
{
    /// <summary>
    /// The layer a session failure happened in. With a real car the first thing an engineer needs is
    /// which layer broke: discovery, the secure channel, framing, the encoding, or the session itself.
    /// </summary>
    public enum FailureLayer
    {
        None = 0,
        Sdp = 1,
        Tls = 2,
        V2gtp = 3,
        Exi = 4,
        Session = 5,

        /// <summary>GB/T 27930: CAN frames and the J1939 transport protocol.</summary>
        Can = 6,

        /// <summary>The charger's controller refused or failed a step.</summary>
        Controller = 7,

        /// <summary>CCS: the control pilot (states, duty cycle, diode check, proximity).</summary>
        Pilot = 8,

        /// <summary>CCS: SLAC matching over HomePlug Green PHY, and the PLC modem.</summary>
        Slac = 9,
    }
}
