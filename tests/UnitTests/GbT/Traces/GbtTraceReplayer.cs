using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.GbT.Transport;
using V2G.UnitTests.GbT.Charger;
using V2G.UnitTests.GbT.Codec;

namespace V2G.UnitTests.GbT.Traces
{
    /// <summary>
    /// Plays the BMS side of a reference trace against our charger session (on <see cref="GbtRig"/>'s test bus,
    /// fake controller, CC1 connected from the start) on a simulated 1 ms clock, aligned by message rather than
    /// by absolute time: each BMS frame is released relative to the charger frame that triggered it in the
    /// trace — the start of the latest run of CHM, CRM, CML, CRO, CCS, CST, CSD or CEM before it
    /// (<see cref="GbtChargerFrameKind.IsAnchor"/>) — plus its offset from that frame in the trace, once our
    /// charger has started the same run. BMS frames keep the trace's order. TP sessions: RTS and TP.DT are
    /// released as in the trace, but the DTs only after our charger's CTS for that PGN, and a session's DTs keep
    /// the alignment of its RTS (the hand-made BCL-timeout trace's charger answers CRM(AAh) in the middle of a
    /// BRM transfer, a known defect of that trace, TRACES.md, which must not hold the BMS's DTs back).
    /// The fake controller's insulation check and pre-charge take as long as the trace's charger took
    /// (first BHM → first CRM(00h); first BRO(AAh) → first CRO(AAh)), and it offers the limits of the trace's
    /// first CML.
    /// </summary>
    public sealed class GbtTraceReplayer
    {
        /// <summary>Longest wait for our CTS before the BMS's DTs of that session are given up, ms (J1939-21 T3 [digest §5]).</summary>
        public const int CtsWaitMs = J1939Tp.T3Ms;

        private const int MaxAnchors = 256;

        private readonly CanFrame[] _bms;
        private readonly long[] _bmsUs;
        private readonly int[] _bmsAnchor;
        private readonly long[] _releasedMs;
        private int _bmsCount;

        private readonly CanFrame[] _charger;
        private readonly long[] _chargerUs;
        private int _chargerCount;

        private readonly int[] _anchorKind = new int[MaxAnchors];
        private readonly int[] _anchorRun = new int[MaxAnchors];
        private readonly long[] _anchorTraceUs = new long[MaxAnchors];
        private readonly long[] _anchorOurMs = new long[MaxAnchors];
        private int _anchorCount;

        private readonly GbtRunTracker _ourRuns = new GbtRunTracker();
        private readonly byte[] _cml = new byte[8];
        private long _traceEndUs;

        public GbtTraceReplayer(string[] lines, GbtChargerSettings settings)
        {
            _bms = new CanFrame[lines.Length];
            _bmsUs = new long[lines.Length];
            _bmsAnchor = new int[lines.Length];
            _releasedMs = new long[lines.Length];
            _charger = new CanFrame[lines.Length];
            _chargerUs = new long[lines.Length];
            Rig = new GbtRig(settings);
            Rig.BmsActive = false;
            Read(lines);
        }

        /// <summary>The charger session, its bus (our frames are in Rig.Bus), the fake controller.</summary>
        public readonly GbtRig Rig;

        /// <summary>BMS frames later than this trace time are not replayed, µs (the real capture: up to where its charger stops).</summary>
        public long ReplayUntilUs = long.MaxValue;

        /// <summary>The session is polled every this many ms (the session asks for at least every 10 ms).</summary>
        public int PollMs = 1;

        /// <summary>Simulated time after the replayed end of the trace, ms.</summary>
        public int TailMs = 1000;

        /// <summary>Why the replay could not go on (an anchor our charger never sent), or null.</summary>
        public string Stall;

        /// <summary>BMS TP sessions our charger did not answer with CTS within <see cref="CtsWaitMs"/>.</summary>
        public int UnansweredTpSessions;

        /// <summary>The fake controller's insulation check and pre-charge, as taken from the trace, ms.</summary>
        public int InsulationCheckMs;
        public int PreChargeMs;

        public int TraceChargerCount => _chargerCount;

        public CanFrame TraceChargerFrame(int i)
        {
            return _charger[i];
        }

        public long TraceChargerUs(int i)
        {
            return _chargerUs[i];
        }

        /// <summary>The end of what is replayed, in trace time, µs.</summary>
        public long ReplayEndUs => ReplayUntilUs < _traceEndUs ? ReplayUntilUs : _traceEndUs;

        /// <summary>Runs the replay to the replayed end of the trace mapped to our time, plus <see cref="TailMs"/>.</summary>
        public void Run()
        {
            Rig.PlugIn();
            long limitMs = (_traceEndUs / 1000 * 2) + 20000;
            long lastReleaseMs = 0;
            int next = 0;
            int seen = 0;
            bool awaitingCts = false;
            int awaitingPf = -1;
            long awaitingSinceMs = 0;
            bool droppingDts = false;
            for (long now = 1; ; now++)
            {
                Rig.Clock.NowMs = now;
                Rig.Bus.NowMs = now;

                // Release the BMS frames due now, in the trace's order.
                while (next < _bmsCount)
                {
                    if (_bmsUs[next] > ReplayUntilUs)
                    {
                        next = _bmsCount;
                        break;
                    }

                    int anchor = _bmsAnchor[next];
                    if (_anchorOurMs[anchor] < 0)
                    {
                        break;
                    }

                    bool isDt = GbtCanId.PfOf(_bms[next].Id) == GbtPf.TpDt;
                    if (isDt && droppingDts)
                    {
                        _releasedMs[next] = -1;
                        next++;
                        continue;
                    }

                    if (isDt && awaitingCts)
                    {
                        if (now - awaitingSinceMs <= CtsWaitMs)
                        {
                            break;
                        }

                        UnansweredTpSessions++;
                        awaitingCts = false;
                        droppingDts = true;
                        continue;
                    }

                    long dueMs = _anchorOurMs[anchor] + ((_bmsUs[next] - _anchorTraceUs[anchor]) / 1000);
                    if (dueMs < lastReleaseMs)
                    {
                        dueMs = lastReleaseMs;
                    }

                    if (dueMs > now)
                    {
                        break;
                    }

                    CanFrame frame = _bms[next];
                    Rig.Bus.Bms.TrySend(ref frame);
                    _releasedMs[next] = now;
                    lastReleaseMs = dueMs;
                    if (GbtCanId.PfOf(frame.Id) == GbtPf.TpCm && frame.GetByte(0) == J1939Tp.ControlRts)
                    {
                        awaitingCts = true;
                        awaitingPf = frame.GetByte(6);
                        awaitingSinceMs = now;
                        droppingDts = false;
                    }

                    next++;
                }

                if (now % PollMs == 0)
                {
                    Rig.Session.Poll(now);
                }

                // Watch our frames: the runs they start align the BMS side; our CTS frees the held DTs.
                for (; seen < Rig.Bus.Count; seen++)
                {
                    CanFrame ours = Rig.Bus.Frame(seen);
                    int kind = GbtChargerFrameKind.Of(ref ours);
                    int run = _ourRuns.Observe(kind, Rig.Bus.TimeMs(seen));
                    if (run > 0 && GbtChargerFrameKind.IsAnchor(kind))
                    {
                        for (int a = 0; a < _anchorCount; a++)
                        {
                            if (_anchorKind[a] == kind && _anchorRun[a] == run && _anchorOurMs[a] < 0)
                            {
                                _anchorOurMs[a] = Rig.Bus.TimeMs(seen);
                            }
                        }
                    }

                    if (awaitingCts && GbtChargerFrameKind.PfOf(kind) == GbtPf.TpCm && ours.GetByte(0) == J1939Tp.ControlCts && ours.GetByte(6) == awaitingPf)
                    {
                        awaitingCts = false;
                    }
                }

                if (next == _bmsCount)
                {
                    long endMs = ToOurMs(ReplayEndUs);
                    if (endMs >= 0 && now >= endMs + TailMs)
                    {
                        return;
                    }
                }

                if (now > limitMs)
                {
                    Stall = next < _bmsCount
                        ? "BMS frame " + next + " waits for our " + GbtChargerFrameKind.NameOf(_anchorKind[_bmsAnchor[next]]) + " run " + _anchorRun[_bmsAnchor[next]]
                            + " (trace " + (_anchorTraceUs[_bmsAnchor[next]] / 1000) + " ms), not sent by " + now + " ms; ours: " + OurSequence(now)
                        : "the end of the trace cannot be mapped to our time";
                    return;
                }
            }
        }

        /// <summary>
        /// A trace time in our time: through the latest anchor at or before it, which our charger must have sent;
        /// −1 if it has not.
        /// </summary>
        public long ToOurMs(long traceUs)
        {
            int found = -1;
            for (int a = 0; a < _anchorCount && _anchorTraceUs[a] <= traceUs; a++)
            {
                found = a;
            }

            if (found < 0)
            {
                found = 0;
            }

            if (_anchorCount == 0 || _anchorOurMs[found] < 0)
            {
                return -1;
            }

            return _anchorOurMs[found] + ((traceUs - _anchorTraceUs[found]) / 1000);
        }

        /// <summary>When a BMS frame went to our charger, ms (−1: not replayed); <paramref name="i"/> counts BMS frames in trace order.</summary>
        public long ReleasedMs(int i)
        {
            return _releasedMs[i];
        }

        public int BmsCount => _bmsCount;

        public CanFrame BmsFrame(int i)
        {
            return _bms[i];
        }

        /// <summary>The starts of the runs of the trace's charger frames up to <paramref name="untilUs"/>, by kind, space-separated.</summary>
        public string TraceSequence(long untilUs)
        {
            GbtRunTracker runs = new GbtRunTracker();
            string s = "";
            for (int i = 0; i < _chargerCount && _chargerUs[i] <= untilUs; i++)
            {
                CanFrame f = _charger[i];
                int kind = GbtChargerFrameKind.Of(ref f);
                if (runs.Observe(kind, _chargerUs[i] / 1000) > 0)
                {
                    s += (s.Length == 0 ? "" : " ") + GbtChargerFrameKind.NameOf(kind);
                }
            }

            return s;
        }

        /// <summary>The starts of the runs of our charger's frames up to <paramref name="untilMs"/>, as <see cref="TraceSequence"/>.</summary>
        public string OurSequence(long untilMs)
        {
            return OurSequence(0, untilMs);
        }

        /// <summary>As <see cref="OurSequence(long)"/>, from <paramref name="fromMs"/> on.</summary>
        public string OurSequence(long fromMs, long untilMs)
        {
            GbtRunTracker runs = new GbtRunTracker();
            string s = "";
            for (int i = 0; i < Rig.Bus.Count && Rig.Bus.TimeMs(i) <= untilMs; i++)
            {
                CanFrame f = Rig.Bus.Frame(i);
                int kind = GbtChargerFrameKind.Of(ref f);
                if (runs.Observe(kind, Rig.Bus.TimeMs(i)) > 0 && Rig.Bus.TimeMs(i) >= fromMs)
                {
                    s += (s.Length == 0 ? "" : " ") + GbtChargerFrameKind.NameOf(kind);
                }
            }

            return s;
        }

        /// <summary>
        /// Checks each gap between two of our frames of one periodic kind within a run, up to
        /// <paramref name="untilMs"/>, against the standard's period ±10 % [digest §3]; returns the first
        /// violation, or null. <paramref name="gapsChecked"/> counts the gaps looked at.
        /// </summary>
        public string CheckOurPeriods(long untilMs, out int gapsChecked)
        {
            gapsChecked = 0;
            int[] kinds = new int[64];
            long[] lastMs = new long[64];
            int count = 0;
            for (int i = 0; i < Rig.Bus.Count && Rig.Bus.TimeMs(i) <= untilMs; i++)
            {
                CanFrame f = Rig.Bus.Frame(i);
                int kind = GbtChargerFrameKind.Of(ref f);
                int periodMs = GbtChargerFrameKind.PeriodMs(kind);
                if (periodMs <= 0)
                {
                    continue;
                }

                long t = Rig.Bus.TimeMs(i);
                int k = 0;
                while (k < count && kinds[k] != kind)
                {
                    k++;
                }

                if (k == count)
                {
                    if (count == kinds.Length)
                    {
                        continue;
                    }

                    kinds[count] = kind;
                    lastMs[count] = t;
                    count++;
                    continue;
                }

                long gapMs = t - lastMs[k];
                lastMs[k] = t;
                if (gapMs > GbtRunTracker.RunGapMs)
                {
                    continue;
                }

                gapsChecked++;
                long errorMs = gapMs - periodMs;
                if (errorMs < 0)
                {
                    errorMs = -errorMs;
                }

                if (errorMs * 10 > periodMs)
                {
                    return GbtChargerFrameKind.NameOf(kind) + " sent " + gapMs + " ms after the previous one at " + t + " ms (standard " + periodMs + " ms ±10 %)";
                }
            }

            return null;
        }

        private void Read(string[] lines)
        {
            GbtRunTracker runs = new GbtRunTracker();
            int anchor = -1;
            int tpAnchor = -1;
            long firstBhmUs = -1;
            long firstCrmUs = -1;
            long firstBroReadyUs = -1;
            long firstCroReadyUs = -1;
            bool cmlSeen = false;
            for (int i = 0; i < MaxAnchors; i++)
            {
                _anchorOurMs[i] = -1;
            }

            for (int line = 0; line < lines.Length; line++)
            {
                CanFrame frame;
                long us;
                if (!CandumpLine.TryParse(lines[line], out frame, out us))
                {
                    continue;
                }

                _traceEndUs = us;
                int pf = GbtCanId.PfOf(frame.Id);
                if (GbtCanId.SourceOf(frame.Id) == GbtAddress.Charger)
                {
                    int kind = GbtChargerFrameKind.Of(ref frame);
                    int run = runs.Observe(kind, us / 1000);
                    if (run > 0 && GbtChargerFrameKind.IsAnchor(kind) && _anchorCount < MaxAnchors)
                    {
                        _anchorKind[_anchorCount] = kind;
                        _anchorRun[_anchorCount] = run;
                        _anchorTraceUs[_anchorCount] = us;
                        anchor = _anchorCount++;
                    }

                    if (kind == (GbtPf.Crm | (CrmMessage.NotRecognised << 8)) && firstCrmUs < 0)
                    {
                        firstCrmUs = us;
                    }

                    if (kind == (GbtPf.Cro | (CroMessage.Ready << 8)) && firstCroReadyUs < 0)
                    {
                        firstCroReadyUs = us;
                    }

                    if (pf == GbtPf.Cml && !cmlSeen && frame.Length == CmlMessage.Length)
                    {
                        cmlSeen = true;
                        CandumpLine.CopyPayload(ref frame, _cml);
                    }

                    _charger[_chargerCount] = frame;
                    _chargerUs[_chargerCount] = us;
                    _chargerCount++;
                    continue;
                }

                if (pf == GbtPf.Bhm && firstBhmUs < 0)
                {
                    firstBhmUs = us;
                }

                if (pf == GbtPf.Bro && frame.Length > 0 && frame.GetByte(0) == BroMessage.Ready && firstBroReadyUs < 0)
                {
                    firstBroReadyUs = us;
                }

                int own = anchor < 0 ? 0 : anchor;
                if (pf == GbtPf.TpCm && frame.GetByte(0) == J1939Tp.ControlRts)
                {
                    tpAnchor = own;
                }
                else if (pf == GbtPf.TpDt && tpAnchor >= 0)
                {
                    own = tpAnchor;
                }

                _bms[_bmsCount] = frame;
                _bmsUs[_bmsCount] = us;
                _bmsAnchor[_bmsCount] = own;
                _releasedMs[_bmsCount] = -1;
                _bmsCount++;
            }

            InsulationCheckMs = firstBhmUs >= 0 && firstCrmUs > firstBhmUs ? (int)((firstCrmUs - firstBhmUs) / 1000) : 0;
            PreChargeMs = firstBroReadyUs >= 0 && firstCroReadyUs > firstBroReadyUs ? (int)((firstCroReadyUs - firstBroReadyUs) / 1000) : 0;
            Rig.Port.CableCheckMs = InsulationCheckMs;
            Rig.Port.PreChargeMs = PreChargeMs;
            if (cmlSeen)
            {
                CmlMessage cml = new CmlMessage();
                cml.Read(_cml, CmlMessage.Length);
                Rig.Port.Limits.MaxVoltageV = cml.MaxOutputVoltageV;
                Rig.Port.Limits.MinVoltageV = cml.MinOutputVoltageV;
                Rig.Port.Limits.MaxChargeCurrentA = GbtCurrentSign.ToFirmwareA(cml.MaxOutputCurrentA);
                Rig.Port.Limits.MaxChargePowerW = cml.MaxOutputVoltageV * Rig.Port.Limits.MaxChargeCurrentA;
            }
        }
    }
}
