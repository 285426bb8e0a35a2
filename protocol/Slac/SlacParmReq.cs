namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_SLAC_PARM.REQ (0x6064, EV → broadcast, MMV 1; 29 bytes → padded to 60), digest §2.5. The EV opens
    /// a matching session with it; the EVSE keys the session by (source MAC, RunID).
    /// </summary>
    public static class SlacParmReq
    {
        /// <summary>Unpadded length, bytes (without the CipherSuite fields, only sent with SECURITY_TYPE 1 [V:Q1]).</summary>
        public const int Length = 29;

        /// <summary>APPLICATION_TYPE: 0x00 = PEV–EVSE matching.</summary>
        public const int OffsetApplicationType = 19;

        /// <summary>SECURITY_TYPE: 0x00 = no security.</summary>
        public const int OffsetSecurityType = 20;

        /// <summary>RunID, 8 bytes, chosen by the EV (Tesla: ASCII "TESLA EV" [V:P1]).</summary>
        public const int OffsetRunId = 21;

        /// <summary>Writes the request (application and security type 0) and returns the frame length (60).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, byte[] runId)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmSlacParmReq);
            MmeHeader.CopyOrZero(runId, frame, OffsetRunId, MmeHeader.RunIdLength);
            return length;
        }
    }
}
