namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_SLAC_MATCH.CNF (0x607D, EVSE → EV unicast, MMV 1; 109 bytes), digest §2.5: hands the EV the
    /// NID and NMK already loaded into the EVSE's modem.
    /// </summary>
    public static class SlacMatchCnf
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 109;

        /// <summary>The MVFLength the confirmation carries: 0x0056 (86).</summary>
        public const int MvfLength = 0x56;

        public const int OffsetApplicationType = 19;

        public const int OffsetSecurityType = 20;

        /// <summary>MVFLength, 2 bytes little-endian.</summary>
        public const int OffsetMvfLength = 21;

        /// <summary>PEV_ID, 17 bytes, copied from the request.</summary>
        public const int OffsetPevId = 23;

        /// <summary>PEV_MAC, 6 bytes, copied.</summary>
        public const int OffsetPevMac = 40;

        /// <summary>EVSE_ID, 17 bytes, copied.</summary>
        public const int OffsetEvseId = 46;

        /// <summary>EVSE_MAC, 6 bytes, copied (= own host MAC).</summary>
        public const int OffsetEvseMac = 63;

        /// <summary>RunID, 8 bytes, copied.</summary>
        public const int OffsetRunId = 69;

        /// <summary>Reserved, 8 bytes of zeros.</summary>
        public const int OffsetReserved = 77;

        /// <summary>NID, 7 bytes (top 2 bits 0).</summary>
        public const int OffsetNid = 85;

        /// <summary>Reserved, 1 byte ("NID defined to be 8 bytes").</summary>
        public const int OffsetNidReserved = 92;

        /// <summary>NMK, 16 bytes.</summary>
        public const int OffsetNmk = 93;

        /// <summary>Writes the confirmation (MVFLength 0x56; null IDs are written as zeros) and returns the frame length (109).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, byte[] pevId, byte[] pevMac, byte[] evseId, byte[] evseMac, byte[] runId, byte[] nid, byte[] nmk)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmSlacMatchCnf);
            MmeHeader.WriteUInt16Le(frame, OffsetMvfLength, MvfLength);
            MmeHeader.CopyOrZero(pevId, frame, OffsetPevId, MmeHeader.IdLength);
            MmeHeader.CopyOrZero(pevMac, frame, OffsetPevMac, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(evseId, frame, OffsetEvseId, MmeHeader.IdLength);
            MmeHeader.CopyOrZero(evseMac, frame, OffsetEvseMac, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(runId, frame, OffsetRunId, MmeHeader.RunIdLength);
            MmeHeader.CopyOrZero(nid, frame, OffsetNid, MmeHeader.NidLength);
            MmeHeader.CopyOrZero(nmk, frame, OffsetNmk, MmeHeader.NmkLength);
            return length;
        }
    }
}
