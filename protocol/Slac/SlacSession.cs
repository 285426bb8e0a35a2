namespace V2G.Protocol.Slac
{
    /// <summary>
    /// One matching session of <see cref="SlacMatching"/>, keyed by (EV MAC, RunID) as EVerest and the
    /// standard do ("[V2G3-A09-16]" per [V:E3]). Preallocated and reused: nothing here allocates after construction.
    /// </summary>
    internal sealed class SlacSession
    {
        /// <summary>The slot holds a session.</summary>
        public bool InUse;

        public readonly byte[] EvMac = new byte[MmeHeader.MacLength];

        public readonly byte[] RunId = new byte[MmeHeader.RunIdLength];

        /// <summary>One of WaitingForStartAttenChar, Sounding, WaitingForAttenCharRsp, WaitingForMatch, Failed.</summary>
        public SlacState State;

        /// <summary>When the current state's timer expires, ms.</summary>
        public long DeadlineMs;

        /// <summary>Per-group sums of the profiles' AAG, dB (58 × 255 × profiles fits an int).</summary>
        public readonly int[] AagSums = new int[MmeHeader.AagGroupCount];

        /// <summary>CM_ATTEN_PROFILE.IND counted.</summary>
        public int Profiles;

        /// <summary>The averaged groups sent in CM_ATTEN_CHAR.IND, dB.</summary>
        public readonly byte[] AagAverage = new byte[MmeHeader.AagGroupCount];

        /// <summary>CM_ATTEN_CHAR.IND resends so far.</summary>
        public int AttenCharResends;

        /// <summary>Why the session failed, or null.</summary>
        public string FailureReason;

        /// <summary>Order of creation, to pick the most recent session's reason.</summary>
        public long Sequence;

        public bool Is(byte[] frame, int macOffset, int runIdOffset)
        {
            return InUse
                && MmeHeader.BytesEqual(frame, macOffset, EvMac, 0, MmeHeader.MacLength)
                && MmeHeader.BytesEqual(frame, runIdOffset, RunId, 0, MmeHeader.RunIdLength);
        }

        public void Start(byte[] frame, int macOffset, int runIdOffset, long deadlineMs, long sequence)
        {
            InUse = true;
            MmeHeader.CopyOut(frame, macOffset, EvMac, MmeHeader.MacLength);
            MmeHeader.CopyOut(frame, runIdOffset, RunId, MmeHeader.RunIdLength);
            State = SlacState.WaitingForStartAttenChar;
            DeadlineMs = deadlineMs;
            for (int i = 0; i < AagSums.Length; i++)
            {
                AagSums[i] = 0;
                AagAverage[i] = 0;
            }

            Profiles = 0;
            AttenCharResends = 0;
            FailureReason = null;
            Sequence = sequence;
        }

        public void Clear()
        {
            InUse = false;
            State = SlacState.Matching;
            Profiles = 0;
            FailureReason = null;
        }
    }
}
