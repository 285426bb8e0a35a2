using V2G.Hal.Buses;

namespace V2G.Protocol.Can
{
    /// <summary>
    /// Writes a frame as the slcan transmit command: "T" + 8 hex digits of the 29-bit identifier, or
    /// "t" + 3 hex digits of an 11-bit one, then the length digit, two upper-case hex digits per data
    /// byte, and a carriage return. GB/T 27930 sends extended frames only [digest §2, S2, S10].
    /// </summary>
    public static class SlcanFrameEncoder
    {
        /// <summary>The longest transmit command: T, 8 id digits, length, 16 data digits, CR.</summary>
        public const int MaxCommandLength = 1 + 8 + 1 + 16 + 1;

        /// <summary>
        /// Writes the command for <paramref name="frame"/> at <paramref name="offset"/>; returns its length,
        /// or 0 if the frame is not valid (<see cref="CanHex.IsValid"/>) or does not fit the buffer.
        /// </summary>
        public static int Encode(ref CanFrame frame, byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || !CanHex.IsValid(ref frame))
            {
                return 0;
            }

            int idDigits = frame.IsExtended ? 8 : 3;
            int length = 1 + idDigits + 1 + (2 * frame.Length) + 1;
            if (buffer.Length - offset < length)
            {
                return 0;
            }

            int p = offset;
            buffer[p++] = (byte)(frame.IsExtended ? SlcanCommands.ExtendedFrame : SlcanCommands.StandardFrame);
            for (int shift = (idDigits - 1) * 4; shift >= 0; shift -= 4)
            {
                buffer[p++] = (byte)CanHex.Digit((int)(frame.Id >> shift));
            }

            buffer[p++] = (byte)('0' + frame.Length);
            for (int i = 0; i < frame.Length; i++)
            {
                int b = frame.GetByte(i);
                buffer[p++] = (byte)CanHex.Digit(b >> 4);
                buffer[p++] = (byte)CanHex.Digit(b);
            }

            buffer[p++] = SlcanCommands.CarriageReturn;
            return p - offset;
        }
    }
}
