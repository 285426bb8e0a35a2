namespace V2G.UnitTests.GbT.Traces
{
    /// <summary>
    /// Collapses the repeats of periodic messages into runs: frames of one kind belong to one run while they
    /// follow each other within <see cref="RunGapMs"/>; a longer silence means the message was stopped, and a
    /// later frame starts a new run (e.g. CRM(00h) of a re-handshake). Comparing the order of run starts
    /// compares the session's steps, not how two interleaved periodic messages happened to phase.
    /// </summary>
    public sealed class GbtRunTracker
    {
        /// <summary>
        /// A gap longer than this ends a run, ms: 1 s, the shortest timeout of the standard (BCL, CCS [digest §6, S2]),
        /// after which a peer takes a message as stopped. Every period of the standard is well below it.
        /// </summary>
        public const int RunGapMs = 1000;

        private const int MaxKinds = 64;

        private readonly int[] _kinds = new int[MaxKinds];
        private readonly long[] _lastMs = new long[MaxKinds];
        private readonly int[] _runs = new int[MaxKinds];
        private int _count;

        /// <summary>Takes a frame of <paramref name="kind"/> at <paramref name="timeMs"/>; returns the number (1, 2, ...) of the run it starts, or 0 if it continues one.</summary>
        public int Observe(int kind, long timeMs)
        {
            int i = IndexOf(kind);
            if (i < 0)
            {
                if (_count == MaxKinds)
                {
                    return 0;
                }

                i = _count++;
                _kinds[i] = kind;
                _runs[i] = 1;
                _lastMs[i] = timeMs;
                return 1;
            }

            long gapMs = timeMs - _lastMs[i];
            _lastMs[i] = timeMs;
            if (gapMs > RunGapMs)
            {
                _runs[i]++;
                return _runs[i];
            }

            return 0;
        }

        /// <summary>Runs of <paramref name="kind"/> started so far.</summary>
        public int RunsOf(int kind)
        {
            int i = IndexOf(kind);
            return i < 0 ? 0 : _runs[i];
        }

        private int IndexOf(int kind)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_kinds[i] == kind)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
