namespace V2G.Hal.Comms
{
    /// <summary>
    /// Raw Ethernet frames through a network interface: on a CCS charger, the HomePlug Green PHY modem
    /// (a QCA7000 on SPI) that carries SLAC's management frames and then IPv6. A frame runs from the
    /// destination MAC to the end of the payload, without the FCS. Nothing blocks: protocol code polls.
    /// </summary>
    public interface IEthernetPort
    {
        /// <summary>The host's own MAC address (6 bytes; not the modem's). The caller must not modify it.</summary>
        byte[] MacAddress { get; }

        /// <summary>Queues one frame for sending; false if the port has no room now (the frame is not sent).</summary>
        bool TrySend(byte[] frame, int length);

        /// <summary>
        /// Copies the next received frame into <paramref name="buffer"/> and returns its length, or 0 if
        /// none is waiting. A frame longer than the buffer is dropped (and counted by the port).
        /// </summary>
        int Receive(byte[] buffer);
    }
}
