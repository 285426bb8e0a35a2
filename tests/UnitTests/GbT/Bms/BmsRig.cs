using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Bms;
using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.GbT.Transport;
using V2G.Protocol.Trace;
using V2G.UnitTests.Iso15118.Evcc;

namespace V2G.UnitTests.GbT.Bms
{
    /// <summary>
    /// The simulated BMS on a test port, with a scripted charger: the test sends the charger's frames,
    /// the rig answers the BMS's TP transfers (CTS for all packets, EndOfMsgAck) and records every BMS
    /// message — single frames and reassembled TP messages — with its time. Time advances in 5 ms polls.
    /// </summary>
    public sealed class BmsRig
    {
        public const int PollMs = 5;
        private const int MaxRecords = 8192;

        public readonly FakeEvPlant Plant = new FakeEvPlant();
        public readonly BmsTestCanPort Port = new BmsTestCanPort();
        public readonly MessageLog Log = new MessageLog(512, 96);
        public readonly GbtBmsSettings Settings;
        public GbtBmsSimulator Bms;
        public long NowMs;

        /// <summary>Answer the BMS's RTS with CTS and its last packet with EndOfMsgAck.</summary>
        public bool AnswerTransport = true;

        // Recorded BMS messages.
        public readonly long[] TimeMs = new long[MaxRecords];
        public readonly int[] Pf = new int[MaxRecords];
        public readonly int[] Length = new int[MaxRecords];
        public readonly byte[][] Payload = new byte[MaxRecords][];
        public int Count;

        /// <summary>Transport frames (TP.CM/TP.DT) the BMS sent.</summary>
        public int TransportFrames;

        private readonly byte[] _assembly = new byte[2048];
        private int _tpPf = -1;
        private int _tpLength;
        private int _tpPackets;

        public BmsRig()
            : this(new GbtBmsSettings())
        {
        }

        public BmsRig(GbtBmsSettings settings)
        {
            Settings = settings;

            // The hand-made trace's pack: NCM 96s, 403.2 V max, 150 A.
            Plant.BatteryVoltageV = 387.7;
            Plant.MaxVoltageV = 403.2;
            Plant.MaxChargeCurrentA = 200;
            Plant.MaxDischargeCurrentA = 120;
            Plant.MaxDischargePowerW = 50000;
            Plant.MinVoltageV = 330;
            Plant.CapacityWh = 53300;
            Plant.SocPercent = 60;
            Bms = new GbtBmsSimulator(settings, Plant, Port, null, Log);
        }

        /// <summary>Advances <paramref name="ms"/> in 5 ms polls.</summary>
        public void Run(int ms)
        {
            long end = NowMs + ms;
            while (NowMs < end)
            {
                NowMs += PollMs;
                Bms.Poll(NowMs);
                Collect();
            }
        }

        /// <summary>Powers the BMS and runs until just after the first CHM.</summary>
        public void PowerOnAndChm()
        {
            Bms.SetAuxiliaryPower(true, NowMs);
            Charger(GbtPf.Chm, new byte[] { 0x01, 0x01, 0x00 }, 3);
            Run(PollMs);
        }

        /// <summary>Drives the BMS through handshake, recognition, parameters and ready to charging (CRO AAh); returns the time of CRO(AAh).</summary>
        public long ToCharging()
        {
            PowerOnAndChm();
            Run(100);
            Charger(GbtPf.Crm, Crm(0x00), 8);
            Run(100);
            Charger(GbtPf.Crm, Crm(0xAA), 8);
            Run(50);
            SendCml();
            SendCdcIfAny();
            Run(Settings.NotReadyMs + 50);
            Charger(GbtPf.Cro, new byte[] { 0xAA }, 1);
            Run(PollMs);
            return NowMs;
        }

        /// <summary>The charger's CDC to send with CML, or null (a charger without the extension).</summary>
        public CdcMessage Cdc;

        public void SendCml()
        {
            CmlMessage cml = new CmlMessage();
            cml.MaxOutputVoltageV = 750;
            cml.MinOutputVoltageV = 200;
            cml.MaxOutputCurrentA = -250;
            cml.MinOutputCurrentA = 0;
            byte[] payload = new byte[8];
            Charger(GbtPf.Cml, payload, cml.Write(payload));
        }

        public void SendCdcIfAny()
        {
            if (Cdc == null)
            {
                return;
            }

            byte[] payload = new byte[8];
            Cdc.Write(payload);
            Deliver(DischargeExtension.Priority, DischargeExtension.Pf, payload, 8);
        }

        /// <summary>A CCS with the given output current (standard sign).</summary>
        public void SendCcs(double currentA)
        {
            CcsMessage ccs = new CcsMessage();
            ccs.OutputVoltageV = Plant.BatteryVoltageV;
            ccs.OutputCurrentA = currentA;
            byte[] payload = new byte[8];
            Charger(GbtPf.Ccs, payload, ccs.Write(payload));
        }

        /// <summary>Runs <paramref name="ms"/> with a CCS every 50 ms (the charger's charging loop).</summary>
        public void RunWithCcs(int ms, double currentA)
        {
            long end = NowMs + ms;
            while (NowMs < end)
            {
                SendCcs(currentA);
                Run(50);
            }
        }

        public static byte[] Crm(int recognition)
        {
            return new byte[] { (byte)recognition, 0x01, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF };
        }

        /// <summary>Queues one charger → BMS frame of message <paramref name="pf"/>.</summary>
        public void Charger(int pf, byte[] payload, int length)
        {
            Deliver(GbtPf.PriorityOf(pf), pf, payload, length);
        }

        public void Deliver(int priority, int pf, byte[] payload, int length)
        {
            CanFrame frame = new CanFrame();
            frame.Id = GbtCanId.Make(priority, pf, GbtAddress.Bms, GbtAddress.Charger);
            frame.IsExtended = true;
            frame.Length = length;
            for (int i = 0; i < length; i++)
            {
                frame.SetByte(i, payload[i]);
            }

            Port.Deliver(frame);
        }

        private void Collect()
        {
            CanFrame frame;
            while (Port.TryTakeSent(out frame))
            {
                int pf = GbtCanId.PfOf(frame.Id);
                if (pf == GbtPf.TpCm)
                {
                    TransportFrames++;
                    OnTpCm(frame);
                }
                else if (pf == GbtPf.TpDt)
                {
                    TransportFrames++;
                    OnTpDt(frame);
                }
                else
                {
                    byte[] payload = new byte[frame.Length];
                    for (int i = 0; i < frame.Length; i++)
                    {
                        payload[i] = frame.GetByte(i);
                    }

                    Record(pf, payload, frame.Length);
                }
            }
        }

        private void OnTpCm(CanFrame frame)
        {
            if (frame.GetByte(0) != J1939Tp.ControlRts)
            {
                return;
            }

            _tpLength = frame.GetByte(1) | (frame.GetByte(2) << 8);
            _tpPackets = frame.GetByte(3);
            _tpPf = frame.GetByte(6);
            if (AnswerTransport)
            {
                CanFrame cts = J1939Tp.Cts(GbtAddress.Charger, GbtAddress.Bms, _tpPackets, 1, J1939Tp.PgnOf(_tpPf));
                Port.Deliver(cts);
            }
        }

        private void OnTpDt(CanFrame frame)
        {
            int sequence = frame.GetByte(0);
            if (_tpPf < 0 || sequence < 1)
            {
                return;
            }

            for (int i = 0; i < 7; i++)
            {
                _assembly[(sequence - 1) * 7 + i] = frame.GetByte(i + 1);
            }

            if (sequence == _tpPackets)
            {
                byte[] payload = new byte[_tpLength];
                for (int i = 0; i < _tpLength; i++)
                {
                    payload[i] = _assembly[i];
                }

                Record(_tpPf, payload, _tpLength);
                if (AnswerTransport)
                {
                    Port.Deliver(J1939Tp.EndOfMsgAck(GbtAddress.Charger, GbtAddress.Bms, _tpLength, _tpPackets, J1939Tp.PgnOf(_tpPf)));
                }

                _tpPf = -1;
            }
        }

        private void Record(int pf, byte[] payload, int length)
        {
            if (Count == MaxRecords)
            {
                return;
            }

            TimeMs[Count] = NowMs;
            Pf[Count] = pf;
            Length[Count] = length;
            Payload[Count] = payload;
            Count++;
        }

        /// <summary>Records of message <paramref name="pf"/> at or after <paramref name="fromMs"/>.</summary>
        public int CountOf(int pf, long fromMs)
        {
            int n = 0;
            for (int i = 0; i < Count; i++)
            {
                if (Pf[i] == pf && TimeMs[i] >= fromMs)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Index of the first record of <paramref name="pf"/> at or after <paramref name="fromMs"/>, −1 if none.</summary>
        public int First(int pf, long fromMs)
        {
            for (int i = 0; i < Count; i++)
            {
                if (Pf[i] == pf && TimeMs[i] >= fromMs)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Index of the last record of <paramref name="pf"/>, −1 if none.</summary>
        public int Last(int pf)
        {
            for (int i = Count - 1; i >= 0; i--)
            {
                if (Pf[i] == pf)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The smallest and largest gap between consecutive records of <paramref name="pf"/> in [fromMs, toMs), ms.</summary>
        public void Gaps(int pf, long fromMs, long toMs, out long minGapMs, out long maxGapMs)
        {
            minGapMs = long.MaxValue;
            maxGapMs = 0;
            long previous = -1;
            for (int i = 0; i < Count; i++)
            {
                if (Pf[i] != pf || TimeMs[i] < fromMs || TimeMs[i] >= toMs)
                {
                    continue;
                }

                if (previous >= 0)
                {
                    long gap = TimeMs[i] - previous;
                    minGapMs = gap < minGapMs ? gap : minGapMs;
                    maxGapMs = gap > maxGapMs ? gap : maxGapMs;
                }

                previous = TimeMs[i];
            }
        }
    }
}
