#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;

namespace V2G.UnitTests.Can
{
    /// <summary>Frames for the CAN transport tests, written as in the traces: id, then the data bytes in hex.</summary>
    public static class CanFrames
    {
        public static CanFrame Extended(uint id, string hexData)
        {
            CanFrame frame = new CanFrame();
            frame.Id = id;
            frame.IsExtended = true;
            SetData(ref frame, hexData);
            return frame;
        }

        public static CanFrame Standard(uint id, string hexData)
        {
            CanFrame frame = new CanFrame();
            frame.Id = id;
            SetData(ref frame, hexData);
            return frame;
        }

        /// <summary>The data bytes as upper-case hex, e.g. "C00F".</summary>
        public static string DataHex(ref CanFrame frame)
        {
            const string digits = "0123456789ABCDEF";
            char[] chars = new char[frame.Length * 2];
            for (int i = 0; i < frame.Length; i++)
            {
                int b = frame.GetByte(i);
                chars[2 * i] = digits[b >> 4];
                chars[(2 * i) + 1] = digits[b & 0xF];
            }

            return new string(chars);
        }

        public static void AssertSame(ref CanFrame expected, ref CanFrame actual, string what)
        {
            Assert.IsTrue(expected.Id == actual.Id, what + ": id " + expected.Id.ToString() + " vs " + actual.Id.ToString());
            Assert.IsTrue(expected.IsExtended == actual.IsExtended, what + ": format");
            Assert.IsTrue(expected.Length == actual.Length, what + ": length " + expected.Length.ToString() + " vs " + actual.Length.ToString());
            Assert.IsTrue(DataHex(ref expected) == DataHex(ref actual), what + ": data " + DataHex(ref expected) + " vs " + DataHex(ref actual));
        }

        private static void SetData(ref CanFrame frame, string hex)
        {
            frame.Length = hex.Length / 2;
            for (int i = 0; i < frame.Length; i++)
            {
                frame.SetByte(i, (byte)((Nibble(hex[2 * i]) << 4) | Nibble(hex[(2 * i) + 1])));
            }
        }

        private static int Nibble(char c)
        {
            return c <= '9' ? c - '0' : (c & ~0x20) - 'A' + 10;
        }
    }
}
