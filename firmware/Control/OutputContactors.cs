using V2G.Hal.Power;

namespace V2G.Firmware.Control
{
    /// <summary>
    /// The DC+ and DC− contactors switched as a pair, remembering when they were last commanded so
    /// the supervisor can tell a slow auxiliary contact from a welded or dead one.
    /// </summary>
    public sealed class OutputContactors
    {
        private readonly IContactor _positive;
        private readonly IContactor _negative;
        private readonly IContactor _precharge;
        private long _commandedAtMs;
        private bool _commandedClosed;

        public OutputContactors(DcOutput output)
        {
            _positive = output.Positive;
            _negative = output.Negative;
            _precharge = output.Precharge;
        }

        /// <summary>True if the pair was last commanded closed.</summary>
        public bool IsCommandedClosed => _commandedClosed;

        /// <summary>When the pair was last commanded, ms.</summary>
        public long CommandedAtMs => _commandedAtMs;

        /// <summary>Both auxiliary contacts report closed.</summary>
        public bool AreClosed => _positive.IsFeedbackClosed && _negative.IsFeedbackClosed;

        /// <summary>Both auxiliary contacts report open.</summary>
        public bool AreOpen => !_positive.IsFeedbackClosed && !_negative.IsFeedbackClosed;

        public bool PositiveFeedbackClosed => _positive.IsFeedbackClosed;

        public bool NegativeFeedbackClosed => _negative.IsFeedbackClosed;

        /// <summary>Closes DC− first, then DC+: the pole that closes last carries the inrush, and DC+ is the one rated for it.</summary>
        public void Close(long nowMs)
        {
            if (_commandedClosed)
            {
                return;
            }

            _negative.Close();
            _positive.Close();
            _commandedClosed = true;
            _commandedAtMs = nowMs;
        }

        /// <summary>Opens both (and the precharge relay, if any).</summary>
        public void Open(long nowMs)
        {
            // The contactors are de-energised even if already commanded open: a second Open is the
            // safe-state path and must never be skipped.
            _positive.Open();
            _negative.Open();
            if (_precharge != null)
            {
                _precharge.Open();
            }

            if (_commandedClosed)
            {
                _commandedClosed = false;
                _commandedAtMs = nowMs;
            }
        }
    }
}
