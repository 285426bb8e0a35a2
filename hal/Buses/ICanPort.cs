namespace V2G.Hal.Buses
{
    /// <summary>A CAN controller (MCP2515, slcan adapter, SocketCAN on a host).</summary>
    public interface ICanPort
    {
        /// <summary>Queues a frame for transmission; false if the transmit queue is full.</summary>
        bool TrySend(ref CanFrame frame);

        /// <summary>Takes the oldest received frame; false when none is waiting.</summary>
        bool TryReceive(out CanFrame frame);

        /// <summary>True while the controller is bus-off.</summary>
        bool IsBusOff { get; }
    }
}
