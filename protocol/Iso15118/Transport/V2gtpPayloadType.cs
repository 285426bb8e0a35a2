namespace V2G.Protocol.Iso15118.Transport
{
    /// <summary>
    /// V2GTP payload types (ISO 15118-20 transport; see shared/spec/iso15118-20.md, "Transport"). The payload
    /// type is the only thing that says which EXI grammar decodes a body, so a reader accepts only the types
    /// its context can carry (<see cref="SessionTypes"/> on TCP, <see cref="SdpRequestTypes"/> on the SDP port).
    /// </summary>
    public static class V2gtpPayloadType
    {
        /// <summary>supportedAppProtocolReq/Res (appHand grammar).</summary>
        public const ushort SupportedAppProtocol = 0x8001;

        /// <summary>ISO 15118-20 CommonMessages.</summary>
        public const ushort CommonMessages = 0x8002;

        /// <summary>ISO 15118-20 AC messages.</summary>
        public const ushort Ac = 0x8003;

        /// <summary>ISO 15118-20 DC messages (DC and DC_BPT).</summary>
        public const ushort Dc = 0x8004;

        /// <summary>ISO 15118-20 ACDP (automated connection device, pantograph) messages.</summary>
        public const ushort Acdp = 0x8005;

        /// <summary>ISO 15118-20 WPT (wireless power transfer) messages.</summary>
        public const ushort Wpt = 0x8006;

        /// <summary>Schedule renegotiation (0x8007..0x8100 are reserved).</summary>
        public const ushort ScheduleRenegotiation = 0x8101;

        /// <summary>Metering confirmation.</summary>
        public const ushort MeteringConfirmation = 0x8102;

        /// <summary>ACDP system status.</summary>
        public const ushort AcdpSystemStatus = 0x8103;

        /// <summary>Parking status.</summary>
        public const ushort ParkingStatus = 0x8104;

        /// <summary>SDP request, EV to charger by UDP (2-byte body).</summary>
        public const ushort SdpRequest = 0x9000;

        /// <summary>SDP response, charger to EV by UDP (20-byte body).</summary>
        public const ushort SdpResponse = 0x9001;

        /// <summary>Wireless SDP request (WPT).</summary>
        public const ushort WirelessSdpRequest = 0x9002;

        /// <summary>Wireless SDP response (WPT).</summary>
        public const ushort WirelessSdpResponse = 0x9003;

        /// <summary>The types a V2G TCP (or TLS) connection carries: 0x8001..0x8006 and 0x8101..0x8104.</summary>
        public static ushort[] SessionTypes()
        {
            return new ushort[]
            {
                SupportedAppProtocol, CommonMessages, Ac, Dc, Acdp, Wpt,
                ScheduleRenegotiation, MeteringConfirmation, AcdpSystemStatus, ParkingStatus,
            };
        }

        /// <summary>What the charger's SDP server accepts: the (wired) SDP request.</summary>
        public static ushort[] SdpRequestTypes()
        {
            return new ushort[] { SdpRequest };
        }

        /// <summary>What the EV's SDP client accepts: the (wired) SDP response.</summary>
        public static ushort[] SdpResponseTypes()
        {
            return new ushort[] { SdpResponse };
        }

        /// <summary>True if <paramref name="payloadType"/> is one of the types ISO 15118-20 defines.</summary>
        public static bool IsDefined(ushort payloadType)
        {
            return Name(payloadType) != null;
        }

        /// <summary>True if <paramref name="payloadType"/> is in <paramref name="accepted"/>.</summary>
        public static bool IsIn(ushort payloadType, ushort[] accepted)
        {
            if (accepted == null)
            {
                return false;
            }

            for (int i = 0; i < accepted.Length; i++)
            {
                if (accepted[i] == payloadType)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A stable name for logs, or null for a reserved or unknown type.</summary>
        public static string Name(ushort payloadType)
        {
            switch (payloadType)
            {
                case SupportedAppProtocol: return "supported_app_protocol";
                case CommonMessages: return "common_messages";
                case Ac: return "ac";
                case Dc: return "dc";
                case Acdp: return "acdp";
                case Wpt: return "wpt";
                case ScheduleRenegotiation: return "schedule_renegotiation";
                case MeteringConfirmation: return "metering_confirmation";
                case AcdpSystemStatus: return "acdp_system_status";
                case ParkingStatus: return "parking_status";
                case SdpRequest: return "sdp_request";
                case SdpResponse: return "sdp_response";
                case WirelessSdpRequest: return "wireless_sdp_request";
                case WirelessSdpResponse: return "wireless_sdp_response";
                default: return null;
            }
        }
    }
}
