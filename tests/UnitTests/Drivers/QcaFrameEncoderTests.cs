#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Drivers.Qca7000;

namespace V2G.UnitTests.Drivers
{
    [TestClass]
    public class QcaFrameEncoderTests
    {
        [TestMethod]
        public void ASixtyByteFrameIsFramedAsSofLengthReservedFrameEof()
        {
            byte[] frame = Qca7000Rig.Frame(60, 3);
            byte[] output = new byte[80];

            int framed = QcaFrameEncoder.Encode(frame, 60, output, 0);

            // AA AA AA AA 3C 00 00 00 <60 bytes> 55 55 (digest §3.5, the Hyundai CCM trace) [V:C1].
            Assert.AreEqual(70, framed);
            byte[] head = new byte[] { 0xAA, 0xAA, 0xAA, 0xAA, 0x3C, 0x00, 0x00, 0x00 };
            for (int i = 0; i < head.Length; i++)
            {
                Assert.AreEqual(head[i], output[i], "header byte " + i.ToString());
            }

            for (int i = 0; i < 60; i++)
            {
                Assert.AreEqual(frame[i], output[8 + i], "frame byte " + i.ToString());
            }

            Assert.AreEqual((byte)0x55, output[68]);
            Assert.AreEqual((byte)0x55, output[69]);
        }

        [TestMethod]
        public void AFrameShorterThanSixtyBytesIsZeroPaddedToSixty()
        {
            byte[] frame = Qca7000Rig.Frame(42, 9);
            byte[] output = new byte[80];
            for (int i = 0; i < output.Length; i++)
            {
                output[i] = 0xEE;
            }

            int framed = QcaFrameEncoder.Encode(frame, 42, output, 0);

            Assert.AreEqual(70, framed);
            Assert.AreEqual((byte)60, output[4], "FL low byte is the padded length");
            Assert.AreEqual((byte)0, output[5]);
            for (int i = 42; i < 60; i++)
            {
                Assert.AreEqual((byte)0, output[8 + i], "padding byte " + i.ToString());
            }

            Assert.AreEqual((byte)0x55, output[68]);
            Assert.AreEqual((byte)0x55, output[69]);
        }

        [TestMethod]
        public void TheFrameLengthIsLittleEndian()
        {
            byte[] frame = Qca7000Rig.Frame(1518, 1);
            byte[] output = new byte[1528];

            QcaFrameEncoder.Encode(frame, 1518, output, 0);

            Assert.AreEqual((byte)0xEE, output[4]);
            Assert.AreEqual((byte)0x05, output[5]);
        }

        [TestMethod]
        public void AFrameLongerThan1518BytesIsRefused()
        {
            byte[] frame = new byte[1519];
            byte[] output = new byte[1600];
            bool refused = false;
            try
            {
                QcaFrameEncoder.Encode(frame, 1519, output, 0);
            }
            catch (ArgumentOutOfRangeException)
            {
                refused = true;
            }

            Assert.IsTrue(refused);
        }
    }
}
