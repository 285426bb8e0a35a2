namespace V2G.Protocol.Slac
{
    /// <summary>CM_VALIDATE.REQ (0x6078, EV → EVSE, MMV 1; 22 bytes → 60), digest §2.5 [V:E1, Q1].</summary>
    public static class ValidateReq
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 22;

        /// <summary>SignalType: 0x00 = PEV S2 toggles on CP.</summary>
        public const int OffsetSignalType = 19;

        /// <summary>Timer (its mapping to TT_EVSE_vald_toggle is inconsistent in the sources [U]).</summary>
        public const int OffsetTimer = 20;

        /// <summary>Result: 0x01 ready.</summary>
        public const int OffsetResult = 21;

        /// <summary>Writes the request and returns the frame length (60).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, int signalType, int timer, int result)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmValidateReq);
            frame[OffsetSignalType] = (byte)signalType;
            frame[OffsetTimer] = (byte)timer;
            frame[OffsetResult] = (byte)result;
            return length;
        }
    }
}
