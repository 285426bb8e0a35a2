using V2G.Hal.Buses;
using V2G.Protocol.Can;

namespace V2G.Sim.Plant.Can
{
    /// <summary>
    /// One node's CAN controller on a <see cref="VirtualCanBus"/> (give it to the charger's or the BMS
    /// model's protocol stack as its ICanPort). Received frames wait in a bounded queue, each visible from its
    /// delivery time on.
    /// </summary>
    public sealed class VirtualCanNode : ICanPort
    {
        private readonly VirtualCanBus _bus;
        private readonly CanFrameQueue _received;

        internal VirtualCanNode(VirtualCanBus bus, int index, string name, int queueFrames)
        {
            _bus = bus;
            Index = index;
            Name = name;
            _received = new CanFrameQueue(queueFrames);
        }

        /// <summary>This node's number on the bus (0, 1, … in the order they were added); the recorder gets it.</summary>
        public int Index { get; }

        /// <summary>A name for logs, e.g. "charger".</summary>
        public string Name { get; }

        /// <summary>True while this node is forced bus-off or the whole bus is (<see cref="VirtualCanBus.IsBusOff"/>).</summary>
        public bool IsBusOff => ForcedBusOff || _bus.IsBusOff;

        /// <summary>Fault injection: this node alone is bus-off (it can neither send nor receive).</summary>
        public bool ForcedBusOff { get; set; }

        /// <summary>Frames this node put on the bus.</summary>
        public long FramesSent { get; internal set; }

        /// <summary>Frames taken by <see cref="TryReceive"/>.</summary>
        public long FramesReceived { get; private set; }

        /// <summary>Frames lost because this node's receive queue was full.</summary>
        public long ReceiveOverflows => _received.Overflows;

        /// <summary>Frames in the receive queue, visible or still in flight.</summary>
        public int Pending => _received.Count;

        /// <summary>Puts the frame on the bus for every other node; false if it is invalid or a bus-off node sent it.</summary>
        public bool TrySend(ref CanFrame frame)
        {
            return _bus.Transmit(this, ref frame);
        }

        /// <summary>Takes the oldest frame whose delivery time has come; false when there is none.</summary>
        public bool TryReceive(out CanFrame frame)
        {
            long deliverAtMs;
            if (!_received.TryPeekStamp(out deliverAtMs) || deliverAtMs > _bus.NowMs)
            {
                frame = default(CanFrame);
                return false;
            }

            _received.TryDequeue(out frame, out deliverAtMs);
            FramesReceived++;
            return true;
        }

        /// <summary>Drops every frame waiting for this node.</summary>
        public void ClearReceived()
        {
            _received.Clear();
        }

        internal void Deliver(ref CanFrame frame, long deliverAtMs)
        {
            _received.TryEnqueue(ref frame, deliverAtMs);
        }
    }
}
