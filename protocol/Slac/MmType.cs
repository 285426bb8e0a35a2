namespace V2G.Protocol.Slac
{
    /// <summary>
    /// MMTYPE values of the management messages SLAC uses (digest §2.3). Bits 1..0 are the mode
    /// (REQ 0, CNF 1, IND 2, RSP 3); 0x6000 is the STA–STA ("CM_") category, 0xA000 the vendor one.
    /// </summary>
    public static class MmType
    {
        public const int CmSetKeyReq = 0x6008;
        public const int CmSetKeyCnf = 0x6009;
        public const int CmSlacParmReq = 0x6064;
        public const int CmSlacParmCnf = 0x6065;
        public const int CmStartAttenCharInd = 0x606A;
        public const int CmAttenCharInd = 0x606E;
        public const int CmAttenCharRsp = 0x606F;
        public const int CmMnbcSoundInd = 0x6076;
        public const int CmValidateReq = 0x6078;
        public const int CmValidateCnf = 0x6079;
        public const int CmSlacMatchReq = 0x607C;
        public const int CmSlacMatchCnf = 0x607D;

        /// <summary>Sent by the EVSE's own modem, one per sound heard; defined by ISO 15118-3, not HomePlug GP [V:E1 comment].</summary>
        public const int CmAttenProfileInd = 0x6086;

        /// <summary>Qualcomm VS_SW_VER ("GET_SW"), MMV 0.</summary>
        public const int VsSwVerReq = 0xA000;
        public const int VsSwVerCnf = 0xA001;

        /// <summary>Qualcomm VS_RS_DEV (modem reset), MMV 0.</summary>
        public const int VsRsDevReq = 0xA01C;

        /// <summary>Qualcomm VS_PL_LINK_STATUS, MMV 0.</summary>
        public const int VsPlLinkStatusReq = 0xA0B8;
        public const int VsPlLinkStatusCnf = 0xA0B9;
    }
}
