using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Transport;
using V2G.Protocol.Text;

namespace V2G.UnitTests.GbT.Codec
{
    /// <summary>
    /// Replays a reference trace through the codecs: every single frame is decoded and written back,
    /// every BMS→charger TP session is fed to a charger-side <see cref="J1939TransportReceiver"/> whose
    /// answers (CTS, EndOfMsgAck) must equal the trace's charger frames byte for byte, and every
    /// reassembled message is decoded and written back too. The first problem is kept in <see cref="Failure"/>.
    /// </summary>
    public sealed class GbtTraceReplay
    {
        private readonly J1939TransportReceiver _charger = new J1939TransportReceiver(GbtAddress.Charger);
        private readonly GbtRewriter _rewriter = new GbtRewriter();
        private readonly TextBuffer _details = new TextBuffer(200);
        private readonly byte[] _payload = new byte[8];
        private readonly byte[] _output = new byte[1800];
        private readonly CanFrame[] _expected = new CanFrame[16];
        private int _expectedCount;

        /// <summary>Frames seen per PF (TP frames under TP.CM/TP.DT).</summary>
        public readonly int[] FramesPerPf = new int[256];

        /// <summary>Reassembled TP messages per PF.</summary>
        public readonly int[] MessagesPerPf = new int[256];

        public int Lines;
        public int Frames;
        public int ChargerTpAnswersMatched;

        /// <summary>Answers our receiver gave that the trace does not show (frames lost by the capture).</summary>
        public int ChargerTpAnswersMissingInTrace;
        public string Failure;

        /// <summary>The first reassembled BCS, hex (for the digest's R1 example).</summary>
        public string FirstBcsHex;

        /// <summary>The decoded details of the first reassembled BRM.</summary>
        public string FirstBrmDetails;

        public void Run(string[] lines)
        {
            for (int i = 0; i < lines.Length && Failure == null; i++)
            {
                if (lines[i].Length == 0)
                {
                    continue;
                }

                Lines++;
                CanFrame frame;
                long timeUs;
                if (!CandumpLine.TryParse(lines[i], out frame, out timeUs))
                {
                    Fail(i, "unparsable line");
                    break;
                }

                Frames++;
                long nowMs = timeUs / 1000;
                _charger.Poll(nowMs);
                Drain();
                Step(i, ref frame, nowMs);
            }

            ChargerTpAnswersMissingInTrace += _expectedCount;
        }

        private void Step(int line, ref CanFrame frame, long nowMs)
        {
            uint id = frame.Id;
            int pf = GbtCanId.PfOf(id);
            int source = GbtCanId.SourceOf(id);
            int destination = GbtCanId.DestinationOf(id);
            FramesPerPf[pf]++;
            if (!frame.IsExtended || !GbtCanId.IsPdu1(id))
            {
                Fail(line, "not a PDU1 extended frame");
                return;
            }

            if (!((source == GbtAddress.Charger && destination == GbtAddress.Bms) || (source == GbtAddress.Bms && destination == GbtAddress.Charger)))
            {
                Fail(line, "addresses");
                return;
            }

            if (GbtCanId.PriorityOf(id) != GbtPf.PriorityOf(pf))
            {
                Fail(line, "priority");
                return;
            }

            if (pf == GbtPf.TpCm || pf == GbtPf.TpDt)
            {
                if (destination == GbtAddress.Charger)
                {
                    if (!_charger.Handle(ref frame, nowMs))
                    {
                        Fail(line, "the charger's receiver did not take a BMS TP frame");
                        return;
                    }

                    Drain();
                    int messagePf;
                    int length;
                    if (_charger.TryTakeMessage(out messagePf, out length))
                    {
                        MessagesPerPf[messagePf]++;
                        Check(line, messagePf, _charger.MessagePayload, length);
                        if (messagePf == GbtPf.Bcs && FirstBcsHex == null)
                        {
                            FirstBcsHex = V2G.UnitTests.Slac.Hex.Of(_charger.MessagePayload, 0, length);
                        }

                        if (messagePf == GbtPf.Brm && FirstBrmDetails == null)
                        {
                            _details.Clear();
                            GbtMessageDecoder.Describe(messagePf, _charger.MessagePayload, length, _details);
                            FirstBrmDetails = _details.ToString();
                        }
                    }
                }
                else
                {
                    if (_expectedCount == 0)
                    {
                        Fail(line, "a charger TP frame the receiver did not produce: " + CandumpLine.HexOf(ref frame));
                        return;
                    }

                    // The real capture lost a few frames (its CSV has gaps): an answer of ours the trace does
                    // not show is counted, and the trace's frame must then match a later answer of ours.
                    int match = -1;
                    for (int k = 0; k < _expectedCount && match < 0; k++)
                    {
                        if (_expected[k].Id == frame.Id && _expected[k].Length == frame.Length && _expected[k].Data == frame.Data)
                        {
                            match = k;
                        }
                    }

                    if (match < 0)
                    {
                        CanFrame ours = _expected[0];
                        Fail(line, "charger TP answer differs: ours " + CandumpLine.HexOf(ref ours) + ", trace " + CandumpLine.HexOf(ref frame));
                        return;
                    }

                    ChargerTpAnswersMissingInTrace += match;
                    for (int k = match + 1; k < _expectedCount; k++)
                    {
                        _expected[k - match - 1] = _expected[k];
                    }

                    _expectedCount -= match + 1;
                    ChargerTpAnswersMatched++;
                }

                return;
            }

            int n = CandumpLine.CopyPayload(ref frame, _payload);
            int defined = GbtPf.DefinedLength(pf);
            if (n != defined && !(pf == GbtPf.Ccs && n == CcsMessage.Length2023))
            {
                Fail(line, "DLC " + n + " for " + GbtPf.NameOf(pf));
                return;
            }

            Check(line, pf, _payload, n);
        }

        private void Check(int line, int pf, byte[] payload, int length)
        {
            _details.Clear();
            if (!GbtMessageDecoder.Describe(pf, payload, length, _details))
            {
                Fail(line, "Describe refused " + GbtPf.NameOf(pf) + ": " + _details.ToString());
                return;
            }

            int written = _rewriter.Rewrite(pf, payload, length, _output);
            if (written != length)
            {
                Fail(line, GbtPf.NameOf(pf) + " rewritten with " + written + " bytes instead of " + length);
                return;
            }

            for (int i = 0; i < length; i++)
            {
                if (_output[i] != payload[i])
                {
                    Fail(line, GbtPf.NameOf(pf) + " byte " + i + " rewritten as " + _output[i] + " instead of " + payload[i]);
                    return;
                }
            }
        }

        private void Drain()
        {
            CanFrame answer;
            while (_charger.TryTakeFrame(out answer))
            {
                if (_expectedCount == _expected.Length)
                {
                    Failure = "too many charger TP answers pending";
                    return;
                }

                _expected[_expectedCount++] = answer;
            }
        }

        private void Fail(int line, string what)
        {
            if (Failure == null)
            {
                Failure = "line " + (line + 1) + ": " + what;
            }
        }
    }
}
