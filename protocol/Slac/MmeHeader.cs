namespace V2G.Protocol.Slac
{
    /// <summary>
    /// The Ethernet and HomePlug management message (MME) header that every SLAC frame starts with
    /// (digest §2.2): destination MAC 0..5, source MAC 6..11, EtherType 0x88E1 at 12..13 (big-endian),
    /// MMV at 14, MMTYPE at 15..16 (little-endian), and, when MMV ≠ 0, FMI 00 00 at 17..18. Offsets count
    /// from the first byte of the frame; a frame carries no FCS. Also the field lengths and byte helpers
    /// the message classes share.
    /// </summary>
    public static class MmeHeader
    {
        /// <summary>HomePlug AV management EtherType [V:E1, E2, P1].</summary>
        public const int EtherType = 0x88E1;

        private const byte EtherTypeHigh = (EtherType >> 8) & 0xFF;
        private const byte EtherTypeLow = EtherType & 0xFF;

        /// <summary>Shortest frame on the wire (no FCS); shorter frames are padded with zeros [V:E2 MME_MIN_LENGTH].</summary>
        public const int MinFrameLength = 60;

        /// <summary>Where the payload starts when MMV ≥ 1 (after the 2-byte FMI).</summary>
        public const int PayloadOffset = 19;

        /// <summary>Where the payload starts when MMV = 0 (Qualcomm vendor MMEs: the OUI 00 B0 52 at 17..19).</summary>
        public const int VendorPayloadOffset = 17;

        /// <summary>Offset of the destination MAC.</summary>
        public const int OffsetDestinationMac = 0;

        /// <summary>Offset of the source MAC.</summary>
        public const int OffsetSourceMac = 6;

        /// <summary>Offset of the EtherType (big-endian).</summary>
        public const int OffsetEtherType = 12;

        /// <summary>Offset of the management message version.</summary>
        public const int OffsetMmv = 14;

        /// <summary>Offset of the MMTYPE (little-endian).</summary>
        public const int OffsetMmType = 15;

        /// <summary>Offset of the fragment information (only when MMV ≠ 0).</summary>
        public const int OffsetFmi = 17;

        /// <summary>MMV 0x00: HomePlug AV 1.0, no FMI; used by the Qualcomm vendor MMEs [V:E4, T1, P1].</summary>
        public const int MmvAv10 = 0x00;

        /// <summary>MMV 0x01: HomePlug AV 1.1, used by SLAC and CM_SET_KEY [V:E4, P1, Q2].</summary>
        public const int MmvAv11 = 0x01;

        /// <summary>Length of a MAC address, bytes.</summary>
        public const int MacLength = 6;

        /// <summary>Length of a SLAC RunID, bytes.</summary>
        public const int RunIdLength = 8;

        /// <summary>Length of a network identifier (NID), bytes.</summary>
        public const int NidLength = 7;

        /// <summary>Length of a network membership key (NMK, AES-128), bytes.</summary>
        public const int NmkLength = 16;

        /// <summary>Length of the SOURCE_ID / RESP_ID / PEV_ID / EVSE_ID / SenderID fields, bytes.</summary>
        public const int IdLength = 17;

        /// <summary>Carrier groups in an attenuation profile (AAG) [V:E1 AAG_LIST_LEN, Q1 SLAC_GROUPS].</summary>
        public const int AagGroupCount = 58;

        /// <summary>The broadcast address FF:FF:FF:FF:FF:FF. Shared: never modify.</summary>
        public static readonly byte[] BroadcastMac = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

        /// <summary>
        /// The local modem's management address 00:B0:52:00:00:01, for CM_SET_KEY and the vendor MMEs
        /// [V:E4 plc_peer_mac, S1, T1]. Shared: never modify.
        /// </summary>
        public static readonly byte[] LocalModemMac = { 0x00, 0xB0, 0x52, 0x00, 0x00, 0x01 };

        /// <summary>Qualcomm's OUI 00 B0 52, the first payload bytes of its vendor MMEs. Shared: never modify.</summary>
        public static readonly byte[] QualcommOui = { 0x00, 0xB0, 0x52 };

        /// <summary>
        /// Writes the Ethernet and MME header into <paramref name="frame"/> (FMI 00 00 when
        /// <paramref name="mmv"/> ≠ 0) and returns the payload offset: 19, or 17 for MMV 0.
        /// </summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, int mmv, int mmType)
        {
            CopyOrZero(destinationMac, frame, OffsetDestinationMac, MacLength);
            CopyOrZero(sourceMac, frame, OffsetSourceMac, MacLength);
            frame[OffsetEtherType] = EtherTypeHigh;
            frame[OffsetEtherType + 1] = EtherTypeLow;
            frame[OffsetMmv] = (byte)mmv;
            frame[OffsetMmType] = (byte)mmType;
            frame[OffsetMmType + 1] = (byte)(mmType >> 8);
            if (mmv == MmvAv10)
            {
                return VendorPayloadOffset;
            }

            frame[OffsetFmi] = 0;
            frame[OffsetFmi + 1] = 0;
            return PayloadOffset;
        }

        /// <summary>
        /// Reads MMV and MMTYPE from a received frame of <paramref name="length"/> bytes. False (and both 0)
        /// unless the EtherType is 0x88E1 and the frame holds the whole header for its MMV.
        /// </summary>
        public static bool TryRead(byte[] frame, int length, out int mmv, out int mmType)
        {
            mmv = 0;
            mmType = 0;
            if (frame == null || length < VendorPayloadOffset || length > frame.Length)
            {
                return false;
            }

            if (frame[OffsetEtherType] != EtherTypeHigh || frame[OffsetEtherType + 1] != EtherTypeLow)
            {
                return false;
            }

            int version = frame[OffsetMmv];
            if (version != MmvAv10 && length < PayloadOffset)
            {
                return false;
            }

            mmv = version;
            mmType = frame[OffsetMmType] | (frame[OffsetMmType + 1] << 8);
            return true;
        }

        /// <summary>True if <paramref name="count"/> bytes of both arrays from the offsets are equal (false if either is too short).</summary>
        public static bool BytesEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            if (a == null || b == null || aOffset < 0 || bOffset < 0 || aOffset + count > a.Length || bOffset + count > b.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True if <paramref name="count"/> bytes from <paramref name="offset"/> are all zero (false if the array is too short).</summary>
        public static bool IsAllZero(byte[] a, int offset, int count)
        {
            if (a == null || offset < 0 || offset + count > a.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (a[offset + i] != 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Reads a little-endian 16-bit payload number (MVFLength, PRN).</summary>
        public static int ReadUInt16Le(byte[] frame, int offset)
        {
            return frame[offset] | (frame[offset + 1] << 8);
        }

        /// <summary>Writes a little-endian 16-bit payload number.</summary>
        public static void WriteUInt16Le(byte[] frame, int offset, int value)
        {
            frame[offset] = (byte)value;
            frame[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Copies <paramref name="count"/> bytes of <paramref name="source"/> (from 0) to the frame, or zeros if it is null or short.</summary>
        public static void CopyOrZero(byte[] source, byte[] frame, int offset, int count)
        {
            bool usable = source != null && source.Length >= count;
            for (int i = 0; i < count; i++)
            {
                frame[offset + i] = usable ? source[i] : (byte)0;
            }
        }

        /// <summary>Copies <paramref name="count"/> bytes out of a frame into <paramref name="target"/> (from 0).</summary>
        public static void CopyOut(byte[] frame, int offset, byte[] target, int count)
        {
            for (int i = 0; i < count; i++)
            {
                target[i] = frame[offset + i];
            }
        }

        /// <summary>
        /// Zeros the first max(<paramref name="unpaddedLength"/>, 60) bytes of a reused frame buffer (reserved
        /// fields and padding must be zero) and returns that padded length.
        /// </summary>
        internal static int Clear(byte[] frame, int unpaddedLength)
        {
            int padded = unpaddedLength < MinFrameLength ? MinFrameLength : unpaddedLength;
            for (int i = 0; i < padded; i++)
            {
                frame[i] = 0;
            }

            return padded;
        }
    }
}
