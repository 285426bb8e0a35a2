namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_ATTEN_CHAR.IND (0x606E, EVSE → EV unicast, MMV 1; 129 bytes), digest §2.5: the averaged
    /// attenuation profile and the number of profiles averaged.
    /// </summary>
    public static class AttenCharInd
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 129;

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

        /// <summary>NUM_SOUNDS: the number of profiles averaged.</summary>
        public const int OffsetNumSounds = 69;

        /// <summary>NumGroups: 58.</summary>
        public const int OffsetNumGroups = 70;

        /// <summary>AAG[58]: averaged attenuation per group, dB.</summary>
        public const int OffsetAag = 71;

        /// <summary>Writes the indication (IDs zero, NumGroups 58; <paramref name="aag"/> 58 bytes) and returns the frame length (129).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, byte[] sourceAddress, byte[] runId, int numSounds, byte[] aag)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmAttenCharInd);
            MmeHeader.CopyOrZero(sourceAddress, frame, OffsetSourceAddress, MmeHeader.MacLength);
            MmeHeader.CopyOrZero(runId, frame, OffsetRunId, MmeHeader.RunIdLength);
            frame[OffsetNumSounds] = (byte)numSounds;
            frame[OffsetNumGroups] = MmeHeader.AagGroupCount;
            MmeHeader.CopyOrZero(aag, frame, OffsetAag, MmeHeader.AagGroupCount);
            return length;
        }
    }
}
