namespace V2G.Firmware.Drivers.Mcp3208
{
    /// <summary>
    /// The 3-byte conversion frame of the MCP3204/3208 (24 clocks, MSB first, byte 0 sent first). Layout as the
    /// data sheet gives it and dotnet/iot's Iot.Device.Adc.Mcp3Base documents it for the MCP3208:
    /// request <c>00000SMC CCxxxxxx xxxxxxxx</c> (S start bit, M = 1 single-ended / 0 differential, CCC = D2..D0),
    /// response <c>xxxxxxxx xxDNRRRR RRRRRRRR</c> (D the sampling clock, N the null bit, always 0, then the 12-bit
    /// result MSB first). DOUT is high impedance before the null bit, so those bits mean nothing.
    /// </summary>
    public static class Mcp3208Frame
    {
        /// <summary>Bytes per conversion.</summary>
        public const int Length = 3;

        /// <summary>Number of single-ended channels.</summary>
        public const int ChannelCount = 8;

        /// <summary>Result resolution, bits; codes 0..4095.</summary>
        public const int ResolutionBits = 12;

        /// <summary>Codes per full scale: code = 4096 × Vin / Vref (data sheet transfer function).</summary>
        public const int CodesPerReference = 4096;

        /// <summary>Largest code (Vin at or above Vref − 1 LSB).</summary>
        public const int MaxCode = 4095;

        /// <summary>Byte 0: the start bit.</summary>
        public const byte StartBit = 0x04;

        /// <summary>Byte 0: SGL/DIFF = 1, a single-ended conversion.</summary>
        public const byte SingleEnded = 0x02;

        /// <summary>Byte 0: D2 is its lowest bit (channel bit 2 shifted down by this).</summary>
        public const int D2ShiftRight = 2;

        /// <summary>Byte 1: D1 and D0 are its two highest bits (channel bits 1..0 shifted up by this).</summary>
        public const int D1D0ShiftLeft = 6;

        /// <summary>Byte 1: the null bit, 0 from a chip that answers.</summary>
        public const byte NullBit = 0x10;

        /// <summary>Byte 1: result bits 11..8.</summary>
        public const byte ResultHighMask = 0x0F;

        /// <summary>Writes the request for a single-ended conversion of <paramref name="channel"/> (0..7) into <paramref name="frame"/>.</summary>
        public static void WriteSingleEndedRequest(int channel, byte[] frame)
        {
            frame[0] = (byte)(StartBit | SingleEnded | (channel >> D2ShiftRight));
            frame[1] = (byte)((channel & 0x03) << D1D0ShiftLeft);
            frame[2] = 0;
        }

        /// <summary>True when the response's null bit is 0, as the chip drives it.</summary>
        public static bool HasNullBit(byte[] response)
        {
            return (response[1] & NullBit) == 0;
        }

        /// <summary>The 12-bit result of a response.</summary>
        public static int ResultCode(byte[] response)
        {
            return ((response[1] & ResultHighMask) << 8) | response[2];
        }
    }
}
