#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Qca7000;

namespace V2G.UnitTests.Drivers
{
    /// <summary>Receive (digest §3.6) and the interrupt path (§3.8) against the chip model.</summary>
    [TestClass]
    public class Qca7000ReceiveTests
    {
        private static Qca7000Rig ReadyRig(bool interruptWired)
        {
            Qca7000Rig rig = new Qca7000Rig(interruptWired, true);
            Assert.IsTrue(rig.RunUntilReady(200), "ready");
            rig.Spi.Clear();
            return rig;
        }

        [TestMethod]
        public void AFrameFromThePowerlineIsReceivedByteForByte()
        {
            Qca7000Rig rig = ReadyRig(true);
            byte[] frame = Qca7000Rig.Frame(300, 1);

            rig.Chip.DeliverFromMedium(frame, 300);
            rig.Step(1);

            Assert.AreEqual(300, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(Qca7000Rig.SameBytes(frame, rig.Buffer, 300));
            Assert.AreEqual(0, rig.Driver.Receive(rig.Buffer));
            Assert.AreEqual(1, rig.Driver.Status.FramesReceived);
        }

        [TestMethod]
        public void TheReadBufferCountIsReadThenWrittenToBufferSizeBeforeTheExternalRead()
        {
            Qca7000Rig rig = ReadyRig(true);
            rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(100, 2), 100);

            rig.Step(1);

            int count = rig.Spi.IndexOf(0xC300, 0);
            int external = rig.Spi.IndexOf(0x8000, 0);
            Assert.IsTrue(count >= 0 && external == count + 2);

            // 114 = LEN (4) + FL (100) + 10.
            byte[] size = rig.Spi.Mosi(count + 1);
            Assert.AreEqual((byte)0x41, size[0]);
            Assert.AreEqual((byte)0x00, size[1]);
            Assert.AreEqual((byte)0x00, size[2]);
            Assert.AreEqual((byte)114, size[3]);
            Assert.AreEqual(116, rig.Spi.Mosi(external).Length, "command word + 114 bytes");
        }

        [TestMethod]
        public void SeveralFramesInOneReadAreAllReceived()
        {
            Qca7000Rig rig = ReadyRig(true);
            byte[] a = Qca7000Rig.Frame(60, 3);
            byte[] b = Qca7000Rig.Frame(700, 4);
            byte[] c = Qca7000Rig.Frame(1518, 5);
            rig.Chip.DeliverFromMedium(a, a.Length);
            rig.Chip.DeliverFromMedium(b, b.Length);
            rig.Chip.DeliverFromMedium(c, c.Length);

            rig.Step(1);

            Assert.AreEqual(1, rig.Spi.CountOf(0x8000), "one external read");
            Assert.AreEqual(60, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(Qca7000Rig.SameBytes(a, rig.Buffer, 60));
            Assert.AreEqual(700, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(Qca7000Rig.SameBytes(b, rig.Buffer, 700));
            Assert.AreEqual(1518, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(Qca7000Rig.SameBytes(c, rig.Buffer, 1518));
        }

        [TestMethod]
        public void FramesPaddedToFourBytesInTheReadBufferAreAllReceived()
        {
            Qca7000Rig rig = ReadyRig(true);
            rig.Chip.PadReadFramesToFourBytes = true;
            byte[] a = Qca7000Rig.Frame(61, 6);
            byte[] b = Qca7000Rig.Frame(63, 7);
            rig.Chip.DeliverFromMedium(a, a.Length);
            rig.Chip.DeliverFromMedium(b, b.Length);

            rig.Step(1);

            Assert.AreEqual(61, rig.Driver.Receive(rig.Buffer));
            Assert.AreEqual(63, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(Qca7000Rig.SameBytes(b, rig.Buffer, 63));
            Assert.AreEqual(0, rig.Driver.Status.RxNoHeadErrors);
        }

        [TestMethod]
        public void BufferSizeIsWrittenWithTheRightLengthBeforeEveryExternalAccess()
        {
            Qca7000Rig rig = ReadyRig(true);
            byte[] sent = new byte[1600];
            for (int i = 0; i < 40; i++)
            {
                rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(60 + (i * 37), i), 60 + (i * 37));
                rig.Driver.TrySend(Qca7000Rig.Frame(20 + (i * 37), i), 20 + (i * 37));
                rig.Step(Qca7000Rig.StepMs);
                rig.Chip.TryTakeSentFrame(sent);
                while (rig.Driver.Receive(rig.Buffer) > 0)
                {
                }
            }

            int externals = 0;
            for (int i = 0; i < rig.Spi.Count; i++)
            {
                if (rig.Spi.IsExternal(i))
                {
                    externals++;
                    Assert.IsTrue(i > 0, "an external access is never first");
                    byte[] size = rig.Spi.Mosi(i - 1);
                    Assert.AreEqual(0x4100, rig.Spi.Command(i - 1), "BFR_SIZE write just before transfer " + i.ToString());
                    Assert.AreEqual(rig.Spi.Mosi(i).Length - 2, (size[2] << 8) | size[3], "BFR_SIZE is the data length");
                }
            }

            Assert.IsTrue(externals >= 80, "both directions were exercised");
            Assert.AreEqual(0, rig.Chip.BufferSizeMismatches);
            Assert.AreEqual(40, rig.Driver.Status.FramesReceived);
            Assert.AreEqual(40, rig.Driver.Status.FramesSent);
        }

        [TestMethod]
        public void AResetInTheMiddleOfAFrameDropsThePartialFrameAndTheNextFrameArrivesIntact()
        {
            Qca7000Rig rig = ReadyRig(true);
            rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(400, 8), 400);
            rig.Chip.ResetInNextRead(150);

            rig.Step(1);
            Assert.AreEqual(0, rig.Driver.Receive(rig.Buffer), "nothing complete yet");
            Assert.IsTrue(rig.Chip.IsHoldingOff, "the chip reset during the read");
            rig.Run(Qca7000Rig.HoldOffMs + 40);
            Assert.AreEqual(Qca7000SyncState.Ready, rig.Driver.SyncState);
            Assert.AreEqual(2, rig.Driver.Status.CpuOnEvents);

            byte[] next = Qca7000Rig.Frame(200, 9);
            rig.Chip.DeliverFromMedium(next, 200);
            rig.Step(1);

            Assert.AreEqual(200, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(Qca7000Rig.SameBytes(next, rig.Buffer, 200));
            Assert.AreEqual(0, rig.Driver.Receive(rig.Buffer));
            Assert.AreEqual(1, rig.Driver.Status.RxDroppedFrames);
        }

        [TestMethod]
        public void AnInterruptEdgeIsServicedAtTheNextServiceWithoutWaitingForThePollPeriod()
        {
            Qca7000Rig rig = ReadyRig(true);
            int edges = rig.Driver.Status.EdgeServices;

            rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(100, 10), 100);
            rig.Step(1);

            Assert.AreEqual(edges + 1, rig.Driver.Status.EdgeServices);
            Assert.AreEqual(100, rig.Driver.Receive(rig.Buffer));
        }

        [TestMethod]
        public void AMissedEdgeWithTheLineStillAssertedIsServicedAtTheNextService()
        {
            Qca7000Rig rig = ReadyRig(true);
            rig.Chip.DropInterruptEdges = true;

            rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(100, 11), 100);
            rig.Step(1);

            Assert.AreEqual(1, rig.Driver.Status.LevelServices);
            Assert.AreEqual(100, rig.Driver.Receive(rig.Buffer));
        }

        [TestMethod]
        public void MissedInterruptEdgesAreRecoveredByPolling()
        {
            Qca7000Rig rig = ReadyRig(true);
            rig.Chip.InterruptLineStuckLow = true;
            Qca7000Settings defaults = new Qca7000Settings();

            rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(100, 12), 100);
            rig.Step(1);
            Assert.AreEqual(0, rig.Driver.Receive(rig.Buffer), "no edge, no level: nothing yet");
            rig.Step(defaults.InterruptPollPeriodMs);

            Assert.AreEqual(100, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(rig.Driver.Status.PolledServices > 0);
        }

        [TestMethod]
        public void WithoutAnInterruptLineTheDriverRunsOnPollingAlone()
        {
            Qca7000Rig rig = ReadyRig(false);
            byte[] frame = Qca7000Rig.Frame(500, 13);

            rig.Chip.DeliverFromMedium(frame, 500);
            rig.Run(25);

            Assert.AreEqual(500, rig.Driver.Receive(rig.Buffer));
            Assert.AreEqual(0, rig.Driver.Status.EdgeServices + rig.Driver.Status.LevelServices);
        }

        [TestMethod]
        public void ABitFlippedReadBufferCountAbove3167IsRejectedAndTheFrameIsReadLater()
        {
            Qca7000Rig rig = ReadyRig(true);
            byte[] frame = Qca7000Rig.Frame(100, 14);
            rig.Chip.FlipBitInNextRead(0x0300, 15);

            rig.Chip.DeliverFromMedium(frame, 100);
            rig.Step(1);
            Assert.AreEqual(1, rig.Driver.Status.ReadBufferGlitches);
            Assert.AreEqual(0, rig.Spi.CountOf(0x8000), "no external read of 0x8072 bytes");
            Assert.AreEqual(0, rig.Driver.Receive(rig.Buffer));
            rig.Step(1);

            Assert.AreEqual(100, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(Qca7000Rig.SameBytes(frame, rig.Buffer, 100));
            Assert.AreEqual(Qca7000SyncState.Ready, rig.Driver.SyncState);
        }

        [TestMethod]
        public void AFrameLongerThanTheCallersBufferIsDroppedAndCounted()
        {
            Qca7000Rig rig = ReadyRig(true);
            rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(300, 15), 300);
            rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(80, 16), 80);
            rig.Step(1);

            Assert.AreEqual(80, rig.Driver.Receive(new byte[100]));
            Assert.AreEqual(1, rig.Driver.Status.RxDroppedFrames);
        }

        [TestMethod]
        public void AReadBufferErrorResynchronisesTheChip()
        {
            Qca7000Rig rig = ReadyRig(true);
            rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(100, 17), 100);
            rig.Chip.FlipBitInNextRead(0x0300, 3);

            // The flipped count (114 + 8 = 122) reads past the FIFO: the chip flags RDBUF_ERR.
            rig.Step(1);
            rig.Run(30);
            Assert.AreEqual(1, rig.Driver.Status.ReadBufferErrors);
            Assert.IsTrue(rig.RunUntilReady(500));

            Assert.AreEqual(2, rig.Chip.SoftResetCount);
        }

        [TestMethod]
        public void TheDriverSurvivesRandomBitFlipsAndWorksAgainWhenTheyStop()
        {
            Qca7000Rig rig = new Qca7000Rig(true, false);
            Assert.IsTrue(rig.RunUntilReady(200));
            rig.Chip.SetRandomBitFlips(4242, 2000);
            byte[] sent = new byte[1600];
            for (int i = 0; i < 2000; i++)
            {
                rig.Chip.DeliverFromMedium(Qca7000Rig.Frame(60 + (i % 500), i), 60 + (i % 500));
                rig.Driver.TrySend(Qca7000Rig.Frame(60 + (i % 300), i), 60 + (i % 300));
                rig.Step(Qca7000Rig.StepMs);
                rig.Chip.TryTakeSentFrame(sent);
                while (rig.Driver.Receive(rig.Buffer) > 0)
                {
                }
            }

            Assert.AreEqual(0, rig.Driver.Status.SpiErrors, "no exception escaped the driver's parsing");
            Qca7000Status status = rig.Driver.Status;
            int noticed = status.Resyncs + status.RxNoHeadErrors + status.RxNoTailErrors + status.RxInvalidLengthErrors
                + status.ReadBufferGlitches + status.WriteBufferGlitches;
            Assert.IsTrue(noticed > 0, "the flips were noticed");

            rig.Chip.SetRandomBitFlips(1, 0);
            Assert.IsTrue(rig.RunUntilReady(15000), "back in sync");
            rig.Run(100);
            while (rig.Driver.Receive(rig.Buffer) > 0)
            {
            }

            byte[] frame = Qca7000Rig.Frame(321, 99);
            rig.Chip.DeliverFromMedium(frame, 321);
            rig.Run(30);
            Assert.AreEqual(321, rig.Driver.Receive(rig.Buffer));
            Assert.IsTrue(Qca7000Rig.SameBytes(frame, rig.Buffer, 321));
        }
    }
}
