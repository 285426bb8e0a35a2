namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_SLAC_PARM.CNF (0x6065, EVSE → EV unicast, MMV 1; 44 bytes → 60), digest §2.5. An answer with
    /// NUM_SOUNDS 8, TIME_OUT 10, RESP_TYPE 0 or a zero FORWARDING_STA made an EV repeat its request
    /// forever [S:I-oplc30], so the values are those of the table: 10, 6, 1, the EV's MAC.
    /// </summary>
    public static class SlacParmCnf
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 44;

        /// <summary>M-SOUND_TARGET, 6 bytes: FF:FF:FF:FF:FF:FF.</summary>
        public const int OffsetMSoundTarget = 19;

        /// <summary>NUM_SOUNDS: 10.</summary>
        public const int OffsetNumSounds = 25;

        /// <summary>TIME_OUT in units of 100 ms: 6 (= TT_EVSE_match_MNBC 600 ms).</summary>
        public const int OffsetTimeOut = 26;

        /// <summary>RESP_TYPE: 0x01 = "other GP station".</summary>
        public const int OffsetRespType = 27;

        /// <summary>FORWARDING_STA, 6 bytes: the EV host MAC.</summary>
        public const int OffsetForwardingSta = 28;

        public const int OffsetApplicationType = 34;

        public const int OffsetSecurityType = 35;

        /// <summary>RunID, 8 bytes, copied whole from the request (pitfall #2).</summary>
        public const int OffsetRunId = 36;

        /// <summary>RESP_TYPE value "other GP station".</summary>
        public const int RespTypeOtherGpStation = 0x01;

        /// <summary>Writes the confirmation (application and security type 0) and returns the frame length (60).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, byte[] mSoundTarget, int numSounds, int timeOut, int respType, byte[] forwardingSta, byte[] runId)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmSlacParmCnf);
            MmeHeader.CopyOrZero(mSoundTarget, frame, OffsetMSoundTarget, MmeHeader.MacLength);
            frame[OffsetNumSounds] = (byte)numSounds;
            frame[OffsetTimeOut] = (byte)timeOut;
            frame[OffsetRespType] = (byte)respType;
            MmeHeader.CopyOrZero(forwardingSta, frame, OffsetForwardingSta, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(runId, frame, OffsetRunId, MmeHeader.RunIdLength);
            return length;
        }
    }
}
