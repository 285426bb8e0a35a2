#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>Reset, configuration and the operating mode, checked in the chip model's registers.</summary>
    [TestClass]
    public class Mcp2515InitialisationTests
    {
        private static Mcp2515Rig Started(int crystalHz, int bitRateBps)
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.CrystalHz = crystalHz;
            settings.BitRateBps = bitRateBps;
            Mcp2515Rig rig = new Mcp2515Rig(true, true, settings);
            Assert.IsTrue(rig.Start());
            return rig;
        }

        private static void AssertBitTimingRegisters(Mcp2515Rig rig, byte cnf1, byte cnf2, byte cnf3)
        {
            Assert.AreEqual(cnf1, rig.Chip.PeekRegister(0x2A), "CNF1");
            Assert.AreEqual(cnf2, rig.Chip.PeekRegister(0x29), "CNF2");
            Assert.AreEqual(cnf3, rig.Chip.PeekRegister(0x28), "CNF3");
            Assert.AreEqual(Mcp2515Mode.Normal, (byte)rig.Chip.Mode, "normal mode");
            Assert.AreEqual(Mcp2515State.Running, rig.Driver.State);
        }

        [TestMethod]
        public void SequenceIsResetConfigurationModeTimingFiltersReadBackThenNormalMode()
        {
            Mcp2515Rig rig = Started(8000000, 250000);
            Assert.IsTrue(rig.Sent(0, new byte[] { 0xC0 }));
            Assert.IsTrue(rig.Sent(1, new byte[] { 0x03, 0x0E, 0x00 }));
            Assert.IsTrue(rig.Sent(2, new byte[] { 0x02, 0x28, 0x01, 0xB5, 0x00, 0xBF }), "CNF3, CNF2, CNF1, CANINTE in one write");
            int readBack = rig.IndexOf(0x03, 0x28, 3);
            int normal = rig.IndexOf(0x02, 0x0F, 3);
            Assert.IsTrue(rig.IndexOf(0x02, 0x60, 3) < readBack, "RXB0CTRL before the read-back");
            Assert.IsTrue(readBack > 0 && readBack < normal, "read-back before the mode change");
            Assert.IsTrue(rig.Sent(normal, new byte[] { 0x02, 0x0F, 0x00 }), "REQOP normal, CLKOUT off");
            Assert.IsTrue(rig.Sent(normal + 1, new byte[] { 0x03, 0x0E, 0x00 }), "CANSTAT verified");
            Assert.AreEqual(normal + 2, rig.Spi.Count);
        }

        [TestMethod]
        public void At250kbpsFrom8MHzTheChipHoldsCnf00B501()
        {
            AssertBitTimingRegisters(Started(8000000, 250000), 0x00, 0xB5, 0x01);
        }

        [TestMethod]
        public void At250kbpsFrom16MHzTheChipHoldsCnf01B501()
        {
            AssertBitTimingRegisters(Started(16000000, 250000), 0x01, 0xB5, 0x01);
        }

        [TestMethod]
        public void At50kbpsFrom8MHzTheChipHoldsCnf04B501()
        {
            AssertBitTimingRegisters(Started(8000000, 50000), 0x04, 0xB5, 0x01);
        }

        [TestMethod]
        public void At50kbpsFrom16MHzTheChipHoldsCnf09B501()
        {
            AssertBitTimingRegisters(Started(16000000, 50000), 0x09, 0xB5, 0x01);
        }

        [TestMethod]
        public void RolloverAndTheInterruptsAreEnabled()
        {
            Mcp2515Rig rig = Started(8000000, 250000);
            Assert.AreEqual((byte)0xBF, rig.Chip.PeekRegister(0x2B), "CANINTE: RX0, RX1, TX0..2, ERR, MERR");
            Assert.AreEqual((byte)(Mcp2515Bits.RxRollover | Mcp2515Bits.RxRolloverCopy), rig.Chip.PeekRegister(0x60), "RXB0CTRL: filters on, BUKT");
            Assert.AreEqual((byte)0, rig.Chip.PeekRegister(0x70), "RXB1CTRL: filters on");
        }

        [TestMethod]
        public void ExtendedOnlyFiltersHaveExideAndTheMasksAreZero()
        {
            Mcp2515Rig rig = Started(8000000, 250000);
            int[] filters = new int[] { 0x00, 0x04, 0x08, 0x10, 0x14, 0x18 };
            for (int i = 0; i < filters.Length; i++)
            {
                Assert.AreEqual((byte)0x08, rig.Chip.PeekRegister(filters[i] + 1), "EXIDE in RXF" + i.ToString());
            }

            for (int address = 0x20; address < 0x28; address++)
            {
                Assert.AreEqual((byte)0, rig.Chip.PeekRegister(address));
            }
        }

        [TestMethod]
        public void DestinationFilterMasksThePsByteAndMatchesTheCharger()
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.Acceptance = Mcp2515Acceptance.ExtendedToDestination;
            Mcp2515Rig rig = new Mcp2515Rig(true, true, settings);
            Assert.IsTrue(rig.Start());
            Assert.AreEqual((byte)0x00, rig.Chip.PeekRegister(0x20));
            Assert.AreEqual((byte)0x00, rig.Chip.PeekRegister(0x21));
            Assert.AreEqual((byte)0xFF, rig.Chip.PeekRegister(0x22), "RXM0EID8 = PS");
            Assert.AreEqual((byte)0x00, rig.Chip.PeekRegister(0x23));
            Assert.AreEqual((byte)0xFF, rig.Chip.PeekRegister(0x26), "RXM1EID8 = PS");
            Assert.AreEqual((byte)0x08, rig.Chip.PeekRegister(0x01), "RXF0SIDL: EXIDE");
            Assert.AreEqual((byte)0x56, rig.Chip.PeekRegister(0x02), "RXF0EID8 = 0x56");
            Assert.AreEqual((byte)0x56, rig.Chip.PeekRegister(0x1A), "RXF5EID8 = 0x56");
        }

        [TestMethod]
        public void ASlowModeChangeIsWaitedFor()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            rig.Chip.ModeChangeDelayReads = 3;
            Assert.IsTrue(rig.Start());
            Assert.AreEqual(Mcp2515Mode.Normal, (byte)rig.Chip.Mode);
        }

        [TestMethod]
        public void AModeThatNeverShowsFailsAndIsRetriedAfterTheDelay()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            rig.Chip.ModeChangeStuck = true;
            Assert.IsFalse(rig.Start());
            Assert.AreEqual(1, rig.Driver.Status.InitFailures);
            Assert.AreEqual(Mcp2515State.Stopped, rig.Driver.State);

            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, 0x000101);
            Assert.IsFalse(rig.Driver.TrySend(ref frame), "nothing is queued while stopped");

            rig.Chip.ModeChangeStuck = false;
            rig.Step(rig.Settings.InitRetryDelayMs - 1);
            Assert.AreEqual(Mcp2515State.Stopped, rig.Driver.State, "not before the retry delay");
            rig.Step(1);
            Assert.AreEqual(Mcp2515State.Running, rig.Driver.State);
            Assert.AreEqual(2, rig.Chip.ResetCount);
        }

        [TestMethod]
        public void ACorruptedReadBackFailsInitialisationAndTheRetrySucceeds()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            rig.Chip.CorruptNextRead(0x29, 0x01);
            Assert.IsFalse(rig.Start());
            Assert.AreEqual(1, rig.Driver.Status.InitFailures);
            rig.Run(rig.Settings.InitRetryDelayMs);
            Assert.AreEqual(Mcp2515State.Running, rig.Driver.State);
            Assert.AreEqual(1, rig.Driver.Status.Initialisations);
        }

        [TestMethod]
        public void ServiceInitialisesAChipThatWasNeverInitialised()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            rig.Step(1);
            Assert.AreEqual(Mcp2515State.Running, rig.Driver.State);
        }
    }
}
