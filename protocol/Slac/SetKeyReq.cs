namespace V2G.Protocol.Slac
{
    /// <summary>
    /// CM_SET_KEY.REQ (0x6008, host → local modem 00:B0:52:00:00:01, MMV 1; 57 bytes → 60), digest §2.5:
    /// loads an NMK and its NID into the modem.
    /// </summary>
    public static class SetKeyReq
    {
        /// <summary>Unpadded length, bytes.</summary>
        public const int Length = 57;

        /// <summary>KeyType: 0x01 = NMK (AES-128).</summary>
        public const int OffsetKeyType = 19;

        /// <summary>MyNonce, 4 bytes (0 at the EVSE [V:E4]; 0xAAAAAAAA at EV-side EVerest and pyPLC [V:E6, P1]).</summary>
        public const int OffsetMyNonce = 20;

        /// <summary>YourNonce, 4 bytes: 0.</summary>
        public const int OffsetYourNonce = 24;

        /// <summary>PID: 0x04 = HLE protocol.</summary>
        public const int OffsetPid = 28;

        /// <summary>PRN, 2 bytes little-endian: 0.</summary>
        public const int OffsetPrn = 29;

        /// <summary>PMN: 0.</summary>
        public const int OffsetPmn = 31;

        /// <summary>CCo capability: 0x00.</summary>
        public const int OffsetCcoCapability = 32;

        /// <summary>NID, 7 bytes.</summary>
        public const int OffsetNid = 33;

        /// <summary>NewEKS: 0x01 = NMK.</summary>
        public const int OffsetNewEks = 40;

        /// <summary>NewKey, 16 bytes: the NMK.</summary>
        public const int OffsetNewKey = 41;

        public const int KeyTypeNmk = 0x01;

        public const int PidHle = 0x04;

        public const int NewEksNmk = 0x01;

        /// <summary>
        /// Writes the request (KeyType NMK, PID HLE, NewEKS NMK; <paramref name="myNonce"/> little-endian)
        /// and returns the frame length (60).
        /// </summary>
        public static int Write(byte[] frame, byte[] destinationMac, byte[] sourceMac, int myNonce, byte[] nid, byte[] nmk)
        {
            int length = MmeHeader.Clear(frame, Length);
            MmeHeader.Write(frame, destinationMac, sourceMac, MmeHeader.MmvAv11, MmType.CmSetKeyReq);
            frame[OffsetKeyType] = KeyTypeNmk;
            frame[OffsetMyNonce] = (byte)myNonce;
            frame[OffsetMyNonce + 1] = (byte)(myNonce >> 8);
            frame[OffsetMyNonce + 2] = (byte)(myNonce >> 16);
            frame[OffsetMyNonce + 3] = (byte)(myNonce >> 24);
            frame[OffsetPid] = PidHle;
            MmeHeader.CopyOrZero(nid, frame, OffsetNid, MmeHeader.NidLength);
            frame[OffsetNewEks] = NewEksNmk;
            MmeHeader.CopyOrZero(nmk, frame, OffsetNewKey, MmeHeader.NmkLength);
            return length;
        }
    }
}
