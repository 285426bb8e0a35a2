namespace V2G.Protocol.Slac
{
    /// <summary>Names of the <see cref="MmType"/> values for the message log (constant strings: no allocation).</summary>
    public static class MmTypeNames
    {
        /// <summary>The MME's name, e.g. "CM_SLAC_PARM.REQ", or "MME" for a type not listed in <see cref="MmType"/>.</summary>
        public static string Of(int mmType)
        {
            switch (mmType)
            {
                case MmType.CmSetKeyReq: return "CM_SET_KEY.REQ";
                case MmType.CmSetKeyCnf: return "CM_SET_KEY.CNF";
                case MmType.CmSlacParmReq: return "CM_SLAC_PARM.REQ";
                case MmType.CmSlacParmCnf: return "CM_SLAC_PARM.CNF";
                case MmType.CmStartAttenCharInd: return "CM_START_ATTEN_CHAR.IND";
                case MmType.CmAttenCharInd: return "CM_ATTEN_CHAR.IND";
                case MmType.CmAttenCharRsp: return "CM_ATTEN_CHAR.RSP";
                case MmType.CmMnbcSoundInd: return "CM_MNBC_SOUND.IND";
                case MmType.CmValidateReq: return "CM_VALIDATE.REQ";
                case MmType.CmValidateCnf: return "CM_VALIDATE.CNF";
                case MmType.CmSlacMatchReq: return "CM_SLAC_MATCH.REQ";
                case MmType.CmSlacMatchCnf: return "CM_SLAC_MATCH.CNF";
                case MmType.CmAttenProfileInd: return "CM_ATTEN_PROFILE.IND";
                case MmType.VsSwVerReq: return "VS_SW_VER.REQ";
                case MmType.VsSwVerCnf: return "VS_SW_VER.CNF";
                case MmType.VsRsDevReq: return "VS_RS_DEV.REQ";
                case MmType.VsPlLinkStatusReq: return "VS_PL_LINK_STATUS.REQ";
                case MmType.VsPlLinkStatusCnf: return "VS_PL_LINK_STATUS.CNF";
                default: return "MME";
            }
        }
    }
}
