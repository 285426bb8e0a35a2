using V2G.Hal.Buses;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// One node of <see cref="TestCanBus"/>: what it sends goes to the other node's receive queue (and
    /// into the bus's record); a bounded ring, preallocated, so polling allocates nothing.
    /// </summary>
    public sealed class TestCanEndpoint : ICanPort
    {
        private readonly TestCanBus _bus;
        private readonly CanFrame[] _queue;
        private int _head;
        private int _count;

        internal TestCanEndpoint(TestCanBus bus, int capacity)
        {
            _bus = bus;
            _queue = new CanFrame[capacity];
        }

        internal TestCanEndpoint Peer;

        /// <summary>While false, TrySend refuses (a full transmit queue).</summary>
        public bool AcceptSends = true;

        /// <summary>Frames lost because the peer's receive queue was full.</summary>
        public int Overflows;

        public bool IsBusOff => false;

        public int Pending => _count;

        public bool TrySend(ref CanFrame frame)
        {
            if (!AcceptSends)
            {
                return false;
            }

            _bus.Record(this, ref frame);
            Peer.Deliver(ref frame);
            return true;
        }

        public bool TryReceive(out CanFrame frame)
        {
            if (_count == 0)
            {
                frame = default(CanFrame);
                return false;
            }

            frame = _queue[_head];
            _head = (_head + 1) % _queue.Length;
            _count--;
            return true;
        }

        /// <summary>Puts a frame into this node's receive queue, as if another node had sent it.</summary>
        public void Deliver(ref CanFrame frame)
        {
            if (_count == _queue.Length)
            {
                Overflows++;
                return;
            }

            _queue[(_head + _count) % _queue.Length] = frame;
            _count++;
        }

        /// <summary>Forgets every frame waiting.</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }
    }
}
