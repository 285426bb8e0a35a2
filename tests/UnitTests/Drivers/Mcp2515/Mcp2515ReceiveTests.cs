#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>Frames in through RXB0 and RXB1 (rollover), filters, overflow.</summary>
    [TestClass]
    public class Mcp2515ReceiveTests
    {
        private static Mcp2515Rig Running(Mcp2515Settings settings)
        {
            Mcp2515Rig rig = new Mcp2515Rig(true, false, settings);
            Assert.IsTrue(rig.Start());
            rig.Step(1);
            return rig;
        }

        [TestMethod]
        public void AFrameInRxb0IsReceived()
        {
            Mcp2515Rig rig = Running(null);
            CanFrame bhm = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            Assert.IsTrue(rig.Chip.DeliverFromBus(ref bhm));
            Assert.AreEqual((byte)Mcp2515Interrupt.Rx0, (byte)(rig.Chip.PeekRegister(0x2C) & 0x03));
            rig.Step(1);
            CanFrame received;
            Assert.IsTrue(rig.Driver.TryReceive(out received));
            Assert.IsTrue(Mcp2515Rig.Same(bhm, received));
            Assert.IsFalse(rig.Driver.TryReceive(out received));
            Assert.AreEqual((byte)0, rig.Chip.PeekRegister(0x2C), "READ RX BUFFER cleared RX0IF");
        }

        [TestMethod]
        public void ASecondFrameRollsOverIntoRxb1AndBothArriveInOrder()
        {
            Mcp2515Rig rig = Running(null);
            CanFrame first = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 1);
            CanFrame second = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 2);
            Assert.IsTrue(rig.Chip.DeliverFromBus(ref first));
            Assert.IsTrue(rig.Chip.DeliverFromBus(ref second));
            Assert.AreEqual((byte)(Mcp2515Interrupt.Rx0 | Mcp2515Interrupt.Rx1), (byte)(rig.Chip.PeekRegister(0x2C) & 0x03), "both buffers full");
            rig.Step(1);
            CanFrame received;
            Assert.IsTrue(rig.Driver.TryReceive(out received));
            Assert.AreEqual(1UL, received.Data);
            Assert.IsTrue(rig.Driver.TryReceive(out received));
            Assert.AreEqual(2UL, received.Data);
            Assert.AreEqual(0, rig.Driver.Status.RxOverflows);
        }

        [TestMethod]
        public void AThirdFrameBeforeServiceOverflowsAndIsCountedAndCleared()
        {
            Mcp2515Rig rig = Running(null);
            for (int i = 1; i <= 3; i++)
            {
                CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, (ulong)i);
                Assert.AreEqual(i < 3, rig.Chip.DeliverFromBus(ref frame), "frame " + i.ToString());
            }

            Assert.AreEqual((byte)Mcp2515ErrorFlag.Rx1Overflow, (byte)(rig.Chip.PeekRegister(0x2D) & 0xC0), "rolled over, so RX1OVR");
            rig.Step(1);
            Assert.AreEqual(1, rig.Driver.Status.RxOverflows);
            Assert.AreEqual((byte)0, (byte)(rig.Chip.PeekRegister(0x2D) & 0xC0), "overflow flags cleared");
            Assert.AreEqual((byte)0, rig.Chip.PeekRegister(0x2C), "ERRIF cleared");
            Assert.IsFalse(rig.Chip.IsAsserted);
            Assert.AreEqual(2, rig.Driver.Status.FramesReceived);
        }

        [TestMethod]
        public void EveryLengthFromZeroToEightIsReceived()
        {
            Mcp2515Rig rig = Running(null);
            for (int length = 0; length <= 8; length++)
            {
                CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, length, 0x0102030405060708);
                Assert.IsTrue(rig.Chip.DeliverFromBus(ref frame));
                rig.Step(1);
                CanFrame received;
                Assert.IsTrue(rig.Driver.TryReceive(out received), "length " + length.ToString());
                Assert.IsTrue(Mcp2515Rig.Same(frame, received), "length " + length.ToString());
            }
        }

        [TestMethod]
        public void StandardFramesAreRejectedWhenOnlyExtendedAreAccepted()
        {
            Mcp2515Rig rig = Running(null);
            CanFrame standard = Mcp2515Rig.Frame(0x123, 2, 0x1770);
            standard.IsExtended = false;
            Assert.IsFalse(rig.Chip.DeliverFromBus(ref standard));
            Assert.AreEqual(1, rig.Chip.RejectedFrames);
        }

        [TestMethod]
        public void AllFramesAcceptsStandardFramesToo()
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.Acceptance = Mcp2515Acceptance.AllFrames;
            Mcp2515Rig rig = Running(settings);
            CanFrame standard = Mcp2515Rig.Frame(0x123, 2, 0x1770);
            standard.IsExtended = false;
            Assert.IsTrue(rig.Chip.DeliverFromBus(ref standard));
            rig.Step(1);
            CanFrame received;
            Assert.IsTrue(rig.Driver.TryReceive(out received));
            Assert.IsTrue(Mcp2515Rig.Same(standard, received));
        }

        [TestMethod]
        public void TheDestinationFilterTakesOnlyFramesForTheCharger()
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.Acceptance = Mcp2515Acceptance.ExtendedToDestination;
            Mcp2515Rig rig = Running(settings);
            CanFrame toCharger = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            CanFrame toBms = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, 0x000101);
            CanFrame tpToCharger = Mcp2515Rig.Frame(0x1CEC56F4, 8, 0x11);
            Assert.IsTrue(rig.Chip.DeliverFromBus(ref toCharger));
            Assert.IsFalse(rig.Chip.DeliverFromBus(ref toBms));
            rig.Step(1);
            Assert.IsTrue(rig.Chip.DeliverFromBus(ref tpToCharger));
        }

        [TestMethod]
        public void AFullReceiveQueueDropsAndCounts()
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.ReceiveQueueFrames = 2;
            Mcp2515Rig rig = Running(settings);
            for (int i = 0; i < 3; i++)
            {
                CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, (ulong)i);
                rig.Chip.DeliverFromBus(ref frame);
                rig.Step(1);
            }

            Assert.AreEqual(2, rig.Driver.Status.FramesReceived);
            Assert.AreEqual(1, rig.Driver.Status.RxQueueDroppedFrames);
        }
    }
}
