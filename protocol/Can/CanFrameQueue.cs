using V2G.Hal.Buses;

namespace V2G.Protocol.Can
{
    /// <summary>
    /// A bounded first-in first-out queue of CAN frames, each with a stamp (a time in ms: when it was
    /// received, or when it becomes visible). Frames are copied into preallocated slots, so queueing
    /// allocates nothing; a full queue refuses the frame and counts it (a receiver that falls behind
    /// loses the newest frames, as a CAN controller's FIFO does).
    /// </summary>
    public sealed class CanFrameQueue
    {
        private readonly CanFrame[] _frames;
        private readonly long[] _stamps;
        private int _head;
        private int _count;

        /// <summary>A queue of <paramref name="capacity"/> frames (at least 1).</summary>
        public CanFrameQueue(int capacity)
        {
            if (capacity < 1)
            {
                capacity = 1;
            }

            _frames = new CanFrame[capacity];
            _stamps = new long[capacity];
        }

        /// <summary>Frames waiting.</summary>
        public int Count => _count;

        /// <summary>Frames the queue holds at most.</summary>
        public int Capacity => _frames.Length;

        /// <summary>Frames refused because the queue was full, since construction.</summary>
        public long Overflows { get; private set; }

        /// <summary>Appends a copy of <paramref name="frame"/>; false (and counted) if the queue is full.</summary>
        public bool TryEnqueue(ref CanFrame frame, long stampMs)
        {
            if (_count == _frames.Length)
            {
                Overflows++;
                return false;
            }

            int tail = (_head + _count) % _frames.Length;
            _frames[tail] = frame;
            _stamps[tail] = stampMs;
            _count++;
            return true;
        }

        /// <summary>The oldest frame's stamp without taking it; false when the queue is empty.</summary>
        public bool TryPeekStamp(out long stampMs)
        {
            if (_count == 0)
            {
                stampMs = 0;
                return false;
            }

            stampMs = _stamps[_head];
            return true;
        }

        /// <summary>Takes the oldest frame; false when the queue is empty.</summary>
        public bool TryDequeue(out CanFrame frame, out long stampMs)
        {
            if (_count == 0)
            {
                frame = default(CanFrame);
                stampMs = 0;
                return false;
            }

            frame = _frames[_head];
            stampMs = _stamps[_head];
            _head = (_head + 1) % _frames.Length;
            _count--;
            return true;
        }

        /// <summary>Drops every waiting frame (the overflow count stays).</summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }
    }
}
