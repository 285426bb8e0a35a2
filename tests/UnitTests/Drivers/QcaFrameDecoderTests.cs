#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Drivers.Qca7000;

namespace V2G.UnitTests.Drivers
{
    /// <summary>The receive byte-state machine (digest §3.6) on hand-made read streams.</summary>
    [TestClass]
    public class QcaFrameDecoderTests
    {
        // Appends one frame as an external read returns it: LEN (BE) · AA×4 · FL (LE) · 00 00 · frame · 55 55.
        private static int AppendRead(byte[] stream, int at, byte[] frame)
        {
            int framed = QcaFrameEncoder.Encode(frame, frame.Length, stream, at + 4);
            stream[at] = 0;
            stream[at + 1] = 0;
            stream[at + 2] = (byte)(framed >> 8);
            stream[at + 3] = (byte)framed;
            return at + 4 + framed;
        }

        // Feeds stream[from, to) and returns how many frames completed; each must equal expected[k].
        private static int Feed(QcaFrameDecoder decoder, byte[] stream, int from, int to, byte[][] expected, int firstExpected)
        {
            int frames = 0;
            for (int i = from; i < to; i++)
            {
                if (decoder.Push(stream[i]))
                {
                    byte[] want = expected[firstExpected + frames];
                    Assert.AreEqual(want.Length, decoder.FrameLengthBytes, "frame length");
                    Assert.IsTrue(Qca7000Rig.SameBytes(want, decoder.FrameBuffer, want.Length), "frame bytes");
                    frames++;
                }
            }

            return frames;
        }

        [TestMethod]
        public void SeveralFramesInOneReadAreAllDecoded()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(60, 1), Qca7000Rig.Frame(300, 2), Qca7000Rig.Frame(1518, 3) };
            byte[] stream = new byte[2000];
            int end = 0;
            for (int i = 0; i < frames.Length; i++)
            {
                end = AppendRead(stream, end, frames[i]);
            }

            QcaFrameDecoder decoder = new QcaFrameDecoder();

            Assert.AreEqual(3, Feed(decoder, stream, 0, end, frames, 0));
            Assert.AreEqual(0, decoder.NoHeadErrors + decoder.NoTailErrors + decoder.InvalidLengthErrors);
        }

        [TestMethod]
        public void AFrameSplitOverTwoReadsIsDecoded()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(200, 4) };
            byte[] stream = new byte[300];
            int end = AppendRead(stream, 0, frames[0]);
            QcaFrameDecoder decoder = new QcaFrameDecoder();

            Assert.AreEqual(0, Feed(decoder, stream, 0, 100, frames, 0));
            Assert.IsTrue(decoder.IsInFrame);
            Assert.AreEqual(1, Feed(decoder, stream, 100, end, frames, 0));
        }

        [TestMethod]
        public void TrailingZeroPaddingBetweenFramesIsSkippedWithoutAnError()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(61, 5), Qca7000Rig.Frame(62, 6) };
            byte[] stream = new byte[300];
            int end = AppendRead(stream, 0, frames[0]);
            end += 3;
            end = AppendRead(stream, end, frames[1]);
            end += 2;
            QcaFrameDecoder decoder = new QcaFrameDecoder();

            Assert.AreEqual(2, Feed(decoder, stream, 0, end, frames, 0));
            Assert.AreEqual(0, decoder.NoHeadErrors + decoder.NoTailErrors + decoder.InvalidLengthErrors);
        }

        [TestMethod]
        public void GarbageBeforeAHeaderIsCountedOnceAsNoHeadAndSkipped()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(80, 7) };
            byte[] stream = new byte[200];
            for (int i = 0; i < 20; i++)
            {
                stream[i] = (byte)(0x31 + i);
            }

            int end = AppendRead(stream, 20, frames[0]);
            QcaFrameDecoder decoder = new QcaFrameDecoder();

            Assert.AreEqual(1, Feed(decoder, stream, 0, end, frames, 0));
            Assert.AreEqual(1, decoder.NoHeadErrors);
        }

        [TestMethod]
        public void AFrameWithoutEofIsCountedAsNoTailAndTheNextFrameIsDecoded()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(70, 8), Qca7000Rig.Frame(90, 9) };
            byte[] stream = new byte[300];
            int end = AppendRead(stream, 0, frames[0]);
            stream[end - 1] = 0x00;
            end = AppendRead(stream, end, frames[1]);
            QcaFrameDecoder decoder = new QcaFrameDecoder();

            Assert.AreEqual(1, Feed(decoder, stream, 0, end, frames, 1));
            Assert.AreEqual(1, decoder.NoTailErrors);
        }

        [TestMethod]
        public void AFrameLengthBelowSixtyIsCountedAsInvalidLength()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(100, 10) };
            byte[] stream = new byte[300];
            int end = AppendRead(stream, 0, frames[0]);
            stream[8] = 59;
            end = AppendRead(stream, end, frames[0]);
            QcaFrameDecoder decoder = new QcaFrameDecoder();

            Assert.AreEqual(1, Feed(decoder, stream, 0, end, frames, 0));
            Assert.AreEqual(1, decoder.InvalidLengthErrors);
        }

        [TestMethod]
        public void AFrameLengthAbove1518IsCountedAsInvalidLength()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(100, 11) };
            byte[] stream = new byte[300];
            int end = AppendRead(stream, 0, frames[0]);
            stream[8] = 0xEF;
            stream[9] = 0x05;
            end = AppendRead(stream, end, frames[0]);
            QcaFrameDecoder decoder = new QcaFrameDecoder();

            Assert.AreEqual(1, Feed(decoder, stream, 0, end, frames, 0));
            Assert.AreEqual(1, decoder.InvalidLengthErrors);
        }

        [TestMethod]
        public void AResetDropsAPartialFrameAndTheNextFrameIsDecodedIntact()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(400, 12), Qca7000Rig.Frame(120, 13) };
            byte[] first = new byte[500];
            AppendRead(first, 0, frames[0]);
            byte[] second = new byte[200];
            int secondEnd = AppendRead(second, 0, frames[1]);
            QcaFrameDecoder decoder = new QcaFrameDecoder();

            Feed(decoder, first, 0, 150, frames, 0);
            Assert.IsTrue(decoder.IsInFrame, "mid-frame before the reset");
            decoder.Reset();

            Assert.IsFalse(decoder.IsInFrame);
            Assert.AreEqual(1, Feed(decoder, second, 0, secondEnd, frames, 1));
        }

        [TestMethod]
        public void ASeededRandomByteStreamThrowsNothingAndTheNextValidFrameIsDecoded()
        {
            byte[][] frames = new byte[][] { Qca7000Rig.Frame(64, 14), Qca7000Rig.Frame(1000, 15) };
            uint state = 20261107;
            for (int round = 0; round < 20; round++)
            {
                QcaFrameDecoder decoder = new QcaFrameDecoder();
                byte[] noise = new byte[4000];
                for (int i = 0; i < noise.Length; i++)
                {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    noise[i] = (byte)state;

                    // Runs of the framing bytes make the noise look like headers more often than uniform bytes would.
                    if ((state & 0x700) == 0)
                    {
                        noise[i] = (state & 0x800) == 0 ? (byte)0xAA : (byte)0x00;
                    }
                }

                Feed(decoder, noise, 0, noise.Length, frames, 0);
                Assert.IsTrue(decoder.NoHeadErrors > 0, "noise is counted as no header");

                // Whatever the noise left (at worst a false header whose FL swallows up to 1518 + 4 bytes), the
                // valid frames that follow bring the decoder back: the last one, more than 1522 bytes in, is decoded.
                byte[] stream = new byte[3300];
                int end = AppendRead(stream, 0, frames[0]);
                end = AppendRead(stream, end, frames[1]);
                end = AppendRead(stream, end, frames[0]);
                end = AppendRead(stream, end, frames[1]);
                end = AppendRead(stream, end, frames[1]);
                int decoded = 0;
                for (int i = 0; i < end; i++)
                {
                    if (decoder.Push(stream[i]))
                    {
                        decoded++;
                    }
                }

                Assert.IsTrue(decoded >= 2, "resynchronised within the valid frames, round " + round.ToString());
                Assert.AreEqual(frames[1].Length, decoder.FrameLengthBytes, "the last frame decoded is the last valid one");
                Assert.IsTrue(Qca7000Rig.SameBytes(frames[1], decoder.FrameBuffer, frames[1].Length), "and intact");
            }
        }
    }
}
