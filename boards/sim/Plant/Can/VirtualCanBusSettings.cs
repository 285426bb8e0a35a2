namespace V2G.Sim.Plant.Can
{
    /// <summary>How a <see cref="VirtualCanBus"/> delivers frames.</summary>
    public sealed class VirtualCanBusSettings
    {
        /// <summary>Frames each node's receive queue holds; more are dropped and counted (as a controller's full FIFO).</summary>
        public int ReceiveQueueFrames = 64;

        /// <summary>
        /// Time from send to visibility at the other nodes, ms; 0 = at once. An extended 8-byte frame takes about
        /// 0.5 ms at 250 kbit/s; a larger value stands in for a receiver's interrupt and service latency.
        /// Applies to frames sent after a change.
        /// </summary>
        public int DeliveryDelayMs;
    }
}
