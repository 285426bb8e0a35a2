using V2G.Hal.Buses;

namespace V2G.Firmware.Drivers.Mcp2515
{
    /// <summary>
    /// How a CAN frame stands in a transmit or receive buffer: SIDH, SIDL, EID8, EID0, DLC, D0..D7 [MCP].
    /// A 29-bit identifier is split into SID10..0 = id bits 28..18 (SIDH = SID10..3, SIDL bits 7..5 = SID2..0)
    /// and EID17..0 = id bits 17..0 (SIDL bits 1..0 = EID17..16, EID8, EID0), with EXIDE (SIDL bit 3) set.
    /// E.g. the GB/T CHM id 0x1826F456 [digest §3, S2] is <c>C1 2A F4 56</c>.
    /// </summary>
    public static class Mcp2515FrameLayout
    {
        /// <summary>SIDH, SIDL, EID8, EID0 and DLC: the bytes before D0.</summary>
        public const int HeaderBytes = 5;

        /// <summary>Header and eight data bytes: a whole buffer from SIDH on.</summary>
        public const int MaxBytes = HeaderBytes + MaxDataBytes;

        /// <summary>Classic CAN carries at most 8 data bytes.</summary>
        public const int MaxDataBytes = 8;

        /// <summary>Largest 29-bit identifier.</summary>
        public const uint MaxExtendedId = 0x1FFFFFFF;

        /// <summary>Largest 11-bit identifier.</summary>
        public const uint MaxStandardId = 0x7FF;

        private const int ExtendedIdBits = 18;

        /// <summary>Writes the four identifier bytes (SIDH, SIDL, EID8, EID0) of <paramref name="id"/> at <paramref name="offset"/>.</summary>
        public static void PutId(uint id, bool extended, byte[] buffer, int offset)
        {
            if (extended)
            {
                uint sid = (id >> ExtendedIdBits) & MaxStandardId;
                uint eid = id & 0x3FFFF;
                buffer[offset] = (byte)(sid >> 3);
                buffer[offset + 1] = (byte)(((sid & 0x07) << 5) | Mcp2515Bits.SidlExtended | ((eid >> 16) & 0x03));
                buffer[offset + 2] = (byte)(eid >> 8);
                buffer[offset + 3] = (byte)eid;
            }
            else
            {
                uint sid = id & MaxStandardId;
                buffer[offset] = (byte)(sid >> 3);
                buffer[offset + 1] = (byte)((sid & 0x07) << 5);
                buffer[offset + 2] = 0;
                buffer[offset + 3] = 0;
            }
        }

        /// <summary>Reads the identifier from the four bytes at <paramref name="offset"/>; EXIDE gives <paramref name="extended"/>.</summary>
        public static uint GetId(byte[] buffer, int offset, out bool extended)
        {
            byte sidl = buffer[offset + 1];
            uint sid = ((uint)buffer[offset] << 3) | ((uint)sidl >> 5);
            extended = (sidl & Mcp2515Bits.SidlExtended) != 0;
            if (!extended)
            {
                return sid;
            }

            uint eid = ((uint)(sidl & 0x03) << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
            return (sid << ExtendedIdBits) | eid;
        }

        /// <summary>
        /// Writes identifier, DLC and the <see cref="CanFrame.Length"/> data bytes at <paramref name="offset"/>
        /// (nothing is padded: GB/T sends each PG with its own length [digest §2, S2]); returns the bytes written.
        /// </summary>
        public static int Encode(ref CanFrame frame, byte[] buffer, int offset)
        {
            PutId(frame.Id, frame.IsExtended, buffer, offset);
            buffer[offset + 4] = (byte)frame.Length;
            for (int i = 0; i < frame.Length; i++)
            {
                buffer[offset + HeaderBytes + i] = frame.GetByte(i);
            }

            return HeaderBytes + frame.Length;
        }

        /// <summary>
        /// Reads a received buffer (SIDH … D7) at <paramref name="offset"/>. A DLC above 8 gives 8 bytes (classic CAN).
        /// False for a remote frame (SRR for standard, RTR in DLC for extended), which <see cref="CanFrame"/> cannot hold.
        /// </summary>
        public static bool Decode(byte[] buffer, int offset, out CanFrame frame)
        {
            frame = new CanFrame();
            bool extended;
            frame.Id = GetId(buffer, offset, out extended);
            frame.IsExtended = extended;
            byte dlc = buffer[offset + 4];
            int length = dlc & Mcp2515Bits.DlcMask;
            if (length > MaxDataBytes)
            {
                length = MaxDataBytes;
            }

            frame.Length = length;
            ulong data = 0;
            for (int i = 0; i < length; i++)
            {
                data |= (ulong)buffer[offset + HeaderBytes + i] << (i * 8);
            }

            frame.Data = data;
            bool remote = extended
                ? (dlc & Mcp2515Bits.DlcRemote) != 0
                : (buffer[offset + 1] & Mcp2515Bits.SidlStandardRemote) != 0;
            return !remote;
        }
    }
}
