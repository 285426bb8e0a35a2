using System.Diagnostics;
using System.Threading;
using V2G.Hal.Comms;

namespace V2G.Sim.Simulation
{
    /// <summary>
    /// Keeps simulated time honest when both ends of a real socket live in the simulator (the
    /// ISO 15118-20 charger and the EV simulator over loopback TCP or TLS): every byte one end writes
    /// is in flight until the other end has read it, and simulated time may only advance while
    /// nothing is in flight. So a 0.5 s charge-loop timeout at full speed means 0.5 s of simulated
    /// time with no message on the way, exactly as in real time. Counting application bytes works
    /// under TLS too: what one side writes is what the other reads.
    /// </summary>
    public sealed class Lockstep
    {
        private long _bytesInFlight;
        private long _stalls;

        /// <summary>Bytes written by one end and not yet read by the other.</summary>
        public long BytesInFlight => Interlocked.Read(ref _bytesInFlight);

        public bool IsQuiet => BytesInFlight == 0;

        /// <summary>Times <see cref="Settle"/> gave up waiting (a peer that closed with bytes unread).</summary>
        public long Stalls => Interlocked.Read(ref _stalls);

        /// <summary>Wraps one end's stream so its writes and reads are counted.</summary>
        public IByteStream Wrap(IByteStream inner)
        {
            return new CountingStream(inner, this);
        }

        /// <summary>
        /// Runs <paramref name="poll"/> (both ends' protocol work) until nothing is in flight, at most
        /// <paramref name="wallLimitMs"/> of wall time; returns false if it had to give up. The bytes
        /// of a stream that was closed with data unread are forgotten so the simulation goes on.
        /// </summary>
        public bool Settle(System.Action poll, int wallLimitMs)
        {
            poll();
            if (IsQuiet)
            {
                return true;
            }

            Stopwatch wall = Stopwatch.StartNew();
            var spin = new SpinWait();
            while (!IsQuiet)
            {
                if (wall.ElapsedMilliseconds > wallLimitMs)
                {
                    Interlocked.Increment(ref _stalls);
                    Interlocked.Exchange(ref _bytesInFlight, 0);
                    return false;
                }

                // Never the 1 ms sleep SpinWait falls back to: one per message in flight would add up to
                // seconds over a session's twenty thousand charge-loop messages.
                spin.SpinOnce(sleep1Threshold: -1);
                poll();
            }

            return true;
        }

        private void Add(long bytes)
        {
            Interlocked.Add(ref _bytesInFlight, bytes);
        }

        private sealed class CountingStream : IByteStream
        {
            private readonly IByteStream _inner;
            private readonly Lockstep _lockstep;

            public CountingStream(IByteStream inner, Lockstep lockstep)
            {
                _inner = inner;
                _lockstep = lockstep;
            }

            public bool IsOpen => _inner.IsOpen;

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = _inner.Read(buffer, offset, count);
                if (n > 0)
                {
                    _lockstep.Add(-n);
                }

                return n;
            }

            public bool Write(byte[] buffer, int offset, int count)
            {
                // Counted before the write: the peer's reader may see the bytes before Write returns.
                _lockstep.Add(count);
                if (_inner.Write(buffer, offset, count))
                {
                    return true;
                }

                _lockstep.Add(-count);
                return false;
            }

            public void Close()
            {
                _inner.Close();
            }
        }
    }
}
