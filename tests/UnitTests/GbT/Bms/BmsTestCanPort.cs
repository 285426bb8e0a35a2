using V2G.Hal.Buses;

namespace V2G.UnitTests.GbT.Bms
{
    /// <summary>A CAN port for the BMS tests: frames queued for the BMS to receive, and the frames it sent in order.</summary>
    public sealed class BmsTestCanPort : ICanPort
    {
        private readonly CanFrame[] _inbox = new CanFrame[256];
        private int _inHead;
        private int _inCount;
        private readonly CanFrame[] _outbox = new CanFrame[256];
        private int _outHead;
        private int _outCount;

        /// <summary>When false, TrySend refuses every frame (a full transmit queue).</summary>
        public bool Accepting = true;

        public bool IsBusOff => false;

        public long Sent { get; private set; }

        /// <summary>Queues a frame for the BMS.</summary>
        public void Deliver(CanFrame frame)
        {
            _inbox[(_inHead + _inCount) % _inbox.Length] = frame;
            _inCount++;
        }

        public bool TrySend(ref CanFrame frame)
        {
            if (!Accepting || _outCount == _outbox.Length)
            {
                return false;
            }

            _outbox[(_outHead + _outCount) % _outbox.Length] = frame;
            _outCount++;
            Sent++;
            return true;
        }

        public bool TryReceive(out CanFrame frame)
        {
            if (_inCount == 0)
            {
                frame = new CanFrame();
                return false;
            }

            frame = _inbox[_inHead];
            _inHead = (_inHead + 1) % _inbox.Length;
            _inCount--;
            return true;
        }

        /// <summary>Takes the oldest frame the BMS sent.</summary>
        public bool TryTakeSent(out CanFrame frame)
        {
            if (_outCount == 0)
            {
                frame = new CanFrame();
                return false;
            }

            frame = _outbox[_outHead];
            _outHead = (_outHead + 1) % _outbox.Length;
            _outCount--;
            return true;
        }
    }
}
