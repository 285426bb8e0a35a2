#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Qca7000;

namespace V2G.UnitTests.Drivers
{
    /// <summary>Transmit (digest §3.5) against the chip model.</summary>
    [TestClass]
    public class Qca7000TransmitTests
    {
        private static Qca7000Rig ReadyRig()
        {
            Qca7000Rig rig = new Qca7000Rig();
            Assert.IsTrue(rig.RunUntilReady(200), "ready");
            rig.Spi.Clear();
            return rig;
        }

        // A CM_SLAC_PARM.REQ as an EV sends it, 60 bytes with padding: broadcast, ethertype 0x88E1,
        // MMV 1, MMTYPE 0x6064 (LE), FMI, application and security type, RunID.
        private static byte[] SlacParmReq()
        {
            byte[] frame = new byte[60];
            for (int i = 0; i < 6; i++)
            {
                frame[i] = 0xFF;
                frame[6 + i] = Qca7000Rig.HostMac[i];
            }

            frame[12] = 0x88;
            frame[13] = 0xE1;
            frame[14] = 0x01;
            frame[15] = 0x64;
            frame[16] = 0x60;
            for (int i = 0; i < 8; i++)
            {
                frame[21 + i] = (byte)(0x11 * (i + 1));
            }

            return frame;
        }

        [TestMethod]
        public void ASixtyByteSlacParmReqGoesOutAsBufferSize0046ThenTheFramedBytesOfTheTrace()
        {
            Qca7000Rig rig = ReadyRig();
            byte[] frame = SlacParmReq();

            Assert.IsTrue(rig.Driver.TrySend(frame, 60));
            rig.Step(1);

            int external = rig.Spi.IndexOf(0x0000, 0);
            Assert.IsTrue(external > 0, "an external write was made");

            // BFR_SIZE write: 41 00 00 46 (0x46 = 70 = 60 + 10) [V:C1].
            byte[] size = rig.Spi.Mosi(external - 1);
            Assert.AreEqual(4, size.Length);
            Assert.AreEqual((byte)0x41, size[0]);
            Assert.AreEqual((byte)0x00, size[1]);
            Assert.AreEqual((byte)0x00, size[2]);
            Assert.AreEqual((byte)0x46, size[3]);

            // External write: 00 00 AA AA AA AA 3C 00 00 00 <60 bytes> 55 55.
            byte[] wire = rig.Spi.Mosi(external);
            Assert.AreEqual(72, wire.Length);
            byte[] head = new byte[] { 0x00, 0x00, 0xAA, 0xAA, 0xAA, 0xAA, 0x3C, 0x00, 0x00, 0x00 };
            for (int i = 0; i < head.Length; i++)
            {
                Assert.AreEqual(head[i], wire[i], "header byte " + i.ToString());
            }

            for (int i = 0; i < 60; i++)
            {
                Assert.AreEqual(frame[i], wire[10 + i], "frame byte " + i.ToString());
            }

            Assert.AreEqual((byte)0x55, wire[70]);
            Assert.AreEqual((byte)0x55, wire[71]);
            Assert.AreEqual(1, rig.Driver.Status.FramesSent);
        }

        [TestMethod]
        public void TheWriteBufferSpaceIsReadBeforeWriting()
        {
            Qca7000Rig rig = ReadyRig();

            rig.Driver.TrySend(Qca7000Rig.Frame(100, 1), 100);
            rig.Step(1);

            int external = rig.Spi.IndexOf(0x0000, 0);
            int spaceRead = rig.Spi.IndexOf(0xC200, 0);
            Assert.IsTrue(spaceRead >= 0 && spaceRead < external);
        }

        [TestMethod]
        public void AShortFrameReachesTheMediumPaddedToSixtyBytes()
        {
            Qca7000Rig rig = ReadyRig();
            byte[] frame = Qca7000Rig.Frame(42, 2);

            rig.Driver.TrySend(frame, 42);
            rig.Step(1);
            byte[] sent = new byte[1600];
            int length = rig.Chip.TryTakeSentFrame(sent);

            Assert.AreEqual(60, length);
            Assert.IsTrue(Qca7000Rig.SameBytes(frame, sent, 42));
            for (int i = 42; i < 60; i++)
            {
                Assert.AreEqual((byte)0, sent[i], "padding byte " + i.ToString());
            }
        }

        [TestMethod]
        public void FramesReachTheMediumIntactAndInOrder()
        {
            Qca7000Rig rig = ReadyRig();
            byte[] first = Qca7000Rig.Frame(1518, 3);
            byte[] second = Qca7000Rig.Frame(200, 4);

            rig.Driver.TrySend(first, first.Length);
            rig.Driver.TrySend(second, second.Length);
            rig.Step(1);
            byte[] sent = new byte[1600];

            Assert.AreEqual(1518, rig.Chip.TryTakeSentFrame(sent));
            Assert.IsTrue(Qca7000Rig.SameBytes(first, sent, 1518));
            Assert.AreEqual(200, rig.Chip.TryTakeSentFrame(sent));
            Assert.IsTrue(Qca7000Rig.SameBytes(second, sent, 200));
            Assert.AreEqual(0, rig.Chip.WriteBufferErrorCount);
        }

        [TestMethod]
        public void TheEleventhFrameIsRefusedWhileTheRingHoldsTen()
        {
            Qca7000Rig rig = ReadyRig();
            byte[] frame = Qca7000Rig.Frame(100, 5);

            for (int i = 0; i < Qca7000Driver.TransmitRingFrames; i++)
            {
                Assert.IsTrue(rig.Driver.TrySend(frame, 100), "frame " + i.ToString());
            }

            Assert.IsFalse(rig.Driver.TrySend(frame, 100));
            Assert.AreEqual(1, rig.Driver.Status.TxRefusedFrames);
            rig.Step(1);
            Assert.IsTrue(rig.Driver.TrySend(frame, 100), "room again once written");
        }

        [TestMethod]
        public void NothingIsAcceptedForSendingBeforeTheChipIsReady()
        {
            Qca7000Rig rig = new Qca7000Rig();

            Assert.IsFalse(rig.Driver.TrySend(Qca7000Rig.Frame(100, 6), 100));
        }

        [TestMethod]
        public void AFrameWaitsWhileTheWriteBufferHasNoRoomAndGoesWhenTheMediumTakesOne()
        {
            Qca7000Rig rig = ReadyRig();
            byte[] frame = Qca7000Rig.Frame(1518, 7);

            // Two full frames take 2 × (1528 + 4) = 3064 of 3163 bytes; the third needs 1532.
            for (int i = 0; i < 3; i++)
            {
                rig.Driver.TrySend(frame, 1518);
            }

            rig.Step(1);
            Assert.AreEqual(2, rig.Driver.Status.FramesSent);
            Assert.AreEqual(1, rig.Driver.QueuedTransmitFrames);

            byte[] sent = new byte[1600];
            rig.Chip.TryTakeSentFrame(sent);
            rig.Step(1);

            Assert.AreEqual(3, rig.Driver.Status.FramesSent);
            Assert.AreEqual(0, rig.Chip.WriteBufferErrorCount);
        }

        [TestMethod]
        public void AFrameThatCannotBeWrittenForASecondResynchronisesTheChip()
        {
            Qca7000Rig rig = ReadyRig();
            byte[] frame = Qca7000Rig.Frame(1518, 8);
            for (int i = 0; i < 3; i++)
            {
                rig.Driver.TrySend(frame, 1518);
            }

            rig.Run(1050);

            Assert.AreEqual(1, rig.Driver.Status.TransmitTimeouts);
            Assert.AreEqual(1, rig.Driver.Status.TxDroppedFrames);
            Assert.IsTrue(rig.RunUntilReady(500));
            Assert.AreEqual(2, rig.Chip.SoftResetCount);
        }

        [TestMethod]
        public void ABitFlippedWriteBufferSpaceAbove3163IsIgnoredAndTheFrameGoesLater()
        {
            Qca7000Rig rig = ReadyRig();
            rig.Chip.FlipBitInNextRead(0x0200, 14);

            rig.Driver.TrySend(Qca7000Rig.Frame(100, 9), 100);
            rig.Step(1);
            Assert.AreEqual(0, rig.Driver.Status.FramesSent);
            Assert.AreEqual(1, rig.Driver.Status.WriteBufferGlitches);
            rig.Step(1);

            Assert.AreEqual(1, rig.Driver.Status.FramesSent);
        }
    }
}
