namespace V2G.Protocol.Slac
{
    /// <summary>
    /// Qualcomm VS_PL_LINK_STATUS.REQ (0xA0B8, host → local modem, MMV 0; OUI 00 B0 52 at 17..19, nothing
    /// after it; padded to 60), digest §2.10: asks whether the modem has a powerline link in its AVLN.
    /// </summary>
    public static class PlLinkStatusReq
    {
        /// <summary>Unpadded length, bytes (header 17 + OUI 3).</summary>
        public const int Length = 20;

        /// <summary>Qualcomm OUI, 3 bytes: 00 B0 52.</summary>
        public const int OffsetOui = 17;

        /// <summary>Writes the request and returns the frame length (60).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv10, MmType.VsPlLinkStatusReq);
            MmeHeader.CopyOrZero(MmeHeader.QualcommOui, frame, OffsetOui, 3);
            return length;
        }
    }
}
