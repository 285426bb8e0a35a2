namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_SET_KEY.CNF (0x6009, local modem → host, MMV 1; 33 bytes → 60), digest §2.5. The spec text has
    /// Result 0 = success, but a Qualcomm local modem answers <see cref="ResultQualcommAccepted"/> when it
    /// took the key (pitfall #11 [V:P1, S1, T1]).
    /// </summary>
    public static class SetKeyCnf
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 33;

        /// <summary>Result.</summary>
        public const int OffsetResult = 19;

        public const int OffsetMyNonce = 20;

        public const int OffsetYourNonce = 24;

        public const int OffsetPid = 28;

        public const int OffsetPrn = 29;

        public const int OffsetPmn = 31;

        public const int OffsetCcoCapability = 32;

        /// <summary>What a Qualcomm local modem answers when the key was accepted (it then restarts).</summary>
        public const int ResultQualcommAccepted = 0x01;

        /// <summary>Writes the confirmation (other fields zero, PID HLE) and returns the frame length (60).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, int result)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmSetKeyCnf);
            frame[OffsetResult] = (byte)result;
            frame[OffsetPid] = SetKeyReq.PidHle;
            return length;
        }
    }
}
