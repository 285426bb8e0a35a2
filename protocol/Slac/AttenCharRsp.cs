namespace V2G.Protocol.Slac
{
    /// <summary>CM_ATTEN_CHAR.RSP (0x606F, EV → EVSE unicast, MMV 1; 70 bytes), digest §2.5.</summary>
    public static class AttenCharRsp
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 70;

        public const int OffsetApplicationType = 19;

        public const int OffsetSecurityType = 20;

        /// <summary>SOURCE_ADDRESS, 6 bytes: the EV host MAC.</summary>
        public const int OffsetSourceAddress = 21;

        /// <summary>RunID, 8 bytes.</summary>
        public const int OffsetRunId = 27;

        /// <summary>SOURCE_ID, 17 bytes of zeros.</summary>
        public const int OffsetSourceId = 35;

        /// <summary>RESP_ID, 17 bytes of zeros.</summary>
        public const int OffsetRespId = 52;

        /// <summary>Result: 0x00 = success.</summary>
        public const int OffsetResult = 69;

        /// <summary>Writes the response (IDs zero) and returns the frame length (70).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, byte[] sourceAddress, byte[] runId, int result)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmAttenCharRsp);
            MmeHeader.CopyOrZero(sourceAddress, frame, OffsetSourceAddress, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(runId, frame, OffsetRunId, MmeHeader.RunIdLength);
            frame[OffsetResult] = (byte)result;
            return length;
        }
    }
}
