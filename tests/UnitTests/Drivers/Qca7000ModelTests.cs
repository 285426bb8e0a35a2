#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Plc;

namespace V2G.UnitTests.Drivers
{
    /// <summary>The chip model on its own, driven with raw SPI frames (digest §5.2).</summary>
    [TestClass]
    public class Qca7000ModelTests
    {
        private static int ReadRegister(Qca7000Model chip, int command)
        {
            byte[] mosi = new byte[] { (byte)(command >> 8), (byte)command, 0, 0 };
            byte[] miso = new byte[4];
            chip.Transfer(mosi, miso, 4);
            return (miso[2] << 8) | miso[3];
        }

        private static void WriteRegister(Qca7000Model chip, int command, int value)
        {
            byte[] mosi = new byte[] { (byte)(command >> 8), (byte)command, (byte)(value >> 8), (byte)value };
            chip.Transfer(mosi, new byte[4], 4);
        }

        [TestMethod]
        public void TheModelAnswersTheGoodSignatureAndAnEmptyWriteBuffer()
        {
            Qca7000Model chip = new Qca7000Model(new SimClock());

            Assert.AreEqual(0xAA55, ReadRegister(chip, 0xDA00));
            Assert.AreEqual(3163, ReadRegister(chip, 0xC200));
            Assert.AreEqual(0, ReadRegister(chip, 0xC300));
        }

        [TestMethod]
        public void ASoftResetSilencesTheChipForTheHoldOffThenRaisesCpuOn()
        {
            SimClock clock = new SimClock();
            Qca7000Model chip = new Qca7000Model(clock, 100);
            WriteRegister(chip, 0x4D00, 0x0047);
            int edges = 0;
            chip.Asserted += delegate (long timestampMs) { edges++; };

            WriteRegister(chip, 0x4400, 0x0040);
            clock.Advance(99);
            Assert.AreEqual(0, ReadRegister(chip, 0xDA00), "silent while rebooting");
            clock.Advance(1);

            Assert.AreEqual(0x0040, ReadRegister(chip, 0xCC00) & 0x0040, "CPU_ON");
            Assert.AreEqual(1, edges);
            Assert.IsTrue(chip.IsAsserted);
        }

        [TestMethod]
        public void TheInterruptLineFollowsOnlyEnabledCausesAndDropsWhenAcknowledged()
        {
            Qca7000Model chip = new Qca7000Model(new SimClock());
            WriteRegister(chip, 0x4C00, 0x0040);
            Assert.IsFalse(chip.IsAsserted);

            chip.DeliverFromMedium(new byte[60], 60);
            Assert.IsFalse(chip.IsAsserted, "PKT_AVLBL not enabled");
            WriteRegister(chip, 0x4D00, 0x0001);
            Assert.IsTrue(chip.IsAsserted);
            WriteRegister(chip, 0x4D00, 0x0000);

            Assert.IsFalse(chip.IsAsserted);
        }

        [TestMethod]
        public void AnExternalWriteWhoseLengthDiffersFromBufferSizeRaisesWriteBufferError()
        {
            Qca7000Model chip = new Qca7000Model(new SimClock());
            byte[] mosi = new byte[72];
            byte[] miso = new byte[72];
            mosi[2] = 0xAA;
            mosi[3] = 0xAA;
            mosi[4] = 0xAA;
            mosi[5] = 0xAA;
            mosi[6] = 60;
            mosi[70] = 0x55;
            mosi[71] = 0x55;
            WriteRegister(chip, 0x4100, 71);

            chip.Transfer(mosi, miso, 72);

            Assert.AreEqual(0x0004, ReadRegister(chip, 0xCC00) & 0x0004);
            Assert.AreEqual(1, chip.BufferSizeMismatches);
            Assert.AreEqual(0, chip.TryTakeSentFrame(new byte[100]));
        }

        [TestMethod]
        public void ReadingMoreThanTheReadBufferHoldsRaisesReadBufferError()
        {
            Qca7000Model chip = new Qca7000Model(new SimClock());
            chip.DeliverFromMedium(new byte[60], 60);
            int available = ReadRegister(chip, 0xC300);
            Assert.AreEqual(74, available, "LEN (4) + 60 + 10");
            WriteRegister(chip, 0x4100, available + 4);

            byte[] mosi = new byte[available + 6];
            mosi[0] = 0x80;
            chip.Transfer(mosi, new byte[available + 6], available + 6);

            Assert.AreEqual(0x0002, ReadRegister(chip, 0xCC00) & 0x0002);
            Assert.AreEqual(1, chip.ReadBufferErrorCount);
        }
    }
}
