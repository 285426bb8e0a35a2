namespace V2G.Protocol.Slac
{
    /// <summary>CM_SLAC_MATCH.REQ (0x607C, EV → EVSE unicast, MMV 1; 85 bytes), digest §2.5.</summary>
    public static class SlacMatchReq
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 85;

        /// <summary>The MVFLength the request carries: 0x003E (62).</summary>
        public const int MvfLength = 0x3E;

        public const int OffsetApplicationType = 19;

        public const int OffsetSecurityType = 20;

        /// <summary>MVFLength, 2 bytes little-endian.</summary>
        public const int OffsetMvfLength = 21;

        /// <summary>PEV_ID, 17 bytes of zeros.</summary>
        public const int OffsetPevId = 23;

        /// <summary>PEV_MAC, 6 bytes: the EV host MAC.</summary>
        public const int OffsetPevMac = 40;

        /// <summary>EVSE_ID, 17 bytes of zeros.</summary>
        public const int OffsetEvseId = 46;

        /// <summary>EVSE_MAC, 6 bytes: the EVSE host MAC (the source of PARM.CNF).</summary>
        public const int OffsetEvseMac = 63;

        /// <summary>RunID, 8 bytes.</summary>
        public const int OffsetRunId = 69;

        /// <summary>Reserved, 8 bytes of zeros.</summary>
        public const int OffsetReserved = 77;

        /// <summary>Writes the request (MVFLength 0x3E, IDs zero) and returns the frame length (85).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, byte[] pevMac, byte[] evseMac, byte[] runId)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmSlacMatchReq);
            MmeHeader.WriteUInt16Le(frame, OffsetMvfLength, MvfLength);
            MmeHeader.CopyOrZero(pevMac, frame, OffsetPevMac, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(evseMac, frame, OffsetEvseMac, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(runId, frame, OffsetRunId, MmeHeader.RunIdLength);
            return length;
        }
    }
}
