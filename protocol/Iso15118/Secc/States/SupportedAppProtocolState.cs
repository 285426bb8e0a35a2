using V2G.Protocol.Iso15118.Generated.AppHand;
using V2G.Protocol.Session;

namespace V2G.Protocol.Iso15118.Secc.States
{
    /// <summary>
    /// supportedAppProtocol (payload type 0x8001): of the offered protocols the charger takes
    /// "urn:iso:std:iso:15118:-20:DC" major version 1 with the lowest Priority value; otherwise it
    /// answers Failed_NoNegotiation and the connection closes.
    /// </summary>
    public static class SupportedAppProtocolState
    {
        /// <summary>The only major version of the -20 DC namespace the charger speaks.</summary>
        public const uint SupportedMajorVersion = 1;

        /// <summary>The minor version the charger implements (a different one is a minor deviation).</summary>
        public const uint SupportedMinorVersion = 0;

        public static ResponseCodeType Handle(SupportedAppProtocolReqType req, SupportedAppProtocolResType res, SeccContext ctx)
        {
            int chosen = -1;
            for (int i = 0; i < req.AppProtocolCount; i++)
            {
                AppProtocolType p = req.AppProtocol[i];
                if (p == null || !p.ProtocolNamespace.Equals(ServiceIds.Iso20DcNamespace) || p.VersionNumberMajor != SupportedMajorVersion)
                {
                    continue;
                }

                if (chosen < 0 || p.Priority < req.AppProtocol[chosen].Priority)
                {
                    chosen = i;
                }
            }

            SeccContext.Detail(ctx.RequestDetails, "offered", req.AppProtocolCount);
            if (chosen < 0)
            {
                res.ResponseCode = ResponseCodeType.Failed_NoNegotiation;
                res.HasSchemaID = false;
                ctx.CloseAfterMs = 0;
                return res.ResponseCode;
            }

            AppProtocolType selected = req.AppProtocol[chosen];
            res.ResponseCode = selected.VersionNumberMinor == SupportedMinorVersion
                ? ResponseCodeType.OK_SuccessfulNegotiation
                : ResponseCodeType.OK_SuccessfulNegotiationWithMinorDeviation;
            res.SchemaID = selected.SchemaID;
            res.HasSchemaID = true;
            SeccContext.Detail(ctx.ResponseDetails, "SchemaID", selected.SchemaID);

            ctx.Port.CommunicationStarted(SessionProtocol.Iso15118_20);
            ctx.State = SeccState.WaitSessionSetup;
            return res.ResponseCode;
        }
    }
}
