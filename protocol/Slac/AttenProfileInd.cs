namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_ATTEN_PROFILE.IND (0x6086, EVSE modem → EVSE host, MMV 1; 85 bytes), digest §2.5: the attenuation
    /// the modem measured for one sound, per carrier group. It carries no RunID: correlate by PEV_MAC [V:E3].
    /// </summary>
    public static class AttenProfileInd
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 85;

        /// <summary>PEV_MAC, 6 bytes: the source of the sound.</summary>
        public const int OffsetPevMac = 19;

        /// <summary>NumGroups: 58.</summary>
        public const int OffsetNumGroups = 25;

        /// <summary>Reserved, 1 byte.</summary>
        public const int OffsetReserved = 26;

        /// <summary>AAG[58]: attenuation per carrier group, dB.</summary>
        public const int OffsetAag = 27;

        /// <summary>Writes the profile (NumGroups 58; <paramref name="aag"/> 58 bytes) and returns the frame length (85).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, byte[] pevMac, byte[] aag)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmAttenProfileInd);
            MmeHeader.CopyOrZero(pevMac, frame, OffsetPevMac, MmeHeader.MacLength);
            frame[OffsetNumGroups] = MmeHeader.AagGroupCount;
            MmeHeader.CopyOrZero(aag, frame, OffsetAag, MmeHeader.AagGroupCount);
            return length;
        }
    }
}
