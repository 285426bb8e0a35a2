namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_START_ATTEN_CHAR.IND (0x606A, EV → broadcast, MMV 1; 38 bytes → 60), digest §2.5. Sent
    /// 3 times (C_EV_start_atten_char_inds); the first starts the EVSE's sounding window.
    /// </summary>
    public static class StartAttenCharInd
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 38;

        public const int OffsetApplicationType = 19;

        public const int OffsetSecurityType = 20;

        /// <summary>NUM_SOUNDS: 10.</summary>
        public const int OffsetNumSounds = 21;

        /// <summary>TIME_OUT, ×100 ms: 6.</summary>
        public const int OffsetTimeOut = 22;

        /// <summary>RESP_TYPE: 1.</summary>
        public const int OffsetRespType = 23;

        /// <summary>FORWARDING_STA, 6 bytes: the EV host MAC.</summary>
        public const int OffsetForwardingSta = 24;

        /// <summary>RunID, 8 bytes.</summary>
        public const int OffsetRunId = 30;

        /// <summary>Writes the indication (application and security type 0) and returns the frame length (60).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, int numSounds, int timeOut, int respType, byte[] forwardingSta, byte[] runId)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmStartAttenCharInd);
            frame[OffsetNumSounds] = (byte)numSounds;
            frame[OffsetTimeOut] = (byte)timeOut;
            frame[OffsetRespType] = (byte)respType;
            MmeHeader.CopyOrZero(forwardingSta, frame, OffsetForwardingSta, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(runId, frame, OffsetRunId, MmeHeader.RunIdLength);
            return length;
        }
    }
}
