using V2G.Hal.Buses;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// A two-node CAN bus for tests: <see cref="Charger"/> and <see cref="Bms"/>, each an ICanPort whose
    /// frames reach the other. Every frame the charger sends is recorded with the time of
    /// <see cref="NowMs"/> in preallocated arrays (a whole session fits), for the tests to read.
    /// </summary>
    public sealed class TestCanBus
    {
        private readonly CanFrame[] _frames;
        private readonly long[] _timesMs;
        private int _recorded;

        public TestCanBus(int recordCapacity)
        {
            Charger = new TestCanEndpoint(this, 512);
            Bms = new TestCanEndpoint(this, 512);
            Charger.Peer = Bms;
            Bms.Peer = Charger;
            _frames = new CanFrame[recordCapacity];
            _timesMs = new long[recordCapacity];
        }

        public TestCanEndpoint Charger { get; }

        public TestCanEndpoint Bms { get; }

        /// <summary>The time stamped on recorded frames, ms (the rig sets it).</summary>
        public long NowMs;

        /// <summary>While false, frames are not recorded (the allocation test's long runs).</summary>
        public bool Recording = true;

        /// <summary>Frames the charger sent and the record kept.</summary>
        public int Count => _recorded;

        public CanFrame Frame(int i)
        {
            return _frames[i];
        }

        public long TimeMs(int i)
        {
            return _timesMs[i];
        }

        /// <summary>Forgets the record.</summary>
        public void ClearRecord()
        {
            _recorded = 0;
        }

        internal void Record(TestCanEndpoint from, ref CanFrame frame)
        {
            if (from != Charger || !Recording || _recorded == _frames.Length)
            {
                return;
            }

            _frames[_recorded] = frame;
            _timesMs[_recorded] = NowMs;
            _recorded++;
        }
    }
}
