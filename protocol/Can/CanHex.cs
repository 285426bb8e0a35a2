using V2G.Hal.Buses;

namespace V2G.Protocol.Can
{
    /// <summary>
    /// Hex digits and identifier limits shared by the text formats of CAN frames (slcan, candump).
    /// Written by hand: the device's mscorlib has no hex parser that works on part of a buffer
    /// without allocating.
    /// </summary>
    public static class CanHex
    {
        /// <summary>The largest 29-bit (extended) identifier.</summary>
        public const uint MaxExtendedId = 0x1FFFFFFF;

        /// <summary>The largest 11-bit (standard) identifier.</summary>
        public const uint MaxStandardId = 0x7FF;

        /// <summary>The most data bytes a classic CAN frame carries.</summary>
        public const int MaxDataLength = 8;

        private const string UpperDigits = "0123456789ABCDEF";

        /// <summary>The value of hex digit <paramref name="c"/> (either case), or −1 if it is not one.</summary>
        public static int DigitValue(int c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return -1;
        }

        /// <summary>The upper-case hex digit of the low 4 bits of <paramref name="nibble"/>.</summary>
        public static char Digit(int nibble)
        {
            return UpperDigits[nibble & 0xF];
        }

        /// <summary>
        /// True if the frame can be put on a classic CAN bus: 0..8 data bytes and an identifier that fits its
        /// format (29 bits extended, 11 bits standard).
        /// </summary>
        public static bool IsValid(ref CanFrame frame)
        {
            if (frame.Length < 0 || frame.Length > MaxDataLength)
            {
                return false;
            }

            return frame.Id <= (frame.IsExtended ? MaxExtendedId : MaxStandardId);
        }
    }
}
