using System;

namespace V2G.Firmware.Drivers.Qca7000
{
    /// <summary>
    /// Frames one Ethernet frame for the QCA7000's write buffer (digest §3.5) [V:L3 qcafrm_create_header/footer, Q3]:
    /// <c>AA AA AA AA</c> (SOF) · FL (2 bytes, little-endian) · <c>00 00</c> (reserved) · the frame zero-padded
    /// to at least 60 bytes · <c>55 55</c> (EOF). FL is the padded length, 60 … 1518 [V:L3 QCAFRM_MIN_LEN, QCAFRM_MAX_LEN].
    /// The SPI command word (external write) and the BFR_SIZE write are the driver's business.
    /// </summary>
    public static class QcaFrameEncoder
    {
        /// <summary>Shortest Ethernet frame without FCS (ETH_ZLEN), bytes; shorter frames are zero-padded [V:L3, L4].</summary>
        public const int MinFrameLengthBytes = 60;

        /// <summary>Longest frame accepted: 1500-byte MTU + 18-byte VLAN header (QCAFRM_MAX_LEN) [V:L3].</summary>
        public const int MaxFrameLengthBytes = 1518;

        /// <summary>SOF (4) + FL (2) + reserved (2) + EOF (2), bytes: BFR_SIZE = FL + 10 [V:L4, C1].</summary>
        public const int FramingOverheadBytes = 10;

        /// <summary>The start-of-frame byte, sent four times [V:L3].</summary>
        public const byte StartOfFrameByte = 0xAA;

        /// <summary>The end-of-frame byte, sent twice [V:L3].</summary>
        public const byte EndOfFrameByte = 0x55;

        /// <summary>The length on the wire (FL, after padding) of a frame of <paramref name="frameLengthBytes"/>.</summary>
        public static int PaddedLengthBytes(int frameLengthBytes)
        {
            return frameLengthBytes < MinFrameLengthBytes ? MinFrameLengthBytes : frameLengthBytes;
        }

        /// <summary>The framed length (FL + 10), the value the driver writes to BFR_SIZE.</summary>
        public static int FramedLengthBytes(int frameLengthBytes)
        {
            return PaddedLengthBytes(frameLengthBytes) + FramingOverheadBytes;
        }

        /// <summary>
        /// Writes the framed <paramref name="frame"/> into <paramref name="output"/> at <paramref name="outputOffset"/>
        /// and returns the framed length in bytes (<see cref="FramedLengthBytes"/>).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The length is not 1 … 1518 or exceeds a buffer.</exception>
        public static int Encode(byte[] frame, int frameLengthBytes, byte[] output, int outputOffset)
        {
            if (frame == null)
            {
                throw new ArgumentNullException("frame");
            }

            if (output == null)
            {
                throw new ArgumentNullException("output");
            }

            if (frameLengthBytes <= 0 || frameLengthBytes > MaxFrameLengthBytes || frameLengthBytes > frame.Length)
            {
                throw new ArgumentOutOfRangeException("frameLengthBytes");
            }

            int paddedLength = PaddedLengthBytes(frameLengthBytes);
            int framedLength = paddedLength + FramingOverheadBytes;
            if (outputOffset < 0 || outputOffset + framedLength > output.Length)
            {
                throw new ArgumentOutOfRangeException("outputOffset");
            }

            int at = outputOffset;
            output[at++] = StartOfFrameByte;
            output[at++] = StartOfFrameByte;
            output[at++] = StartOfFrameByte;
            output[at++] = StartOfFrameByte;

            // FL is little-endian, unlike the command words and register values [V:L3, Q3, C1].
            output[at++] = (byte)paddedLength;
            output[at++] = (byte)(paddedLength >> 8);
            output[at++] = 0;
            output[at++] = 0;

            Array.Copy(frame, 0, output, at, frameLengthBytes);
            at += frameLengthBytes;
            if (paddedLength > frameLengthBytes)
            {
                Array.Clear(output, at, paddedLength - frameLengthBytes);
                at += paddedLength - frameLengthBytes;
            }

            output[at++] = EndOfFrameByte;
            output[at] = EndOfFrameByte;
            return framedLength;
        }
    }
}
