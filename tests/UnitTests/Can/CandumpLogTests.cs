#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Protocol.Can;
using V2G.Protocol.Text;

namespace V2G.UnitTests.Can
{
    [TestClass]
    public class CandumpLogTests
    {
        private static string Reason(string line)
        {
            long timeUs;
            CanFrame frame;
            string reason;
            Assert.IsFalse(CandumpLog.TryParseLine(line, out timeUs, out frame, null, out reason), "rejected: " + line);
            return reason;
        }

        private static string Format(long timeUs, string iface, CanFrame frame)
        {
            TextBuffer text = new TextBuffer(CandumpLog.MaxFormattedLength);
            int n = CandumpLog.Format(timeUs, iface, ref frame, text);
            Assert.AreEqual(text.Length, n, "returned length");
            return text.ToString();
        }

        [TestMethod]
        public void ALineOfTheReferenceTracesGivesTimeInterfaceAndFrame()
        {
            TextBuffer iface = new TextBuffer(CandumpLog.MaxInterfaceNameLength);
            long timeUs;
            CanFrame frame;

            Assert.IsTrue(CandumpLog.TryParseLine("(0000000019.768000) can0 1CEB56F4#021200FFFFFFFFFF", out timeUs, out frame, iface));

            Assert.AreEqual(19768000L, timeUs);
            Assert.AreEqual("can0", iface.ToString());
            CanFrame expected = CanFrames.Extended(0x1CEB56F4, "021200FFFFFFFFFF");
            CanFrames.AssertSame(ref expected, ref frame, "TP.DT");
        }

        [TestMethod]
        public void TheDataLengthIsTheNumberOfDataBytes()
        {
            long timeUs;
            CanFrame frame;

            Assert.IsTrue(CandumpLog.TryParseLine("(0000000000.000600) can0 182756F4#C00F", out timeUs, out frame, null));
            Assert.AreEqual(2, frame.Length);
            Assert.IsTrue(CandumpLog.TryParseLine("(0000000000.000000) can0 100956F4#AA", out timeUs, out frame, null));
            Assert.AreEqual(1, frame.Length);
            Assert.IsTrue(CandumpLog.TryParseLine("(1.000000) can0 1826F456#", out timeUs, out frame, null));
            Assert.AreEqual(0, frame.Length);
        }

        [TestMethod]
        public void AnAnnotatedLineIsReadWithoutItsComment()
        {
            long timeUs;
            CanFrame frame;

            Assert.IsTrue(CandumpLog.TryParseLine("(0000000000.000600) can0 182756F4#C00F  ; BHM BMS->charger max allowed total charge voltage 403.2 V", out timeUs, out frame, null));

            Assert.AreEqual(600L, timeUs);
            Assert.AreEqual(0x182756F4u, frame.Id);
        }

        [TestMethod]
        public void HarmlessVariationsOfRealFilesAreRead()
        {
            long timeUs;
            CanFrame frame;

            Assert.IsTrue(CandumpLog.TryParseLine("(1436509052.249713) vcan0 1826f456#01.01.00\r\n", out timeUs, out frame, null), "CR LF, lower case, dots");
            Assert.AreEqual(1436509052249713L, timeUs);
            Assert.AreEqual(3, frame.Length);
            Assert.IsTrue(CandumpLog.TryParseLine("(12.5) can1 123#11 R", out timeUs, out frame, null), "short fraction, python-can's direction mark");
            Assert.AreEqual(12500000L, timeUs);
            Assert.IsFalse(frame.IsExtended);
            Assert.IsTrue(CandumpLog.TryParseLine("(0.000000001) can0 123#", out timeUs, out frame, null), "nanoseconds are cut to µs");
            Assert.AreEqual(0L, timeUs);
        }

        [TestMethod]
        public void MalformedLinesAreRejectedWithTheirReason()
        {
            Assert.AreEqual(CandumpRejectReasons.EmptyLine, Reason("   "));
            Assert.AreEqual(CandumpRejectReasons.EmptyLine, Reason(null));
            Assert.AreEqual(CandumpRejectReasons.NoTimestamp, Reason("can0 1826F456#010100"));
            Assert.AreEqual(CandumpRejectReasons.BadTimestamp, Reason("(0000000000,000000) can0 1826F456#010100"));
            Assert.AreEqual(CandumpRejectReasons.BadTimestamp, Reason("(.5) can0 1826F456#010100"));
            Assert.AreEqual(CandumpRejectReasons.BadTimestamp, Reason("(1.5 can0 1826F456#010100"));
            Assert.AreEqual(CandumpRejectReasons.NoInterface, Reason("(1.5)"));
            Assert.AreEqual(CandumpRejectReasons.BadInterface, Reason("(1.5) averyveryverylongname0 1826F456#01"));
            Assert.AreEqual(CandumpRejectReasons.NoFrame, Reason("(1.5) can0"));
            Assert.AreEqual(CandumpRejectReasons.NoSeparator, Reason("(1.5) can0 1826F456"));
            Assert.AreEqual(CandumpRejectReasons.BadId, Reason("(1.5) can0 1826F45#01"));
            Assert.AreEqual(CandumpRejectReasons.BadId, Reason("(1.5) can0 1826F4567#01"));
            Assert.AreEqual(CandumpRejectReasons.BadId, Reason("(1.5) can0 1826XX56#01"));
            Assert.AreEqual(CandumpRejectReasons.IdOutOfRange, Reason("(1.5) can0 800#01"));
            Assert.AreEqual(CandumpRejectReasons.IdOutOfRange, Reason("(1.5) can0 C0000000#01"));
            Assert.AreEqual(CandumpRejectReasons.ErrorFrame, Reason("(1.5) can0 20000004#0004000000000000"));
            Assert.AreEqual(CandumpRejectReasons.RemoteFrame, Reason("(1.5) can0 1826F456#R"));
            Assert.AreEqual(CandumpRejectReasons.CanFdFrame, Reason("(1.5) can0 1826F456##1010100"));
            Assert.AreEqual(CandumpRejectReasons.BadHex, Reason("(1.5) can0 1826F456#01G100"));
            Assert.AreEqual(CandumpRejectReasons.OddDataDigits, Reason("(1.5) can0 1826F456#01010"));
            Assert.AreEqual(CandumpRejectReasons.TooManyBytes, Reason("(1.5) can0 1826F456#010203040506070809"));
            Assert.AreEqual(CandumpRejectReasons.TrailingText, Reason("(1.5) can0 1826F456#0101 00"));
        }

        [TestMethod]
        public void AFrameIsWrittenAsCandumpWritesIt()
        {
            Assert.AreEqual("(0000000019.768000) can0 1CEB56F4#021200FFFFFFFFFF", Format(19768000, "can0", CanFrames.Extended(0x1CEB56F4, "021200ffffffffff")));
            Assert.AreEqual("(0000000000.000600) can0 182756F4#C00F", Format(600, null, CanFrames.Extended(0x182756F4, "C00F")));
            Assert.AreEqual("(1436509052.249713) vcan0 07F#", Format(1436509052249713, "vcan0", CanFrames.Standard(0x7F, "")));
            Assert.AreEqual("(0000000000.000000) can0 00000001#01", Format(-5, "can0", CanFrames.Extended(0x1, "01")));
        }

        [TestMethod]
        public void AnInvalidFrameOrInterfaceNameIsNotWritten()
        {
            TextBuffer text = new TextBuffer(CandumpLog.MaxFormattedLength);
            CanFrame wide = CanFrames.Standard(0x800, "01");
            CanFrame good = CanFrames.Extended(0x1826F456, "010100");

            Assert.AreEqual(0, CandumpLog.Format(0, "can0", ref wide, text));
            Assert.AreEqual(0, CandumpLog.Format(0, "can 0", ref good, text));
            Assert.AreEqual(0, CandumpLog.Format(0, "averyveryverylongname0", ref good, text));
            Assert.AreEqual(0, text.Length);
        }

        [TestMethod]
        public void TheArrayFormWritesTheSameTextAndRefusesATooSmallArray()
        {
            CanFrame frame = CanFrames.Extended(0x081E56F4, "F0F0F1FC");
            char[] line = new char[CandumpLog.MaxFormattedLength + 3];

            int n = CandumpLog.Format(30300000, "can0", ref frame, line, 3);

            Assert.AreEqual("(0000000030.300000) can0 081E56F4#F0F0F1FC", new string(line, 3, n));
            Assert.AreEqual(0, CandumpLog.Format(30300000, "can0", ref frame, new char[n - 1], 0));
            Assert.AreEqual(n, CandumpLog.Format(30300000, "can0", ref frame, new char[n], 0));
        }

        [TestMethod]
        public void EveryFrameShapeSurvivesARoundTrip()
        {
            TextBuffer text = new TextBuffer(CandumpLog.MaxFormattedLength);
            TextBuffer iface = new TextBuffer(CandumpLog.MaxInterfaceNameLength);
            uint seed = 7;
            for (int i = 0; i < 500; i++)
            {
                seed = (seed * 1103515245) + 12345;
                CanFrame frame = new CanFrame();
                frame.IsExtended = (seed & 0x100) != 0;
                frame.Id = frame.IsExtended ? seed & CanHex.MaxExtendedId : (seed >> 8) & CanHex.MaxStandardId;
                frame.Length = i % 9;
                for (int b = 0; b < frame.Length; b++)
                {
                    seed = (seed * 1103515245) + 12345;
                    frame.SetByte(b, (byte)(seed >> 16));
                }

                long timeUs = (long)i * 123457;
                text.Clear();
                CandumpLog.Format(timeUs, "slcan0", ref frame, text);

                long readUs;
                CanFrame read;
                Assert.IsTrue(CandumpLog.TryParseLine(text.ToString(), out readUs, out read, iface), text.ToString());
                Assert.AreEqual(timeUs, readUs);
                Assert.AreEqual("slcan0", iface.ToString());
                CanFrames.AssertSame(ref frame, ref read, text.ToString());
            }
        }

        [TestMethod]
        public void ReadingAndWritingAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            TextBuffer text = new TextBuffer(CandumpLog.MaxFormattedLength);
            TextBuffer iface = new TextBuffer(CandumpLog.MaxInterfaceNameLength);
            char[] line = new char[CandumpLog.MaxFormattedLength];
            string input = "(0000000019.768000) can0 1CEB56F4#021200FFFFFFFFFF";
            CanFrame frame;
            long timeUs;
            CandumpLog.TryParseLine(input, out timeUs, out frame, iface);
            CandumpLog.Format(timeUs, "can0", ref frame, text);
            CandumpLog.Format(timeUs, "can0", ref frame, line, 0);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                CandumpLog.TryParseLine(input, out timeUs, out frame, iface);
                text.Clear();
                CandumpLog.Format(timeUs, "can0", ref frame, text);
                CandumpLog.Format(timeUs, "can0", ref frame, line, 0);
            }

            Assert.AreEqual(0L, System.GC.GetAllocatedBytesForCurrentThread() - before);
#endif
        }
    }
}
