#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Ade9000;

namespace V2G.UnitTests.Drivers
{
    /// <summary>The ADE9000 command word and register widths, byte for byte.</summary>
    [TestClass]
    public class Ade9000CommandTests
    {
        private static void AssertBytes(int expectedHigh, int expectedLow, ushort command)
        {
            byte[] wire = new byte[2];
            Ade9000Command.Put(command, wire, 0);
            Assert.AreEqual((byte)expectedHigh, wire[0], "first byte");
            Assert.AreEqual((byte)expectedLow, wire[1], "second byte");
        }

        [TestMethod]
        public void ReadingAPeriodSends4188()
        {
            AssertBytes(0x41, 0x88, Ade9000Command.Read(Ade9000Register.APeriod));
        }

        [TestMethod]
        public void ReadingVersionSets4FE8()
        {
            AssertBytes(0x4F, 0xE8, Ade9000Command.Read(Ade9000Register.Version));
        }

        [TestMethod]
        public void WritingRunLeavesTheReadBitClear()
        {
            AssertBytes(0x48, 0x00, Ade9000Command.Write(Ade9000Register.Run));
        }

        [TestMethod]
        public void TheAddressComesBackOutOfTheCommandWord()
        {
            ushort command = Ade9000Command.Read(Ade9000Register.AWattHrHi);
            Assert.AreEqual((int)Ade9000Register.AWattHrHi, Ade9000Command.AddressOf(command));
            Assert.IsTrue(Ade9000Command.IsRead(command));
        }

        [TestMethod]
        public void RegistersBetweenRunAndVersionAreSixteenBit()
        {
            Assert.AreEqual(2, Ade9000Register.DataBytes(0x4B0));
            Assert.AreEqual(4, Ade9000Register.DataBytes(Ade9000Register.APeriod));
            Assert.AreEqual(4, Ade9000Register.DataBytes(Ade9000Register.AWattHrHi));
        }
    }
}
