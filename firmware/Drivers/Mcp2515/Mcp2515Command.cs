using V2G.Hal.Buses;

namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>
    /// Builds the MOSI bytes of each SPI instruction [MCP] into a caller's buffer and returns the transfer length.
    /// Bytes clocked only to read (dummy bytes) are zero. Allocates nothing.
    /// </summary>
    public static class Mcp2515Command
    {
        /// <summary>Longest transfer the driver makes: READ RX BUFFER (1 + 13) or LOAD TX BUFFER (1 + 13).</summary>
        public const int MaxTransferBytes = 1 + Mcp2515FrameLayout.MaxBytes;

        /// <summary>LOAD TX BUFFER starting at SIDH of buffer 0..2: 0x40, 0x42, 0x44.</summary>
        public static byte LoadTxBuffer(int buffer)
        {
            return (byte)(Mcp2515Instruction.LoadTxBuffer0 + (buffer * 2));
        }

        /// <summary>RTS for buffer 0..2: 0x81, 0x82, 0x84.</summary>
        public static byte RequestToSend(int buffer)
        {
            return (byte)(Mcp2515Instruction.RequestToSendBase | (1 << buffer));
        }

        /// <summary>READ RX BUFFER starting at SIDH of buffer 0..1: 0x90, 0x94.</summary>
        public static byte ReadRxBuffer(int buffer)
        {
            return (byte)(Mcp2515Instruction.ReadRxBuffer0 | (buffer << 2));
        }

        /// <summary><c>C0</c>.</summary>
        public static int PutReset(byte[] buffer)
        {
            buffer[0] = Mcp2515Instruction.Reset;
            return 1;
        }

        /// <summary><c>03 address 00…</c>: reads <paramref name="count"/> registers from <paramref name="address"/> on; they come back from MISO byte 2 on.</summary>
        public static int PutRead(byte[] buffer, byte address, int count)
        {
            buffer[0] = Mcp2515Instruction.Read;
            buffer[1] = address;
            for (int i = 0; i < count; i++)
            {
                buffer[2 + i] = 0;
            }

            return 2 + count;
        }

        /// <summary><c>02 address value</c>.</summary>
        public static int PutWrite(byte[] buffer, byte address, byte value)
        {
            buffer[0] = Mcp2515Instruction.Write;
            buffer[1] = address;
            buffer[2] = value;
            return 3;
        }

        /// <summary><c>02 address</c> followed by <paramref name="count"/> bytes of <paramref name="values"/> (consecutive registers).</summary>
        public static int PutWrite(byte[] buffer, byte address, byte[] values, int count)
        {
            buffer[0] = Mcp2515Instruction.Write;
            buffer[1] = address;
            for (int i = 0; i < count; i++)
            {
                buffer[2 + i] = values[i];
            }

            return 2 + count;
        }

        /// <summary><c>05 address mask data</c>: only the bits set in <paramref name="mask"/> change.</summary>
        public static int PutBitModify(byte[] buffer, byte address, byte mask, byte data)
        {
            buffer[0] = Mcp2515Instruction.BitModify;
            buffer[1] = address;
            buffer[2] = mask;
            buffer[3] = data;
            return 4;
        }

        /// <summary><c>4x SIDH SIDL EID8 EID0 DLC D0…</c>: the frame into transmit buffer 0..2 (only its own data bytes).</summary>
        public static int PutLoadTxBuffer(byte[] buffer, int txBuffer, ref CanFrame frame)
        {
            buffer[0] = LoadTxBuffer(txBuffer);
            return 1 + Mcp2515FrameLayout.Encode(ref frame, buffer, 1);
        }

        /// <summary><c>8x</c>: request to send transmit buffer 0..2.</summary>
        public static int PutRequestToSend(byte[] buffer, int txBuffer)
        {
            buffer[0] = RequestToSend(txBuffer);
            return 1;
        }

        /// <summary><c>90/94</c> and 13 dummy bytes: the whole receive buffer from SIDH, MISO byte 1 on.</summary>
        public static int PutReadRxBuffer(byte[] buffer, int rxBuffer)
        {
            buffer[0] = ReadRxBuffer(rxBuffer);
            for (int i = 1; i <= Mcp2515FrameLayout.MaxBytes; i++)
            {
                buffer[i] = 0;
            }

            return 1 + Mcp2515FrameLayout.MaxBytes;
        }

        /// <summary><c>A0 00</c>: the status byte comes back in MISO byte 1.</summary>
        public static int PutReadStatus(byte[] buffer)
        {
            buffer[0] = Mcp2515Instruction.ReadStatus;
            buffer[1] = 0;
            return 2;
        }

        /// <summary><c>B0 00</c>: the RX status byte comes back in MISO byte 1.</summary>
        public static int PutRxStatus(byte[] buffer)
        {
            buffer[0] = Mcp2515Instruction.RxStatus;
            buffer[1] = 0;
            return 2;
        }
    }
}
