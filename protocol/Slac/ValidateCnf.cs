namespace V2G.Protocol.Slac
{
    /// <summary>CM_VALIDATE.CNF (0x6079, EVSE → EV, MMV 1; 22 bytes → 60), digest §2.5 [V:E1, Q1].</summary>
    public static class ValidateCnf
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 22;

        /// <summary>SignalType, echoed.</summary>
        public const int OffsetSignalType = 19;

        /// <summary>ToggleNum: the number of B-C edges detected.</summary>
        public const int OffsetToggleNum = 20;

        /// <summary>Result: 0 not ready, 1 ready, 2 success, 3 failure, 4 not required.</summary>
        public const int OffsetResult = 21;

        /// <summary>Result "failure": what EVerest answers, as the EVSE may leave validation out ([V2G3-A09-51] per [V:E3]).</summary>
        public const int ResultFailure = 0x03;

        /// <summary>Writes the confirmation and returns the frame length (60).</summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, int signalType, int toggleNum, int result)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmValidateCnf);
            frame[OffsetSignalType] = (byte)signalType;
            frame[OffsetToggleNum] = (byte)toggleNum;
            frame[OffsetResult] = (byte)result;
            return length;
        }
    }
}
