#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Qca7000;

namespace V2G.UnitTests.Drivers
{
    /// <summary>The command words of digest §3.2, byte for byte.</summary>
    [TestClass]
    public class Qca7000CommandTests
    {
        private static void AssertBytes(int expectedHigh, int expectedLow, ushort command)
        {
            byte[] wire = new byte[2];
            Qca7000Command.Put(command, wire, 0);
            Assert.AreEqual((byte)expectedHigh, wire[0], "first byte");
            Assert.AreEqual((byte)expectedLow, wire[1], "second byte");
        }

        [TestMethod]
        public void ReadingTheSignatureSendsDa00()
        {
            AssertBytes(0xDA, 0x00, Qca7000Command.ReadRegister(Qca7000Register.Signature));
        }

        [TestMethod]
        public void ReadingTheReadBufferByteCountSendsC300()
        {
            AssertBytes(0xC3, 0x00, Qca7000Command.ReadRegister(Qca7000Register.ReadBufferBytesAvailable));
        }

        [TestMethod]
        public void WritingTheBufferSizeSends4100()
        {
            AssertBytes(0x41, 0x00, Qca7000Command.WriteRegister(Qca7000Register.BufferSize));
        }

        [TestMethod]
        public void AnExternalWriteSends0000()
        {
            AssertBytes(0x00, 0x00, Qca7000Command.ExternalWrite);
        }

        [TestMethod]
        public void AnExternalReadSends8000()
        {
            AssertBytes(0x80, 0x00, Qca7000Command.ExternalRead);
        }

        [TestMethod]
        public void TheOtherRegisterCommandsFollowFromTheRegisterList()
        {
            AssertBytes(0xC2, 0x00, Qca7000Command.ReadRegister(Qca7000Register.WriteBufferSpaceAvailable));
            AssertBytes(0xCC, 0x00, Qca7000Command.ReadRegister(Qca7000Register.InterruptCause));
            AssertBytes(0xC4, 0x00, Qca7000Command.ReadRegister(Qca7000Register.SpiConfig));
            AssertBytes(0x44, 0x00, Qca7000Command.WriteRegister(Qca7000Register.SpiConfig));
            AssertBytes(0x4C, 0x00, Qca7000Command.WriteRegister(Qca7000Register.InterruptCause));
            AssertBytes(0x4D, 0x00, Qca7000Command.WriteRegister(Qca7000Register.InterruptEnable));
        }

        [TestMethod]
        public void TheServicedInterruptMaskIs0047()
        {
            Assert.AreEqual(0x0047, (int)Qca7000Interrupt.ServicedMask);
        }

        [TestMethod]
        public void TheSlaveResetBitIsBitSixOfSpiConfig()
        {
            Assert.AreEqual(0x0040, (int)Qca7000Driver.SpiConfigSlaveResetBit);
        }
    }
}
