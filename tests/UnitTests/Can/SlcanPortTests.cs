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
    public class SlcanPortTests
    {
        private const string Cr = "\r";
        private const string Bell = "\u0007";

        private static SlcanPort NewPort(ScriptedByteStream stream, SlcanSettings settings)
        {
            return new SlcanPort(stream, settings ?? new SlcanSettings());
        }

        /// <summary>Runs the open sequence with an adapter that answers every command with CR.</summary>
        private static SlcanPort OpenPort(ScriptedByteStream stream, SlcanSettings settings)
        {
            SlcanPort port = NewPort(stream, settings);
            port.Open(0);
            for (int i = 0; i < 4 && port.State != SlcanPortState.Open; i++)
            {
                stream.Feed(Cr);
                port.Poll(i);
            }

            Assert.AreEqual(SlcanPortState.Open, port.State, "open");
            stream.TakeWritten();
            return port;
        }

        [TestMethod]
        public void OpeningSendsCloseThenTheBitRateThenOpenEachAfterTheReplyToThePreviousOne()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = NewPort(stream, null);

            Assert.IsTrue(port.Open(0));
            Assert.AreEqual("C\r", stream.TakeWritten());
            port.Poll(1);
            Assert.AreEqual("", stream.TakeWritten(), "nothing more before the reply");

            stream.Feed(Cr);
            port.Poll(2);
            Assert.AreEqual("S5\r", stream.TakeWritten(), "250 kbit/s");
            Assert.AreEqual(SlcanPortState.SettingBitRate, port.State);

            stream.Feed(Cr);
            port.Poll(3);
            Assert.AreEqual("O\r", stream.TakeWritten());
            Assert.AreEqual(SlcanPortState.Opening, port.State);

            stream.Feed(Cr);
            port.Poll(4);
            Assert.AreEqual(SlcanPortState.Open, port.State);
            Assert.IsTrue(port.IsOpen);
            Assert.AreEqual(3L, port.OkReplies);
        }

        [TestMethod]
        public void FiftyKilobitsPerSecondIsS2()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanSettings settings = new SlcanSettings();
            settings.BitRateBps = 50000;
            SlcanPort port = NewPort(stream, settings);

            port.Open(0);
            stream.Feed(Cr);
            port.Poll(1);

            Assert.AreEqual("C\rS2\r", stream.TakeWritten());
        }

        [TestMethod]
        public void TimestampsAreRequestedBeforeOpeningWhenAsked()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanSettings settings = new SlcanSettings();
            settings.RequestTimestamps = true;
            SlcanPort port = NewPort(stream, settings);
            port.Open(0);
            stream.Feed(Cr);
            port.Poll(1);
            stream.Feed(Cr);
            port.Poll(2);
            stream.Feed(Cr);
            port.Poll(3);
            stream.Feed(Cr);
            port.Poll(4);

            Assert.AreEqual("C\rS5\rZ1\rO\r", stream.TakeWritten());
            Assert.AreEqual(SlcanPortState.Open, port.State);
        }

        [TestMethod]
        public void ABellOnCloseOnlyMeansTheChannelWasClosedAlready()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = NewPort(stream, null);

            port.Open(0);
            stream.Feed(Bell);
            port.Poll(1);

            Assert.AreEqual(SlcanPortState.SettingBitRate, port.State);
            Assert.AreEqual(1L, port.ErrorReplies);
        }

        [TestMethod]
        public void NoReplyToCloseWithinTheTimeoutIsToleratedButNoReplyToTheBitRateFails()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = NewPort(stream, null);

            port.Open(0);
            port.Poll(499);
            Assert.AreEqual(SlcanPortState.Closing, port.State, "still waiting");
            port.Poll(500);
            Assert.AreEqual(SlcanPortState.SettingBitRate, port.State);
            Assert.AreEqual("C\rS5\r", stream.TakeWritten());

            port.Poll(1000);

            Assert.AreEqual(SlcanPortState.Failed, port.State);
            Assert.AreEqual(SlcanFailureReasons.NoReply, port.FailureReason);
            Assert.AreEqual(2L, port.ReplyTimeouts);
        }

        [TestMethod]
        public void ABellOnTheBitRateOrOnOpenFailsTheSequenceWithItsReason()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = NewPort(stream, null);
            port.Open(0);
            stream.Feed(Cr + Bell);
            port.Poll(1);
            Assert.AreEqual(SlcanFailureReasons.BitRateRefused, port.FailureReason);

            port.Open(10);
            stream.Feed(Cr + Cr + Bell);
            port.Poll(11);
            Assert.AreEqual(SlcanPortState.Failed, port.State);
            Assert.AreEqual(SlcanFailureReasons.OpenRefused, port.FailureReason);
        }

        [TestMethod]
        public void ABitRateWithoutAnSlcanCodeFailsAtOnce()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanSettings settings = new SlcanSettings();
            settings.BitRateBps = 333333;
            SlcanPort port = NewPort(stream, settings);

            Assert.IsFalse(port.Open(0));

            Assert.AreEqual(SlcanFailureReasons.UnsupportedBitRate, port.FailureReason);
            Assert.AreEqual("", stream.TakeWritten());
        }

        [TestMethod]
        public void NothingIsSentBeforeTheChannelIsOpen()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = NewPort(stream, null);
            CanFrame frame = CanFrames.Extended(0x1826F456, "010100");

            Assert.IsFalse(port.TrySend(ref frame));
            Assert.AreEqual(1L, port.SendsRefused);
            Assert.AreEqual("", stream.TakeWritten());
        }

        [TestMethod]
        public void FramesAreWrittenAsTransmitCommands()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);
            CanFrame chm = CanFrames.Extended(0x1826F456, "010100");
            CanFrame crm = CanFrames.Extended(0x1801F456, "AA01000000FFFFFF");

            Assert.IsTrue(port.TrySend(ref chm));
            Assert.IsTrue(port.TrySend(ref crm));

            Assert.AreEqual("T1826F4563010100\rT1801F4568AA01000000FFFFFF\r", stream.TakeWritten());
            Assert.AreEqual(2L, port.FramesSent);
        }

        [TestMethod]
        public void TransmitAcknowledgementsAreCountedNotTakenAsFrames()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);

            stream.Feed("Z\rz\r");
            port.Poll(10);

            Assert.AreEqual(2L, port.TransmitAcks);
            CanFrame frame;
            Assert.IsFalse(port.TryReceive(out frame));
        }

        [TestMethod]
        public void ReceivedLinesBecomeFramesInOrder()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);

            stream.Feed("T182756F42C00F\rt1232AABB\rT1CEC56F4810310007FF000200\r");
            port.Poll(10);

            CanFrame frame;
            int timestampMs;
            CanFrame bhm = CanFrames.Extended(0x182756F4, "C00F");
            CanFrame standard = CanFrames.Standard(0x123, "AABB");
            CanFrame rts = CanFrames.Extended(0x1CEC56F4, "10310007FF000200");
            Assert.IsTrue(port.TryReceive(out frame, out timestampMs));
            CanFrames.AssertSame(ref bhm, ref frame, "first");
            Assert.AreEqual(SlcanLineDecoder.NoTimestamp, timestampMs);
            Assert.IsTrue(port.TryReceive(out frame));
            CanFrames.AssertSame(ref standard, ref frame, "second");
            Assert.IsTrue(port.TryReceive(out frame));
            CanFrames.AssertSame(ref rts, ref frame, "third");
            Assert.IsFalse(port.TryReceive(out frame));
            Assert.AreEqual(3L, port.FramesReceived);
        }

        [TestMethod]
        public void ALineSplitAcrossManyReadsIsStillOneFrame()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);
            stream.MaxBytesPerRead = 1;
            stream.Feed("T181056F45A40E0E0B01\r");

            for (int i = 0; i < 25; i++)
            {
                port.Poll(10 + i);
            }

            CanFrame frame;
            CanFrame bcl = CanFrames.Extended(0x181056F4, "A40E0E0B01");
            Assert.IsTrue(port.TryReceive(out frame));
            CanFrames.AssertSame(ref bcl, ref frame, "BCL");
        }

        [TestMethod]
        public void TheAdaptersTimestampComesWithTheFrame()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);

            stream.Feed("T182756F42C00F1234\r");
            port.Poll(10);

            CanFrame frame;
            int timestampMs;
            Assert.IsTrue(port.TryReceive(out frame, out timestampMs));
            Assert.AreEqual(0x1234, timestampMs);
        }

        [TestMethod]
        public void MalformedLinesAreDroppedWithACountedReasonAndParsingGoesOn()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);

            stream.Feed("T182756F42C00G\r");                    // bad hex
            stream.Feed("T182756F49C00F\r");                    // length digit 9
            stream.Feed("T182756F43C00F\r");                    // 3 bytes announced, 2 sent
            stream.Feed("T2FFFFFFF0\r");                        // 30-bit id
            stream.Feed("Q\r");                                 // no such reply
            stream.Feed("T182756F48000000000000000000000000000000000\r"); // never ends within the buffer
            stream.Feed("T182756F42C00F\r");                    // and a good one after all that
            port.Poll(10);

            Assert.AreEqual(6L, port.RejectedLines);
            Assert.AreEqual(1L, port.RejectedBadHex);
            Assert.AreEqual(1L, port.RejectedBadLengthDigit);
            Assert.AreEqual(1L, port.RejectedWrongLength);
            Assert.AreEqual(1L, port.RejectedIdOutOfRange);
            Assert.AreEqual(1L, port.RejectedUnknownCommand);
            Assert.AreEqual(1L, port.RejectedTooLong);
            Assert.AreEqual(SlcanRejectReasons.LineTooLong, port.LastRejectReason);
            CanFrame frame;
            Assert.IsTrue(port.TryReceive(out frame));
            Assert.AreEqual(0x182756F4u, frame.Id);
            Assert.IsFalse(port.TryReceive(out frame));
        }

        [TestMethod]
        public void RandomBytesNeverThrowAndNeverMakeFramesFromNothing()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);
            uint seed = 12345;
            byte[] noise = new byte[4000];
            for (int i = 0; i < noise.Length; i++)
            {
                seed = (seed * 1103515245) + 12345;
                int r = (int)(seed >> 16) & 0xFF;

                // Mostly characters of real lines, so some lines get far into the decoder.
                noise[i] = (byte)(r < 40 ? '\r' : r < 200 ? "0123456789ABCDEFTt"[r % 18] : r);
            }

            stream.FeedBytes(noise);
            for (int i = 0; i < 10; i++)
            {
                port.Poll(10 + i);
            }

            CanFrame frame;
            int taken = 0;
            while (port.TryReceive(out frame))
            {
                Assert.IsTrue(CanHex.IsValid(ref frame), "every frame taken is valid");
                taken++;
            }

            Assert.IsTrue(port.RejectedLines > 0, "noise was rejected");
            Assert.AreEqual(port.FramesReceived, (long)taken);
        }

        [TestMethod]
        public void AFullReceiveQueueDropsAndCountsTheNewestFrames()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanSettings settings = new SlcanSettings();
            settings.ReceiveQueueFrames = 2;
            SlcanPort port = OpenPort(stream, settings);

            stream.Feed("T00000001110\rT00000002111\rT00000003112\r");
            port.Poll(10);

            Assert.AreEqual(1L, port.ReceiveOverflows);
            CanFrame frame;
            Assert.IsTrue(port.TryReceive(out frame));
            Assert.AreEqual(1u, frame.Id);
            Assert.IsTrue(port.TryReceive(out frame));
            Assert.AreEqual(2u, frame.Id);
            Assert.IsFalse(port.TryReceive(out frame));
        }

        [TestMethod]
        public void FramesLeftOverFromAnEarlierRunAreIgnoredUntilTheChannelIsOpen()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = NewPort(stream, null);
            port.Open(0);

            stream.Feed("T182756F42C00F\r\r");
            port.Poll(1);

            Assert.AreEqual(1L, port.FramesIgnoredWhileClosed);
            Assert.AreEqual(SlcanPortState.SettingBitRate, port.State);
            CanFrame frame;
            Assert.IsFalse(port.TryReceive(out frame));
        }

        [TestMethod]
        public void CrLfLineEndsAreAccepted()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = NewPort(stream, null);
            port.Open(0);
            stream.Feed("\r\n\r\n\r\n");
            port.Poll(1);
            Assert.AreEqual(SlcanPortState.Open, port.State);

            stream.Feed("T182756F42C00F\r\n");
            port.Poll(2);

            CanFrame frame;
            Assert.IsTrue(port.TryReceive(out frame));
            Assert.AreEqual(0L, port.RejectedLines);
        }

        [TestMethod]
        public void TheStatusReplyIsReadAndABusErrorCountsAsBusOff()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);

            Assert.IsTrue(port.RequestStatus());
            Assert.AreEqual("F\r", stream.TakeWritten());
            Assert.IsFalse(port.IsBusOff);
            stream.Feed("F00\r");
            port.Poll(10);
            Assert.AreEqual(0, port.StatusFlags);
            Assert.IsFalse(port.IsBusOff);

            stream.Feed("F80\r");
            port.Poll(11);

            Assert.AreEqual(SlcanStatusFlags.BusError, port.StatusFlags);
            Assert.IsTrue(port.IsBusOff);
            Assert.AreEqual(2L, port.StatusReplies);
        }

        [TestMethod]
        public void AClosedStreamIsBusOffAndRefusesFrames()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);
            CanFrame frame = CanFrames.Extended(0x1826F456, "010100");

            stream.Close();

            Assert.IsTrue(port.IsBusOff);
            Assert.IsFalse(port.TrySend(ref frame));
        }

        [TestMethod]
        public void ClosingSendsCAndStopsTakingFrames()
        {
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);

            Assert.IsTrue(port.Close());

            Assert.AreEqual("C\r", stream.TakeWritten());
            Assert.AreEqual(SlcanPortState.Closed, port.State);
            stream.Feed("\rT182756F42C00F\r");
            port.Poll(10);
            CanFrame frame;
            Assert.IsFalse(port.TryReceive(out frame));
        }

        [TestMethod]
        public void SendingAndReceivingAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            ScriptedByteStream stream = new ScriptedByteStream();
            SlcanPort port = OpenPort(stream, null);
            CanFrame bcl = CanFrames.Extended(0x181056F4, "A40E0E0B01");
            CanFrame received;
            for (int i = 0; i < 10; i++)
            {
                port.TrySend(ref bcl);
                stream.Feed("T181256F48A40E0E0B01FFFFFF\r");
                port.Poll(i);
                port.TryReceive(out received);
                stream.TakeWritten();
            }

            stream.Feed("T181256F48A40E0E0B01FFFFFF\rT181256F48A40E0E0B01FFFFFF\rZ\r");
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 2; i++)
            {
                port.TrySend(ref bcl);
                port.Poll(100 + i);
                port.TryReceive(out received);
            }

            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated");
            Assert.AreEqual(12L, port.FramesReceived);
#endif
        }
    }
}
