namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// The frame offsets the modem models read and write, taken from the digest's tables (§2.2, §2.5,
    /// §2.10) and written here independently of the protocol's codec, so that the link model checks the
    /// codec instead of sharing its mistakes. Offsets count from the first byte of the Ethernet frame.
    /// </summary>
    internal static class PlcFrameLayout
    {
        public const int EthernetHeaderLength = 14;
        public const int MinFrameLength = 60;          // [V:E2 MME_MIN_LENGTH, L3]
        public const int MaxFrameLength = 1522;        // 1518, or 1522 with a VLAN tag [V:Q3, L3]
        public const int OffsetDestination = 0;
        public const int OffsetSource = 6;
        public const int OffsetEtherType = 12;
        public const int OffsetMmv = 14;
        public const int OffsetMmType = 15;            // little-endian [V:E2, P1]
        public const int OffsetFmi = 17;               // MMV ≥ 1 only
        public const int OffsetOui = 17;               // MMV 0 (Qualcomm vendor MMEs) [V:E1, P1, T1]
        public const int MacLength = 6;
        public const int NidLength = 7;
        public const int NmkLength = 16;
        public const int EtherTypeHomePlug = 0x88E1;

        public const int MmvAv10 = 0x00;
        public const int MmvAv11 = 0x01;

        public const int CmSetKeyReq = 0x6008;
        public const int CmSetKeyCnf = 0x6009;
        public const int CmSlacParmReq = 0x6064;       // first of the SLAC MMEs
        public const int CmMnbcSoundInd = 0x6076;
        public const int CmAttenProfileInd = 0x6086;   // last of the SLAC MMEs
        public const int VsSwVerReq = 0xA000;
        public const int VsSwVerCnf = 0xA001;
        public const int VsRsDevReq = 0xA01C;
        public const int VsRsDevCnf = 0xA01D;
        public const int VsPlLinkStatusReq = 0xA0B8;
        public const int VsPlLinkStatusCnf = 0xA0B9;

        // CM_SET_KEY.REQ [V:E1, E4, P1, S1, T1]
        public const int SetKeyReqKeyType = 19;
        public const int SetKeyReqMyNonce = 20;
        public const int SetKeyReqPid = 28;
        public const int SetKeyReqNid = 33;
        public const int SetKeyReqNewKey = 41;
        public const int SetKeyReqLength = 57;
        public const int KeyTypeNmk = 0x01;

        // CM_SET_KEY.CNF [V:E1, T1]
        public const int SetKeyCnfResult = 19;
        public const int SetKeyCnfMyNonce = 20;
        public const int SetKeyCnfYourNonce = 24;
        public const int SetKeyCnfPid = 28;            // PID, PRN (2), PMN, CCo capability: copied from the REQ
        public const int SetKeyCnfLength = 33;

        /// <summary>What a Qualcomm local modem answers when it took the key [V:P1, S1, T1] (pitfall 11).</summary>
        public const int SetKeyResultAccepted = 0x01;
        public const int SetKeyResultRefused = 0x00;

        // Vendor CNFs [V:T1, P1, E1, S1]
        public const int VendorStatus = 20;
        public const int SwVerCnfDevice = 21;
        public const int SwVerCnfVersionLength = 22;
        public const int SwVerCnfVersion = 23;
        public const int LinkStatusCnfStatus = 21;
        public const int LinkStatusCnfLength = 22;
        public const int RsDevCnfLength = 21;

        // CM_ATTEN_PROFILE.IND [V:E3, S1]
        public const int AttenProfilePevMac = 19;
        public const int AttenProfileNumGroups = 25;
        public const int AttenProfileAag = 27;
        public const int AagGroups = 58;
        public const int AttenProfileLength = 85;

        public static readonly byte[] LocalModemMac = { 0x00, 0xB0, 0x52, 0x00, 0x00, 0x01 };
        public static readonly byte[] QualcommOui = { 0x00, 0xB0, 0x52 };

        public static int WriteHeader(byte[] frame, byte[] destination, int destinationOffset, byte[] source, int mmv, int mmType)
        {
            Copy(destination, destinationOffset, frame, OffsetDestination, MacLength);
            Copy(source, 0, frame, OffsetSource, MacLength);
            frame[OffsetEtherType] = (byte)(EtherTypeHomePlug >> 8);
            frame[OffsetEtherType + 1] = (byte)(EtherTypeHomePlug & 0xFF);
            frame[OffsetMmv] = (byte)mmv;
            frame[OffsetMmType] = (byte)(mmType & 0xFF);
            frame[OffsetMmType + 1] = (byte)((mmType >> 8) & 0xFF);
            if (mmv == MmvAv10)
            {
                Copy(QualcommOui, 0, frame, OffsetOui, 3);
                return OffsetOui + 3;
            }

            frame[OffsetFmi] = 0;
            frame[OffsetFmi + 1] = 0;
            return OffsetFmi + 2;
        }

        public static bool IsHomePlug(byte[] frame, int length)
        {
            return length >= OffsetFmi
                && frame[OffsetEtherType] == (byte)(EtherTypeHomePlug >> 8)
                && frame[OffsetEtherType + 1] == (byte)(EtherTypeHomePlug & 0xFF);
        }

        public static int MmTypeOf(byte[] frame)
        {
            return frame[OffsetMmType] | (frame[OffsetMmType + 1] << 8);
        }

        public static bool IsBroadcast(byte[] frame, int offset)
        {
            for (int i = 0; i < MacLength; i++)
            {
                if (frame[offset + i] != 0xFF)
                {
                    return false;
                }
            }

            return true;
        }

        public static bool Equal(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (a[aOffset + i] != b[bOffset + i])
                {
                    return false;
                }
            }

            return true;
        }

        public static void Copy(byte[] source, int sourceOffset, byte[] target, int targetOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                target[targetOffset + i] = source[sourceOffset + i];
            }
        }

        public static void Zero(byte[] frame, int count)
        {
            for (int i = 0; i < count; i++)
            {
                frame[i] = 0;
            }
        }

        public static byte[] CopyMac(byte[] mac)
        {
            byte[] copy = new byte[MacLength];
            if (mac != null && mac.Length >= MacLength)
            {
                Copy(mac, 0, copy, 0, MacLength);
            }

            return copy;
        }
    }
}
