#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Protocol.Can;

namespace V2G.UnitTests.Can
{
    [TestClass]
    public class SlcanFrameEncoderTests
    {
        private static string Encode(CanFrame frame)
        {
            byte[] buffer = new byte[SlcanFrameEncoder.MaxCommandLength];
            int n = SlcanFrameEncoder.Encode(ref frame, buffer, 0);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++)
            {
                chars[i] = (char)buffer[i];
            }

            return new string(chars);
        }

        [TestMethod]
        public void AnExtendedFrameIsTWithEightIdDigitsLengthAndDataInUpperCase()
        {
            // CHM of the traces: 1826F456#010100.
            Assert.AreEqual("T1826F4563010100\r", Encode(CanFrames.Extended(0x1826F456, "010100")));
        }

        [TestMethod]
        public void AnEightByteFrameCarriesSixteenDataDigits()
        {
            Assert.AreEqual("T1CEB56F48021200FFFFFFFFFF\r", Encode(CanFrames.Extended(0x1CEB56F4, "021200FFFFFFFFFF")));
        }

        [TestMethod]
        public void SmallIdentifiersKeepTheirLeadingZeros()
        {
            Assert.AreEqual("T000000012ABCD\r", Encode(CanFrames.Extended(0x1, "abcd")));
        }

        [TestMethod]
        public void AnEmptyFrameHasLengthZeroAndNoData()
        {
            Assert.AreEqual("T1FFFFFFF0\r", Encode(CanFrames.Extended(0x1FFFFFFF, "")));
        }

        [TestMethod]
        public void AStandardFrameIsLowerCaseTWithThreeIdDigits()
        {
            Assert.AreEqual("t7FF2BEEF\r", Encode(CanFrames.Standard(0x7FF, "BEEF")));
            Assert.AreEqual("t0011A5\r", Encode(CanFrames.Standard(0x001, "A5")));
        }

        [TestMethod]
        public void InvalidFramesAreNotEncoded()
        {
            byte[] buffer = new byte[SlcanFrameEncoder.MaxCommandLength];
            CanFrame tooLong = CanFrames.Extended(0x1826F456, "0102030405060708");
            tooLong.Length = 9;
            CanFrame wideExtended = CanFrames.Extended(0x20000000, "01");
            CanFrame wideStandard = CanFrames.Standard(0x800, "01");
            CanFrame negative = CanFrames.Extended(0x1, "");
            negative.Length = -1;

            Assert.AreEqual(0, SlcanFrameEncoder.Encode(ref tooLong, buffer, 0));
            Assert.AreEqual(0, SlcanFrameEncoder.Encode(ref wideExtended, buffer, 0));
            Assert.AreEqual(0, SlcanFrameEncoder.Encode(ref wideStandard, buffer, 0));
            Assert.AreEqual(0, SlcanFrameEncoder.Encode(ref negative, buffer, 0));
        }

        [TestMethod]
        public void AFrameThatDoesNotFitTheBufferIsNotEncoded()
        {
            CanFrame frame = CanFrames.Extended(0x1826F456, "010100");
            byte[] buffer = new byte[17];

            Assert.AreEqual(0, SlcanFrameEncoder.Encode(ref frame, buffer, 1));
            Assert.AreEqual(17, SlcanFrameEncoder.Encode(ref frame, buffer, 0));
        }

        [TestMethod]
        public void TheBitRateCodesAreTheLawicelOnes()
        {
            Assert.AreEqual(5, SlcanCommands.BitRateCode(250000));
            Assert.AreEqual(2, SlcanCommands.BitRateCode(50000));
            Assert.AreEqual(0, SlcanCommands.BitRateCode(10000));
            Assert.AreEqual(8, SlcanCommands.BitRateCode(1000000));
            Assert.AreEqual(-1, SlcanCommands.BitRateCode(83333));
        }
    }
}
