namespace V2G.Protocol.Slac
{
    /// <summary>
    /// Qualcomm VS_PL_LINK_STATUS.CNF (0xA0B9, local modem → host, MMV 0; 22 bytes → 60), digest §2.10:
    /// link_status 0x01 once the modem has joined an AVLN with another station [V:E1, E4, S1].
    /// </summary>
    public static class PlLinkStatusCnf
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 22;

        /// <summary>Qualcomm OUI, 3 bytes: 00 B0 52.</summary>
        public const int OffsetOui = 17;

        /// <summary>Reserved (status) byte.</summary>
        public const int OffsetReserved = 20;

        /// <summary>link_status: 0x01 = link.</summary>
        public const int OffsetLinkStatus = 21;

        /// <summary>The link_status value meaning "link up".</summary>
        public const int LinkUp = 0x01;

        /// <summary>Writes the confirmation and returns the frame length (60).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, int linkStatus)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv10, MmType.VsPlLinkStatusCnf);
            MmeHeader.CopyOrZero(MmeHeader.QualcommOui, frame, OffsetOui, 3);
            frame[OffsetLinkStatus] = (byte)linkStatus;
            return length;
        }
    }
}
