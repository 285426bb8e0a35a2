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
    public class SlcanLineDecoderTests
    {
        private static string Decode(string line, out CanFrame frame, out int timestampMs)
        {
            byte[] bytes = new byte[line.Length];
            for (int i = 0; i < line.Length; i++)
            {
                bytes[i] = (byte)line[i];
            }

            return SlcanLineDecoder.DecodeFrame(bytes, bytes.Length, out frame, out timestampMs);
        }

        private static string Reason(string line)
        {
            CanFrame frame;
            int timestampMs;
            return Decode(line, out frame, out timestampMs);
        }

        [TestMethod]
        public void AnExtendedFrameLineGivesTheFrame()
        {
            CanFrame frame;
            int timestampMs;

            Assert.IsNull(Decode("T182756F42C00F", out frame, out timestampMs));

            CanFrame expected = CanFrames.Extended(0x182756F4, "C00F");
            CanFrames.AssertSame(ref expected, ref frame, "BHM");
            Assert.AreEqual(SlcanLineDecoder.NoTimestamp, timestampMs);
        }

        [TestMethod]
        public void LowerCaseHexIsAccepted()
        {
            CanFrame frame;
            int timestampMs;

            Assert.IsNull(Decode("T1cecf456813090002ff001100", out frame, out timestampMs));

            CanFrame expected = CanFrames.Extended(0x1CECF456, "13090002FF001100");
            CanFrames.AssertSame(ref expected, ref frame, "EoMA");
        }

        [TestMethod]
        public void AStandardFrameLineGivesAStandardFrame()
        {
            CanFrame frame;
            int timestampMs;

            Assert.IsNull(Decode("t12320102", out frame, out timestampMs));

            CanFrame expected = CanFrames.Standard(0x123, "0102");
            CanFrames.AssertSame(ref expected, ref frame, "standard");
        }

        [TestMethod]
        public void AFourDigitTimestampAfterTheDataIsRead()
        {
            CanFrame frame;
            int timestampMs;

            Assert.IsNull(Decode("T081E56F44F0F0F1FCEA5F", out frame, out timestampMs));

            Assert.AreEqual(59999, timestampMs);
            Assert.AreEqual(4, frame.Length);
            Assert.AreEqual((byte)0xFC, frame.GetByte(3));
        }

        [TestMethod]
        public void AnEmptyFrameMayCarryATimestamp()
        {
            CanFrame frame;
            int timestampMs;

            Assert.IsNull(Decode("T1826F45600010", out frame, out timestampMs));

            Assert.AreEqual(0, frame.Length);
            Assert.AreEqual(16, timestampMs);
        }

        [TestMethod]
        public void ANonHexCharacterIsBadHex()
        {
            Assert.AreEqual(SlcanRejectReasons.BadHex, Reason("T1826G4563010100"));
            Assert.AreEqual(SlcanRejectReasons.BadHex, Reason("T1826F45630101X0"));
            Assert.AreEqual(SlcanRejectReasons.BadHex, Reason("T1826F4563010100Z000"));
        }

        [TestMethod]
        public void ALengthDigitOutside0To8IsRejected()
        {
            Assert.AreEqual(SlcanRejectReasons.BadLengthDigit, Reason("T1826F4569010203040506070809"));
            Assert.AreEqual(SlcanRejectReasons.BadLengthDigit, Reason("T1826F456F"));
            Assert.AreEqual(SlcanRejectReasons.BadLengthDigit, Reason("T1826F456x"));
        }

        [TestMethod]
        public void DataThatDisagreesWithTheLengthDigitIsAWrongLength()
        {
            Assert.AreEqual(SlcanRejectReasons.WrongLength, Reason("T1826F456301010"));
            Assert.AreEqual(SlcanRejectReasons.WrongLength, Reason("T1826F456301010000"));
            Assert.AreEqual(SlcanRejectReasons.WrongLength, Reason("T1826F45"));
            Assert.AreEqual(SlcanRejectReasons.WrongLength, Reason("T"));
        }

        [TestMethod]
        public void AnIdentifierTooWideForItsFormatIsRejected()
        {
            Assert.AreEqual(SlcanRejectReasons.IdOutOfRange, Reason("T200000000"));
            Assert.AreEqual(SlcanRejectReasons.IdOutOfRange, Reason("t8000"));
        }

        [TestMethod]
        public void ALineThatIsNotAFrameIsAnUnknownCommand()
        {
            Assert.AreEqual(SlcanRejectReasons.UnknownCommand, Reason("X1826F4560"));
        }

        [TestMethod]
        public void TheStatusReplyGivesTheFlags()
        {
            byte[] line = { (byte)'F', (byte)'A', (byte)'0' };
            int flags;

            Assert.IsNull(SlcanLineDecoder.DecodeStatus(line, 3, out flags));

            Assert.AreEqual(SlcanStatusFlags.BusError | SlcanStatusFlags.ErrorPassive, flags);
            Assert.AreEqual(SlcanRejectReasons.WrongLength, SlcanLineDecoder.DecodeStatus(line, 2, out flags));
        }
    }
}
