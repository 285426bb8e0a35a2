namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_MNBC_SOUND.IND (0x6076, EV → broadcast, MMV 1; 71 bytes), digest §2.5. The EVSE needs nothing
    /// from its content: its own modem measures each sound and reports a CM_ATTEN_PROFILE.IND.
    /// </summary>
    public static class MnbcSoundInd
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 71;

        public const int OffsetApplicationType = 19;

        public const int OffsetSecurityType = 20;

        /// <summary>SenderID, 17 bytes: zeros.</summary>
        public const int OffsetSenderId = 21;

        /// <summary>CNT: sounds remaining, 9 … 0.</summary>
        public const int OffsetCnt = 38;

        /// <summary>RunID, 8 bytes.</summary>
        public const int OffsetRunId = 39;

        /// <summary>Reserved, 8 bytes of zeros (the RunID field is 16 bytes in this message [V:E1 comment]).</summary>
        public const int OffsetReserved = 47;

        /// <summary>RND, 16 random bytes.</summary>
        public const int OffsetRnd = 55;

        /// <summary>Length of the RND field, bytes.</summary>
        public const int RndLength = 16;

        /// <summary>Writes the sound (SenderID zero; <paramref name="rnd"/> 16 bytes, or zeros if null) and returns the frame length (71).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, int cnt, byte[] runId, byte[] rnd)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmMnbcSoundInd);
            frame[OffsetCnt] = (byte)cnt;
            MmeHeader.CopyOrZero(runId, frame, OffsetRunId, MmeHeader.RunIdLength);
            MmeHeader.CopyOrZero(rnd, frame, OffsetRnd, RndLength);
            return length;
        }
    }
}
