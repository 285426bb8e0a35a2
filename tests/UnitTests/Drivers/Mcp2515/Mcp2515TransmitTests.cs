#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>Frames out through the three transmit buffers, in queue order.</summary>
    [TestClass]
    public class Mcp2515TransmitTests
    {
        private static Mcp2515Rig Running()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            Assert.IsTrue(rig.Start());
            rig.Step(1);
            return rig;
        }

        [TestMethod]
        public void ThreeFramesFillTxb0Txb1Txb2WithFallingPriority()
        {
            Mcp2515Rig rig = Running();
            for (int i = 0; i < 3; i++)
            {
                CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, (ulong)i);
                Assert.IsTrue(rig.Driver.TrySend(ref frame));
            }

            rig.Step(1);
            Assert.AreEqual(3, rig.Chip.PendingTransmitBuffers);
            Assert.AreEqual((byte)(Mcp2515Bits.TxRequest | 3), rig.Chip.PeekRegister(0x30), "TXB0: TXREQ, TXP 3");
            Assert.AreEqual((byte)(Mcp2515Bits.TxRequest | 2), rig.Chip.PeekRegister(0x40), "TXB1: TXREQ, TXP 2");
            Assert.AreEqual((byte)(Mcp2515Bits.TxRequest | 1), rig.Chip.PeekRegister(0x50), "TXB2: TXREQ, TXP 1");
        }

        [TestMethod]
        public void FramesThroughAllThreeBuffersLeaveInTheOrderQueued()
        {
            Mcp2515Rig rig = Running();
            for (int i = 0; i < 3; i++)
            {
                CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 1, (ulong)i);
                rig.Driver.TrySend(ref frame);
            }

            rig.Step(1);
            for (int i = 0; i < 3; i++)
            {
                CanFrame sent;
                Assert.IsTrue(rig.Chip.TryTakeTransmitted(out sent));
                Assert.AreEqual((ulong)i, sent.Data, "frame " + i.ToString());
            }

            rig.Step(1);
            Assert.AreEqual(3, rig.Driver.Status.FramesSent);
            Assert.AreEqual(0, rig.Driver.PendingTransmitBuffers);
        }

        [TestMethod]
        public void ALongQueueKeepsItsOrderWhileBuffersAreRefilled()
        {
            Mcp2515Rig rig = Running();
            for (int i = 0; i < 12; i++)
            {
                CanFrame frame = Mcp2515Rig.Frame(0x1CEBF456, 8, (ulong)i);
                Assert.IsTrue(rig.Driver.TrySend(ref frame));
            }

            int expected = 0;
            for (int step = 0; step < 100 && expected < 12; step++)
            {
                rig.Step(1);

                // The bus takes one frame per step, so refills happen while other buffers are still pending.
                CanFrame sent;
                if (rig.Chip.TryTakeTransmitted(out sent))
                {
                    Assert.AreEqual((ulong)expected, sent.Data, "frame " + expected.ToString());
                    expected++;
                }
            }

            Assert.AreEqual(12, expected);
        }

        [TestMethod]
        public void EveryLengthFromZeroToEightIsSentWithoutPadding()
        {
            Mcp2515Rig rig = Running();
            for (int length = 0; length <= 8; length++)
            {
                rig.Spi.Clear();
                CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, length, 0x8877665544332211);
                Assert.IsTrue(rig.Driver.TrySend(ref frame));
                rig.Step(1);

                int load = rig.IndexOf(0x40, -1, 0);
                if (load < 0)
                {
                    load = rig.IndexOf(0x42, -1, 0);
                }

                if (load < 0)
                {
                    load = rig.IndexOf(0x44, -1, 0);
                }

                Assert.AreEqual(6 + length, rig.Spi.Mosi(load).Length, "LOAD TX BUFFER carries only the frame's bytes");
                CanFrame sent;
                Assert.IsTrue(rig.Chip.TryTakeTransmitted(out sent));
                Assert.IsTrue(Mcp2515Rig.Same(frame, sent), "length " + length.ToString());
                rig.Step(1);
            }
        }

        [TestMethod]
        public void AFullQueueRefusesAndCounts()
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.TransmitQueueFrames = 4;
            Mcp2515Rig rig = new Mcp2515Rig(true, false, settings);
            Assert.IsTrue(rig.Start());
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, 1);
            for (int i = 0; i < 4; i++)
            {
                Assert.IsTrue(rig.Driver.TrySend(ref frame));
            }

            Assert.IsFalse(rig.Driver.TrySend(ref frame));
            Assert.AreEqual(1, rig.Driver.Status.TxRefusedFrames);
            Assert.AreEqual(4, rig.Driver.QueuedTransmitFrames);
        }

        [TestMethod]
        public void NothingIsAcceptedBeforeInitialisation()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, 1);
            Assert.IsFalse(rig.Driver.TrySend(ref frame));
        }

        [TestMethod]
        public void LoopbackModeReturnsSentFramesToTheReceiveSide()
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.OperatingMode = Mcp2515Mode.Loopback;
            Mcp2515Rig rig = new Mcp2515Rig(true, false, settings);
            Assert.IsTrue(rig.Start());
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            Assert.IsTrue(rig.Driver.TrySend(ref frame));
            rig.Step(1);
            rig.Step(1);
            CanFrame received;
            Assert.IsTrue(rig.Driver.TryReceive(out received));
            Assert.IsTrue(Mcp2515Rig.Same(frame, received));
            CanFrame onBus;
            Assert.IsFalse(rig.Chip.TryTakeTransmitted(out onBus), "nothing on the bus in loopback");
        }
    }
}
