using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Threading;
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Iso15118.Secc;
using V2G.Protocol.Trace;
using V2G.Sim.Net;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Vehicle;

namespace V2G.Fuzz
{
    /// <summary>
    /// The fuzz engine. Each session: the vehicle plugs in, the EV simulator (EVCC) runs a valid prefix of
    /// an ISO 15118-20 session against the charger's SECC up to a chosen state (up to the charge loop with
    /// energy flowing, or welding detection), then the fuzzer takes the vehicle's end of the connection
    /// and sends inputs made from the vectors and from the messages the EVCC just sent (mutated, out of
    /// order, repeated, concatenated, in fragments) while the SECC and the controller run tick by tick on
    /// the plant models. Each input is a case; the session takes inputs until one breaks it. Most
    /// sessions run over an in-memory pipe, a share over the charger's real V2G TCP server on loopback.
    /// Oracles: no exception from the SECC or the controller, every case ends within its tick bound and
    /// the run makes progress (watchdog), every failure the SECC logs names its layer, a broken session
    /// leaves the output safe (converter disabled, DC contactors commanded open) within the deadline, the
    /// controller returns to idle when the vehicle leaves, and a whole valid session still completes
    /// every <see cref="FuzzOptions.FreshSessionEvery"/> cases. Everything random comes from the seed.
    /// </summary>
    public sealed class FuzzRunner
    {
        private const double PowerFlowingA = 5;

        /// <summary>A session fuzzed in the charge loop is first brought to full power (20 kW is about 50 A at 400 V).</summary>
        private const double FullPowerA = 40;
        private const int PrefixTickLimit = 4000;
        private const int FreshSessionTickLimit = 6000;
        private const int IdleTickLimit = 200;

        /// <summary>The states a session is fuzzed in, with their weights (the later ones cost a cable check and a precharge).</summary>
        private static readonly SeccState[] Targets =
        {
            SeccState.WaitSupportedAppProtocol, SeccState.WaitSessionSetup, SeccState.WaitAuthorizationSetup,
            SeccState.WaitAuthorization, SeccState.WaitServiceDiscovery, SeccState.WaitServiceSelection,
            SeccState.WaitChargeParameterDiscovery, SeccState.WaitScheduleExchange, SeccState.WaitCableCheck,
            SeccState.WaitPreCharge, SeccState.ChargeLoop, SeccState.WaitWeldingDetection,
        };

        private static readonly int[] TargetWeights = { 10, 10, 9, 9, 9, 9, 9, 9, 9, 4, 10, 3 };

        private readonly FuzzOptions _options;
        private readonly VectorSet _vectors;
        private readonly Random _random;
        private readonly Mutator _mutator;
        private readonly FuzzReport _report;
        private readonly List<byte[]> _captured = new();
        private readonly List<byte> _tapped = new();
        private readonly Stopwatch _wall = new();
        private readonly int _targetWeightTotal;

        private SimulatedCharger _charger;
        private SeccSession _secc;
        private MessageLog _log;
        private SimEvPlant _plant;
        private SimWallClock _wallClock;
        private V2gTcpServer _server;
        private long _case;
        private long _nextFreshSession;
        private long _lastProgressMs;
        private long _lastProgressLine;
        private long _simulatedMsBefore;
        private volatile bool _stop;
        private volatile string _context = "";
        private volatile byte[] _input = Array.Empty<byte>();
        private volatile string _sessionIdHex = "";
        private volatile string _stateName = "";
        private readonly byte[] _sessionId = new byte[8];
        private readonly TickRecorder _ticks = new TickRecorder(400);

        /// <summary>Ticks are recorded from a session's first fuzzed input until it has ended (not during the valid prefixes: they are most of the ticks).</summary>
        private bool _recording;
        private readonly List<KeyValuePair<SeccState, byte[]>> _sessionInputs = new();
        private double _lastCurrentA;
        private double _peakAfterBreakA;
        private SeccState? _replayState;
        private IReadOnlyList<byte[]> _replayInputs;
        private int _replayNext;
        private byte[] _replaySessionId;

        private FuzzRunner(VectorSet vectors, FuzzOptions options)
        {
            _vectors = vectors ?? throw new ArgumentNullException(nameof(vectors));
            _options = options ?? new FuzzOptions();
            _random = new Random(_options.Seed);
            _mutator = new Mutator(_random);
            _report = new FuzzReport { Seed = _options.Seed };
            _nextFreshSession = _options.FreshSessionEvery;
            foreach (int w in TargetWeights)
            {
                _targetWeightTotal += w;
            }
        }

        /// <summary>Runs <see cref="FuzzOptions.Cases"/> cases with <see cref="FuzzOptions.Seed"/> and reports.</summary>
        public static FuzzReport Run(VectorSet vectors, FuzzOptions options)
        {
            var runner = new FuzzRunner(vectors, options);
            return runner.RunWatched();
        }

        /// <summary>
        /// Sends <paramref name="inputs"/> in turn into a session brought to <paramref name="state"/> by a valid prefix
        /// (while the session survives them),
        /// with the oracles of a run. The SessionID <paramref name="oldSessionId"/> (8 bytes, or null) is replaced in
        /// the input, at whatever bit position the EXI encoding put it, by the new session's. <paramref name="trace"/>
        /// gets the SECC's message log.
        /// </summary>
        public static FuzzReport Replay(VectorSet vectors, FuzzOptions options, SeccState state, IReadOnlyList<byte[]> inputs, byte[] oldSessionId, System.IO.TextWriter trace)
        {
            var runner = new FuzzRunner(vectors, options)
            {
                _replayState = state,
                _replayInputs = inputs,
                _replaySessionId = oldSessionId,
            };
            runner._options.Cases = inputs.Count;
            runner._options.MaxInputsPerSession = Math.Max(runner._options.MaxInputsPerSession, inputs.Count);
            runner._nextFreshSession = long.MaxValue;
            FuzzReport report = runner.RunWatched();
            if (trace != null && runner._log != null)
            {
                for (int i = 0; i < runner._log.Count; i++)
                {
                    TraceEntry e = runner._log.Get(i);
                    trace.WriteLine($"{e.TimeMs,9} {e.Direction,-8} {e.Message} {e.Details}{(e.Failure == null ? "" : $" FAILURE {LayerName(e.Layer)}:{e.Failure}")}");
                }
            }

            return report;
        }

        /// <summary>Replaces each bit-aligned occurrence of <paramref name="from"/> in <paramref name="data"/> by <paramref name="to"/> (same length).</summary>
        public static byte[] ReplaceBits(byte[] data, byte[] from, byte[] to)
        {
            byte[] result = (byte[])data.Clone();
            int bits = from.Length * 8;
            for (int start = 0; start + bits <= data.Length * 8; start++)
            {
                bool match = true;
                for (int i = 0; i < bits && match; i++)
                {
                    match = Bit(data, start + i) == Bit(from, i);
                }

                if (match)
                {
                    for (int i = 0; i < bits; i++)
                    {
                        int at = start + i;
                        byte mask = (byte)(0x80 >> (at % 8));
                        result[at / 8] = Bit(to, i) ? (byte)(result[at / 8] | mask) : (byte)(result[at / 8] & ~mask);
                    }
                }
            }

            return result;
        }

        private static bool Bit(byte[] b, int i)
        {
            return (b[i / 8] & (0x80 >> (i % 8))) != 0;
        }

        private FuzzReport RunWatched()
        {
            _wall.Start();
            var worker = new Thread(RunCases) { IsBackground = true, Name = "v2g-fuzz" };
            worker.Start();
            while (!worker.Join(100))
            {
                long idleMs = _wall.ElapsedMilliseconds - Interlocked.Read(ref _lastProgressMs);
                if (idleMs > _options.HangLimitMs)
                {
                    // The worker is stuck inside the SECC or the controller: leave it, report where.
                    _report.Hung = true;
                    AddFailure("hang", $"no progress for {idleMs} ms (limit {_options.HangLimitMs} ms)", null);
                    _report.Wall = _wall.Elapsed;
                    return _report;
                }

                if (_options.WallLimitMs > 0 && _wall.ElapsedMilliseconds > _options.WallLimitMs)
                {
                    _stop = true;
                }
            }

            _report.Wall = _wall.Elapsed;
            return _report;
        }

        private void RunCases()
        {
            try
            {
                Build();
                while (_case < _options.Cases && !_stop && _report.Failures.Count < _options.MaxFailures)
                {
                    try
                    {
                        if (_case >= _nextFreshSession)
                        {
                            _nextFreshSession += _options.FreshSessionEvery;
                            FreshSession();
                        }

                        FuzzSession();
                        if (_options.Progress != null && _case / _options.ProgressEvery != _lastProgressLine)
                        {
                            _lastProgressLine = _case / _options.ProgressEvery;
                            _options.Progress.WriteLine($"  {_case} cases, {_wall.Elapsed.TotalSeconds:F0} s, {_report.Failures.Count} failures");
                        }
                    }
                    catch (FuzzerException e)
                    {
                        // A bug of the fuzzer itself, not of the charger: reported apart.
                        AddFailure("fuzzer_error", e.Message + ": " + e.InnerException, null);
                        _case++;
                        Build();
                    }
                    catch (Exception e)
                    {
                        AddFailure("exception", e.GetType().Name + ": " + e.Message, e.StackTrace);
                        _case++;
                        Build();
                    }
                }

                if (_report.Failures.Count == 0)
                {
                    // The charger must still take a whole valid session at the end of the run.
                    FreshSession();
                }
            }
            catch (Exception e)
            {
                AddFailure("exception", "outside a case: " + e.GetType().Name + ": " + e.Message, e.StackTrace);
            }
            finally
            {
                _report.Cases = _case;
                _report.SimulatedS = (_simulatedMsBefore + (_charger?.Clock.NowMs ?? 0)) / 1000.0;
                _server?.Dispose();
            }
        }

        // ------------------------------------------------------------------ the charger

        /// <summary>A new charger (controller on its plant models) and SECC, as after a power cycle.</summary>
        private void Build()
        {
            if (_charger != null)
            {
                _simulatedMsBefore += _charger.Clock.NowMs;
            }

            var settings = new ChargerSettings();
            _charger = new SimulatedCharger(settings, 60, _options.InitialSocPercent, 50) { SimpleVehicleEnabled = false };
            _wallClock = new SimWallClock(_charger.Clock, new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc));
            _log = new MessageLog(256, 120);
            _secc = new SeccSession(new SeccSettings(), _charger.Controller, _log, _charger.Clock, null)
            {
                Meter = _charger.Meter,
                WallClock = _wallClock,
            };
            _plant = new SimEvPlant(_charger.Battery, _charger.VehicleContactor, _charger.Circuit, _charger.Connector);
        }

        private EvccSession NewEvcc()
        {
            var settings = new EvccSettings { TargetSocPercent = 100, MinimumSocPercent = 0 };
            return new EvccSession(settings, _plant, _charger.Clock, _wallClock);
        }

        private FuzzLink Connect(bool tcp)
        {
            if (!tcp)
            {
                return FuzzLink.OverPipe();
            }

            if (_server == null)
            {
                _server = new V2gTcpServer(IPAddress.IPv6Loopback, 0);
                _server.Start();
            }

            return FuzzLink.OverTcp(_server);
        }

        private bool PowerFlowing => _charger.Positive.IsCommandedClosed && Math.Abs(_charger.Stage.OutputCurrentA) > PowerFlowingA;

        private bool IsSafe => !_charger.Stage.IsEnabled && !_charger.Positive.IsCommandedClosed && !_charger.Negative.IsCommandedClosed;

        private void Progress()
        {
            Interlocked.Exchange(ref _lastProgressMs, _wall.ElapsedMilliseconds);
        }

        // ------------------------------------------------------------------ one fuzzed session

        private void FuzzSession()
        {
            SeccState target = _replayState ?? PickTarget();
            bool tcp = _random.NextDouble() * 100 < _options.TcpSharePercent;
            _charger.Controller.SetDispatchPowerW(_random.Next(2) == 0 ? 20000 : -20000);
            _context = "prefix to " + SeccStateNames.Of(target);
            _input = Array.Empty<byte>();
            _stateName = "";
            _report.Sessions++;
            if (tcp)
            {
                _report.TcpSessions++;
            }

            using FuzzLink link = Connect(tcp);
            _recording = false;
            try
            {
                _charger.Controller.VehicleConnected();
                EvccSession evcc = NewEvcc();
                _captured.Clear();
                _tapped.Clear();
                _sessionInputs.Clear();
                link.VehicleEnd.Tap = Capture;
                _secc.Attach(link.ChargerEnd);
                evcc.Attach(link.VehicleEnd);
                if (!RunPrefix(evcc, link, target))
                {
                    _report.PrefixesNotReached++;
                    EndSession(link);
                    return;
                }

                link.VehicleEnd.Tap = null;
                for (int n = 0; n < _options.MaxInputsPerSession && _case < _options.Cases; n++)
                {
                    if (!RunCase(link, tcp))
                    {
                        break;
                    }
                }

                EndSession(link);
            }
            finally
            {
                _report.TcpStalls += link.Stalls;
            }
        }

        private SeccState PickTarget()
        {
            int r = _random.Next(_targetWeightTotal);
            for (int i = 0; i < Targets.Length; i++)
            {
                r -= TargetWeights[i];
                if (r < 0)
                {
                    return Targets[i];
                }
            }

            return Targets[0];
        }

        /// <summary>The EVCC and the SECC exchange valid messages until the SECC waits in <paramref name="target"/>.</summary>
        private bool RunPrefix(EvccSession evcc, FuzzLink link, SeccState target)
        {
            bool stopRequested = false;
            for (int t = 0; t < PrefixTickLimit; t++)
            {
                Progress();
                _charger.StepPlant();
                for (int i = 0; i < 8; i++)
                {
                    if (Reached(target, link))
                    {
                        return true;
                    }

                    long before = link.VehicleEnd.Written + link.ChargerEnd.Written + link.VehicleEnd.ReadBytes + link.ChargerEnd.ReadBytes;
                    evcc.Poll();
                    link.Settle();
                    _secc.Poll();
                    link.Settle();
                    if (link.VehicleEnd.Written + link.ChargerEnd.Written + link.VehicleEnd.ReadBytes + link.ChargerEnd.ReadBytes == before)
                    {
                        break;
                    }
                }

                TickController();
                if (target == SeccState.WaitWeldingDetection && !stopRequested && _secc.State == SeccState.ChargeLoop && PowerFlowing)
                {
                    evcc.RequestStop();
                    stopRequested = true;
                }

                if (!_secc.IsConnected || evcc.IsFinished)
                {
                    return false;
                }
            }

            return false;
        }

        private bool Reached(SeccState target, FuzzLink link)
        {
            return _secc.IsConnected && _secc.State == target && !_secc.IsAnswerPending && link.UnreadByCharger == 0
                && (target != SeccState.ChargeLoop || (PowerFlowing && Math.Abs(_charger.Stage.OutputCurrentA) >= FullPowerA));
        }

        /// <summary>Splits what the EVCC writes into whole V2GTP messages: the session's own valid messages, with its SessionID.</summary>
        private void Capture(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _tapped.Add(buffer[offset + i]);
            }

            while (_tapped.Count >= Mutator.HeaderBytes)
            {
                int length = Mutator.HeaderBytes + (int)((uint)_tapped[4] << 24 | (uint)_tapped[5] << 16 | (uint)_tapped[6] << 8 | _tapped[7]);
                if (_tapped.Count < length)
                {
                    return;
                }

                _captured.Add(_tapped.GetRange(0, length).ToArray());
                _tapped.RemoveRange(0, length);
            }
        }

        // ------------------------------------------------------------------ one case

        /// <summary>Sends one input and runs the SECC and the controller until it is answered, refused or the session ends. False if the session ended.</summary>
        private bool RunCase(FuzzLink link, bool tcp)
        {
            long caseNumber = _case++;
            SeccState state = _secc.State;
            bool powerFlowing = PowerFlowing;
            string how;
            int pieces;
            byte[] input;
            _secc.CopySessionId(_sessionId, 0);
            _sessionIdHex = Convert.ToHexString(_sessionId);
            _stateName = SeccStateNames.Of(state);
            try
            {
                if (_replayInputs != null)
                {
                    how = "replay";
                    pieces = 1;
                    byte[] next = _replayInputs[_replayNext++ % _replayInputs.Count];
                    input = _replaySessionId == null ? next : ReplaceBits(next, _replaySessionId, _sessionId);
                }
                else
                {
                    input = MakeInput(out how, out pieces);
                }
            }
            catch (Exception e)
            {
                throw new FuzzerException("making the input of case " + caseNumber, e);
            }

            _input = input;
            _recording = true;
            _sessionInputs.Add(new KeyValuePair<SeccState, byte[]>(state, input));
            _context = "state " + SeccStateNames.Of(state) + ", " + how + (tcp ? ", tcp" : "") + (powerFlowing ? ", power flowing" : "");
            Progress();
            Count(_report.States, SeccStateNames.Of(state));
            Count(_report.Inputs, how.Split(':')[0]);
            if (tcp)
            {
                _report.TcpCases++;
            }

            if (powerFlowing)
            {
                _report.CasesWithPowerFlowing++;
                _report.LargestCurrentWhenFuzzedA = Math.Max(_report.LargestCurrentWhenFuzzedA, Math.Abs(_charger.Stage.OutputCurrentA));
            }

            long logTotal = _log.Total;
            long brokeAtMs = -1;
            int written = 0;
            bool hungUp = false;
            long waitStartMs = -1;
            int tickLimit = (new SeccSettings().PendingAnswerLimitMs + 2000) / _charger.Settings.TickPeriodMs;
            int ticks = 0;
            for (; ticks < tickLimit; ticks++)
            {
                _charger.StepPlant();
                if (written < input.Length)
                {
                    int n = pieces <= 1 ? input.Length : Math.Min(input.Length - written, Math.Max(1, input.Length / pieces));
                    link.VehicleEnd.Write(input, written, n);
                    written += n;
                    link.Settle();
                }

                _secc.Poll();
                link.Settle();
                TickController();
                if (!_secc.IsConnected)
                {
                    brokeAtMs = _charger.Clock.NowMs;
                    break;
                }

                if (written < input.Length || link.UnreadByCharger > 0 || _secc.IsAnswerPending)
                {
                    continue;
                }

                if (Answered(logTotal))
                {
                    break;
                }

                // Nothing answered and nothing left to read: the SECC waits for the rest of a message.
                // In the charge loop its own 0.5 s sequence timeout must end that; elsewhere the vehicle gives up and hangs up.
                if (waitStartMs < 0)
                {
                    waitStartMs = _charger.Clock.NowMs;
                }

                bool secctimeout = state == SeccState.ChargeLoop && _secc.State == SeccState.ChargeLoop;
                if (!hungUp && (!secctimeout || _charger.Clock.NowMs - waitStartMs > 1000))
                {
                    link.CloseVehicleEnd();
                    hungUp = true;
                }
            }

            if (ticks >= tickLimit && _secc.IsConnected && !Answered(logTotal))
            {
                AddFailure("hang", $"the SECC neither answered nor closed within {tickLimit} ticks (state {SeccStateNames.Of(_secc.State)}, pending {_secc.IsAnswerPending}, unread {link.UnreadByCharger})", null, caseNumber);
            }

            FuzzOutcome outcome = Classify(logTotal, caseNumber);
            _report.Outcomes[(int)outcome]++;
            if (brokeAtMs >= 0)
            {
                CheckSafeState(brokeAtMs, caseNumber);
                return false;
            }

            return true;
        }

        private byte[] MakeInput(out string how, out int pieces)
        {
            pieces = 1;
            byte[] base1 = PickMessage();
            byte[] other = PickMessage();
            int r = _random.Next(100);
            int op;
            if (r < 72)
            {
                byte[] m = _mutator.Mutate(base1, other, out op);
                how = "mutated:" + Mutator.OperatorNames[op];
                return m;
            }

            if (r < 82)
            {
                how = "valid_out_of_order";
                return base1;
            }

            if (r < 86 && _captured.Count > 0)
            {
                how = "repeat_last_valid";
                return _captured[_captured.Count - 1];
            }

            if (r < 93)
            {
                byte[] m = _mutator.Mutate(other, base1, out op);
                byte[] both = new byte[base1.Length + m.Length];
                Buffer.BlockCopy(base1, 0, both, 0, base1.Length);
                Buffer.BlockCopy(m, 0, both, base1.Length, m.Length);
                how = "valid_then_mutated:" + Mutator.OperatorNames[op];
                return both;
            }

            pieces = 2 + _random.Next(4);
            byte[] f = _mutator.Mutate(base1, other, out op);
            how = "fragmented:" + Mutator.OperatorNames[op];
            return f;
        }

        /// <summary>A message of this session (the EVCC's, with its SessionID) or a vector.</summary>
        private byte[] PickMessage()
        {
            if (_captured.Count > 0 && _random.Next(100) < 60)
            {
                return _captured[_random.Next(_captured.Count)];
            }

            return _vectors.Messages[_random.Next(_vectors.Messages.Count)];
        }

        private bool Answered(long logTotal)
        {
            bool answered = false;
            ForEachNewEntry(logTotal, e => answered |= e.Direction == MessageDirection.Sent);
            return answered;
        }

        private FuzzOutcome Classify(long logTotal, long caseNumber)
        {
            FuzzOutcome? outcome = null;
            ForEachNewEntry(logTotal, e =>
            {
                if (e.Failure == null)
                {
                    return;
                }

                if (e.Layer == FailureLayer.None)
                {
                    AddFailure("failure_without_layer", $"'{e.Message}' {e.Failure} logged without a layer", null, caseNumber);
                }

                if (outcome != null)
                {
                    return;
                }

                Count(_report.FailureNames, LayerName(e.Layer) + ":" + e.Failure);
                if (e.Direction == MessageDirection.Sent)
                {
                    outcome = FuzzOutcome.AnsweredFailed;
                }
                else if (e.Layer == FailureLayer.V2gtp)
                {
                    outcome = FuzzOutcome.ClosedOnV2gtpError;
                }
                else if (e.Layer == FailureLayer.Exi)
                {
                    outcome = FuzzOutcome.ClosedOnExiError;
                }
                else
                {
                    outcome = FuzzOutcome.ClosedBySession;
                }
            });
            return outcome ?? FuzzOutcome.StillOk;
        }

        private void ForEachNewEntry(long logTotal, Action<TraceEntry> visit)
        {
            long added = _log.Total - logTotal;
            int count = _log.Count;
            for (long i = Math.Max(0, count - added); i < count; i++)
            {
                visit(_log.Get((int)i));
            }
        }

        private static string LayerName(FailureLayer layer)
        {
            switch (layer)
            {
                case FailureLayer.V2gtp: return "v2gtp";
                case FailureLayer.Exi: return "exi";
                case FailureLayer.Session: return "session";
                case FailureLayer.Controller: return "controller";
                case FailureLayer.None: return "none";
                default: return "other";
            }
        }

        // ------------------------------------------------------------------ after a session

        /// <summary>The output must be safe within the deadline of the session's end; an abrupt loss under power opens the contactors within the controller's own deadline.</summary>
        private void CheckSafeState(long brokeAtMs, long caseNumber)
        {
            _report.SafeStateChecks++;
            int deadlineMs = SafeStateDeadlineMs();
            _report.SafeStateDeadlineMs = deadlineMs;
            while (!IsSafe)
            {
                if (_charger.Clock.NowMs - brokeAtMs > deadlineMs)
                {
                    AddFailure("unsafe_state", $"{_charger.Clock.NowMs - brokeAtMs} ms after the session broke: controller {_charger.Controller.State}, converter enabled {_charger.Stage.IsEnabled}, DC+ commanded closed {_charger.Positive.IsCommandedClosed}, DC- {_charger.Negative.IsCommandedClosed}", null, caseNumber);
                    return;
                }

                RunTick();
            }

            _report.LongestTimeToSafeMs = Math.Max(_report.LongestTimeToSafeMs, _charger.Clock.NowMs - brokeAtMs);
            FaultLog faults = _charger.Controller.Faults;
            for (int i = 0; i < faults.Count; i++)
            {
                FaultRecord f = faults.Get(i);
                if (f.Code != FaultCode.VehicleCommunicationLost || f.RaisedAtMs < brokeAtMs || !f.IsSafeStateReached || f.ConverterOffAtMs < 0)
                {
                    continue;
                }

                long openMs = f.ContactorsOpenAtMs - f.RaisedAtMs;
                _report.LongestCommunicationLostToOpenMs = Math.Max(_report.LongestCommunicationLostToOpenMs, openMs);
                int limitMs = _charger.Settings.ContactorOpenDeadlineMs + _charger.Settings.TickPeriodMs;
                if (f.ConverterOffAtMs != f.RaisedAtMs || openMs > limitMs)
                {
                    AddFailure("unsafe_state", $"communication lost at {f.RaisedAtMs} ms: converter off at {f.ConverterOffAtMs} ms, contactors open at {f.ContactorsOpenAtMs} ms (limit {limitMs} ms)", null, caseNumber);
                }
            }
        }

        private int SafeStateDeadlineMs()
        {
            if (_options.SafeStateDeadlineMs > 0)
            {
                return _options.SafeStateDeadlineMs;
            }

            ChargerSettings s = _charger.Settings;
            double rampMs = Math.Max(s.MaxChargeCurrentA, s.MaxDischargeCurrentA) / s.StopCurrentRampAPerS * 1000;
            return (int)Math.Ceiling(rampMs) + s.ContactorOpenDeadlineMs + 2 * s.TickPeriodMs;
        }

        /// <summary>The vehicle hangs up (if the session still runs), the output is checked safe, and the vehicle is unplugged.</summary>
        private void EndSession(FuzzLink link)
        {
            if (_secc.IsConnected)
            {
                link.CloseVehicleEnd();
                for (int t = 0; t < 10 && _secc.IsConnected; t++)
                {
                    _charger.StepPlant();
                    _secc.Poll();
                    TickController();
                }

                if (_secc.IsConnected)
                {
                    _secc.Close();
                }

                CheckSafeState(_charger.Clock.NowMs, _case - 1);
            }

            _lastCurrentA = _charger.Stage.OutputCurrentA;
            _peakAfterBreakA = 0;
            _plant.OpenContactor();
            _charger.Controller.VehicleDisconnected();
            for (int t = 0; _charger.Controller.State != ChargerState.Idle; t++)
            {
                _peakAfterBreakA = Math.Max(_peakAfterBreakA, Math.Abs(_charger.Stage.OutputCurrentA));
                if (t >= IdleTickLimit)
                {
                    AddFailure("not_idle", $"the controller stayed in {_charger.Controller.State} with {_charger.Controller.ActiveFaultCount} active faults {IdleTickLimit} ticks after the vehicle left (now {_charger.Clock.NowMs} ms): {ActiveFaults()}{PlantState()}", null, _case - 1);
                    Build();
                    return;
                }

                RunTick();
            }
        }

        private string SessionInputsText()
        {
            var lines = new List<string>();
            foreach (KeyValuePair<SeccState, byte[]> input in _sessionInputs)
            {
                lines.Add(SeccStateNames.Of(input.Key) + ":" + Convert.ToHexString(input.Value));
            }

            return string.Join("\n", lines);
        }

        private string RecentMessages(int n)
        {
            var s = new System.Text.StringBuilder();
            if (_log == null)
            {
                return "";
            }

            for (int i = Math.Max(0, _log.Count - n); i < _log.Count; i++)
            {
                TraceEntry e = _log.Get(i);
                s.Append($"{e.TimeMs} ms {e.Direction} {e.Message} {e.Details}{(e.Failure == null ? "" : $" FAILURE {LayerName(e.Layer)}:{e.Failure}")}\n");
            }

            return s.ToString();
        }

        private void TickController()
        {
            _charger.TickController();
            if (_recording)
            {
                _ticks.Record(_charger, _secc);
            }
        }

        private void RunTick()
        {
            _charger.StepPlant();
            TickController();
        }

        private string PlantState()
        {
            return $"plant: SoC {_charger.Battery.SocPercent:F1} %, battery OCV {_charger.Battery.OpenCircuitVoltageV:F1} V, dispatch {_charger.Controller.DispatchPowerW:F0} W, "
                + $"stage {_charger.Stage.TemperatureC:F1} °C, faults 0x{_charger.Stage.Faults:X}, last current {_lastCurrentA:F1} A, peak current since the session broke {_peakAfterBreakA:F1} A";
        }

        private string ActiveFaults()
        {
            var s = new System.Text.StringBuilder();
            FaultLog faults = _charger.Controller.Faults;
            for (int i = 0; i < faults.Count; i++)
            {
                FaultRecord f = faults.Get(i);
                if (!f.IsActive)
                {
                    continue;
                }

                FaultInfo info = FaultCatalogue.Get(f.Code);
                s.Append($"{info.Name} (clearing {info.Clearing}, value {f.Value:F1}, raised {f.RaisedAtMs} ms, converter off {f.ConverterOffAtMs} ms, contactors open {f.ContactorsOpenAtMs} ms, breaking {f.BreakingCurrentA:F1} A); ");
            }

            return s.ToString();
        }

        /// <summary>A whole valid session (charge, the vehicle stops, welding detection, SessionStop) must still complete.</summary>
        private void FreshSession()
        {
            _report.FreshSessions++;
            _recording = false;
            _context = "fresh valid session";
            _input = Array.Empty<byte>();
            _stateName = "";
            _charger.Controller.SetDispatchPowerW(20000);
            using FuzzLink link = Connect(false);
            _charger.Controller.VehicleConnected();
            EvccSession evcc = NewEvcc();
            _secc.Attach(link.ChargerEnd);
            evcc.Attach(link.VehicleEnd);
            long flowingMs = 0;
            bool stopRequested = false;
            for (int t = 0; t < FreshSessionTickLimit && !evcc.IsFinished; t++)
            {
                Progress();
                _charger.StepPlant();
                evcc.Poll();
                _secc.Poll();
                TickController();
                if (PowerFlowing)
                {
                    flowingMs += _charger.Settings.TickPeriodMs;
                }

                if (!stopRequested && flowingMs >= 1000)
                {
                    evcc.RequestStop();
                    stopRequested = true;
                }
            }

            if (!evcc.IsFinished || evcc.EndReason != EvccEndReasons.VehicleStop || flowingMs < 1000)
            {
                AddFailure("fresh_session_failed", $"a valid session after {_case} cases ended '{evcc.EndReason}' ({evcc.Failure}) in EVCC state {evcc.StateName}, power flowed {flowingMs} ms, controller {_charger.Controller.State}, SECC last failure {_secc.LastFailure}", null, _case - 1);
            }

            EndSession(link);
        }

        // ------------------------------------------------------------------ bookkeeping

        private static void Count(SortedDictionary<string, long> d, string key)
        {
            d.TryGetValue(key, out long n);
            d[key] = n + 1;
        }

        private void AddFailure(string kind, string detail, string stack, long caseNumber = -2)
        {
            lock (_report.Failures)
            {
                _report.Failures.Add(new FuzzFailure
                {
                    Kind = kind,
                    Seed = _options.Seed,
                    Case = caseNumber == -2 ? _case - 1 : caseNumber,
                    Context = _context,
                    Detail = detail,
                    InputHex = Convert.ToHexString(_input),
                    SessionIdHex = _sessionIdHex,
                    StateName = _stateName,
                    RecentTicks = kind == "unsafe_state" || kind == "not_idle" ? _ticks.Dump() : null,
                    SessionInputs = kind == "unsafe_state" || kind == "not_idle" ? SessionInputsText() : null,
                    RecentMessages = kind == "unsafe_state" || kind == "not_idle" ? RecentMessages(60) : null,
                    Stack = stack,
                });
            }
        }
    }
}
