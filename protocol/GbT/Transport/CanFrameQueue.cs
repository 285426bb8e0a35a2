using V2G.Hal.Buses;

namespace V2G.Protocol.GbT.Transport
{
    /// <summary>A small preallocated FIFO of frames a transport endpoint wants sent (no allocation once built).</summary>
    internal sealed class CanFrameQueue
    {
        private readonly CanFrame[] _frames;
        private int _head;
        private int _count;

        public CanFrameQueue(int capacity)
        {
            _frames = new CanFrame[capacity];
        }

        public int Count => _count;

        public bool IsFull => _count == _frames.Length;

        /// <summary>Adds a frame; false (frame dropped) when full.</summary>
        public bool Add(CanFrame frame)
        {
            if (_count == _frames.Length)
            {
                return false;
            }

            _frames[(_head + _count) % _frames.Length] = frame;
            _count++;
            return true;
        }

        public bool TryTake(out CanFrame frame)
        {
            if (_count == 0)
            {
                frame = new CanFrame();
                return false;
            }

            frame = _frames[_head];
            _head = (_head + 1) % _frames.Length;
            _count--;
            return true;
        }

        public void Clear()
        {
            _head = 0;
            _count = 0;
        }
    }
}
