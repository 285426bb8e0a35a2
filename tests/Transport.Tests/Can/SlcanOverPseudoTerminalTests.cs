using System;
using System.Diagnostics;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Hal.Buses;
using V2G.Protocol.Can;
using V2G.Sim.Can;

namespace V2G.Transport.Tests.Can
{
    /// <summary>
    /// <see cref="SlcanPort"/> over a real serial device: one end of a socat pseudo-terminal pair opened with
    /// <see cref="SerialByteStream"/> (System.IO.Ports), the other end played by the test as an slcan adapter.
    /// </summary>
    [TestClass]
    public sealed class SlcanOverPseudoTerminalTests
    {
        private PseudoTerminalPair _pair;
        private SerialByteStream _host;
        private SerialByteStream _adapterEnd;
        private FakeSlcanAdapter _adapter;

        private static long NowMs => Environment.TickCount64;

        [TestInitialize]
        public void Connect()
        {
            _pair = PseudoTerminalPair.Start();
            _host = new SerialByteStream(_pair.PathA);
            _adapterEnd = new SerialByteStream(_pair.PathB);
            _adapter = new FakeSlcanAdapter(_adapterEnd);
        }

        [TestCleanup]
        public void Disconnect()
        {
            _host?.Dispose();
            _adapterEnd?.Dispose();
            _pair?.Dispose();
        }

        private static bool PollUntil(SlcanPort port, Func<bool> condition, int timeoutMs = 3000)
        {
            var elapsed = Stopwatch.StartNew();
            while (!condition())
            {
                if (elapsed.ElapsedMilliseconds > timeoutMs)
                {
                    return false;
                }

                port.Poll(NowMs);
                System.Threading.Thread.Sleep(1);
            }

            return true;
        }

        private SlcanPort OpenedPort(int bitRateBps)
        {
            var settings = new SlcanSettings { BitRateBps = bitRateBps, ReplyTimeoutMs = 3000 };
            var port = new SlcanPort(_host, settings);
            Assert.IsTrue(port.Open(NowMs));

            Assert.AreEqual("C", _adapter.ReadLine(), "close first");
            _adapter.Send("\r");
            Assert.IsTrue(PollUntil(port, () => port.State == SlcanPortState.SettingBitRate), "after C: " + SlcanPortStateNames.Of(port.State));

            string expectedBitRate = bitRateBps == 50000 ? "S2" : "S5";
            Assert.AreEqual(expectedBitRate, _adapter.ReadLine(), "bit rate");
            _adapter.Send("\r");
            Assert.IsTrue(PollUntil(port, () => port.State == SlcanPortState.Opening), "after S: " + SlcanPortStateNames.Of(port.State));

            Assert.AreEqual("O", _adapter.ReadLine(), "open");
            _adapter.Send("\r");
            Assert.IsTrue(PollUntil(port, () => port.IsOpen), "after O: " + SlcanPortStateNames.Of(port.State));
            return port;
        }

        [TestMethod]
        public void TheAdapterSeesCloseBitRate250kAndOpenAndThePortOpensOnItsReplies()
        {
            SlcanPort port = OpenedPort(250000);

            Assert.AreEqual(3L, port.OkReplies);
            Assert.AreEqual(0L, port.ErrorReplies);
        }

        [TestMethod]
        public void At50kTheAdapterSeesS2()
        {
            OpenedPort(50000);
        }

        [TestMethod]
        public void OurFramesReachTheAdapterAsTransmitLines()
        {
            SlcanPort port = OpenedPort(250000);
            var chm = new CanFrame { Id = 0x1826F456, IsExtended = true, Length = 3, Data = 0x000101 };
            var crm = new CanFrame { Id = 0x1801F456, IsExtended = true, Length = 8, Data = 0xFFFFFF00000001AA };

            Assert.IsTrue(port.TrySend(ref chm));
            Assert.IsTrue(port.TrySend(ref crm));

            Assert.AreEqual("T1826F4563010100", _adapter.ReadLine());
            Assert.AreEqual("T1801F4568AA01000000FFFFFF", _adapter.ReadLine());
            _adapter.Send("Z\rZ\r");
            Assert.IsTrue(PollUntil(port, () => port.TransmitAcks == 2), "acks counted");
        }

        [TestMethod]
        public void TheAdaptersLinesReachUsAsFrames()
        {
            SlcanPort port = OpenedPort(250000);

            _adapter.Send("T182756F42C00F\rT081E56F44F0F0F1FC1A2B\r");

            CanFrame frame = default;
            int timestampMs = 0;
            Assert.IsTrue(PollUntil(port, () => port.TryReceive(out frame, out timestampMs)), "first frame");
            Assert.AreEqual(0x182756F4u, frame.Id);
            Assert.IsTrue(frame.IsExtended);
            Assert.AreEqual(2, frame.Length);
            Assert.AreEqual(0x0FC0UL, frame.Data);
            Assert.AreEqual(SlcanLineDecoder.NoTimestamp, timestampMs);
            Assert.IsTrue(PollUntil(port, () => port.TryReceive(out frame, out timestampMs)), "second frame");
            Assert.AreEqual(0x081E56F4u, frame.Id);
            Assert.AreEqual(0xFCF1F0F0UL, frame.Data, "BEM, CCS timeout");
            Assert.AreEqual(0x1A2B, timestampMs);
        }

        [TestMethod]
        public void AThousandFramesEachWayCrossWithoutLoss()
        {
            SlcanPort port = OpenedPort(250000);
            const int Frames = 1000;
            int received = 0;
            int sent = 0;
            int seenByAdapter = 0;
            int sentByAdapter = 0;
            var elapsed = Stopwatch.StartNew();
            while ((received < Frames || seenByAdapter < Frames) && elapsed.ElapsedMilliseconds < 15000)
            {
                // A few lines at a time: a pseudo-terminal buffers only a few kB, and this one thread plays both sides.
                var chunk = new System.Text.StringBuilder();
                for (int k = 0; k < 10 && sentByAdapter < Frames && sentByAdapter - received < 40; k++, sentByAdapter++)
                {
                    chunk.Append("T181056F45").Append((sentByAdapter & 0xFFFF).ToString("X4")).Append("0E0B01\r");
                }

                if (chunk.Length > 0)
                {
                    _adapter.Send(chunk.ToString());
                }

                if (sent < Frames)
                {
                    var ccs = new CanFrame { Id = 0x1812F456, IsExtended = true, Length = 8, Data = (ulong)sent };
                    Assert.IsTrue(port.TrySend(ref ccs));
                    sent++;
                }

                port.Poll(NowMs);
                while (port.TryReceive(out CanFrame frame))
                {
                    // The adapter wrote the counter high byte first as data bytes 0 and 1, then 0E 0B 01.
                    ulong counterBytes = (ulong)(uint)((((received & 0xFF) << 8) | ((received >> 8) & 0xFF)));
                    Assert.AreEqual(counterBytes | 0x010B0E0000UL, frame.Data, "frame " + received + " in order");
                    received++;
                }

                while (seenByAdapter < sent)
                {
                    string line = _adapter.ReadLine(5);
                    if (line == null)
                    {
                        break;
                    }

                    Assert.AreEqual(26, line.Length, line);
                    seenByAdapter++;
                }
            }

            Assert.AreEqual(Frames, received, "frames the port received");
            Assert.AreEqual(Frames, seenByAdapter, "lines the adapter read");
            Assert.AreEqual(0L, port.RejectedLines);
            Assert.AreEqual(0L, port.ReceiveOverflows);
        }

        [TestMethod]
        public void WhenTheAdapterGoesAwayASendIsRefusedAndThePortReportsBusOffInsteadOfThrowing()
        {
            SlcanPort port = OpenedPort(250000);

            _adapterEnd.Dispose();
            _pair.Dispose();
            _pair = null;

            // A hung-up pseudo-terminal does not show in BytesToRead; the stream notices at the next write.
            var chm = new CanFrame { Id = 0x1826F456, IsExtended = true, Length = 3, Data = 0x000101 };
            bool refused = PollUntil(port, () => !port.TrySend(ref chm), 5000);
            Assert.IsTrue(refused, "a send is refused once the adapter is gone");
            Assert.IsTrue(port.IsBusOff, "and the port says bus-off");
        }
    }
}
