namespace V2G.Protocol.GbT.Discharge
{
    /// <summary>
    /// Our own discharge extension to GB/T 27930-2015 (off by default). The 2015 edition and 2023
    /// Category A define no discharge procedure, only the sign convention (+ current = discharge)
    /// [digest §8, S2, S11]; the extension adds two capability frames on the SAE J1939
    /// "Proprietary A" PGN 0x00EF00 (PDU1, PS = destination, priority 6, 8 bytes, unused bytes 0xFF)
    /// and changes nothing else on the wire. Byte 1 names the extension message, byte 2 its version.
    /// A BMS without the extension ignores CDC as an unknown proprietary PGN; the session is then
    /// charge-only, without error or timeout.
    /// </summary>
    public static class DischargeExtension
    {
        /// <summary>PF of J1939 Proprietary A (PGN 0x00EF00): &lt; 240, so PDU1 with PS = destination.</summary>
        public const int Pf = 0xEF;

        /// <summary>Priority of both frames (ids 0x18EFF456 charger → BMS, 0x18EF56F4 BMS → charger).</summary>
        public const int Priority = 6;

        /// <summary>The extension version this codec writes and the only one an agreement accepts.</summary>
        public const int Version = 1;

        /// <summary>Byte 1 of CDC, Charger Discharge Capability (charger → BMS).</summary>
        public const int CdcId = 0x01;

        /// <summary>Byte 1 of BDC, BMS Discharge Capability (BMS → charger).</summary>
        public const int BdcId = 0x02;

        /// <summary>CDC and BDC are both repeated every 250 ms while they are sent.</summary>
        public const int PeriodMs = 250;

        /// <summary>Every extension frame is 8 bytes (J1939 Proprietary A single frame).</summary>
        public const int Length = 8;

        /// <summary>Offset of the message identifier (b1).</summary>
        public const int OffsetId = 0;

        /// <summary>Offset of the extension version (b2).</summary>
        public const int OffsetVersion = 1;

        /// <summary>Offset of the maximum discharge current (b3-b4, 0.1 A/bit, −400 A, + = discharge).</summary>
        public const int OffsetCurrent = 2;

        /// <summary>Offset of the maximum discharge power (b5-b6, 0.1 kW/bit).</summary>
        public const int OffsetPower = 4;

        /// <summary>Offset of the minimum voltage (b7-b8, 0.1 V/bit).</summary>
        public const int OffsetVoltage = 6;

        /// <summary>Resolution of the power field, kW per bit.</summary>
        public const double PowerResolutionKw = 0.1;

        /// <summary>Resolution of the voltage field, V per bit (as every GB/T voltage [digest §4, S2]).</summary>
        public const double VoltageResolutionV = 0.1;

        /// <summary>Largest raw value of a 2-byte field that is not "not available" (0xFFFF).</summary>
        internal const int MaxRaw16 = 0xFFFE;

        /// <summary>CAN id of CDC: 0x18EFF456.</summary>
        public static uint CdcCanId
        {
            get { return GbtCanId.Make(Priority, Pf, GbtAddress.Bms, GbtAddress.Charger); }
        }

        /// <summary>CAN id of BDC: 0x18EF56F4.</summary>
        public static uint BdcCanId
        {
            get { return GbtCanId.Make(Priority, Pf, GbtAddress.Charger, GbtAddress.Bms); }
        }

        /// <summary>
        /// The extension message identifier (b1) of a Proprietary A payload, or −1 when it is too short
        /// to be one of ours (fewer than 8 bytes) or null. Other users of PGN 0xEF00 exist, so an
        /// unknown identifier is returned as it is for the caller to ignore.
        /// </summary>
        public static int IdOf(byte[] payload, int length)
        {
            if (payload == null || length < Length || payload.Length < Length)
            {
                return -1;
            }

            return payload[OffsetId];
        }

        /// <summary>Writes the 8 bytes common to CDC and BDC (b1 id, b2 version, then the three fields).</summary>
        internal static int WriteFrame(byte[] payload, int id, int version, double currentA, double powerKw, double voltageV)
        {
            payload[OffsetId] = (byte)id;
            payload[OffsetVersion] = (byte)version;
            GbtBytes.WriteUInt16(payload, OffsetCurrent, ClampRaw(GbtBytes.CurrentToRaw(currentA)));
            GbtBytes.WriteUInt16(payload, OffsetPower, GbtBytes.Unscale(powerKw, PowerResolutionKw, 0, MaxRaw16));
            GbtBytes.WriteUInt16(payload, OffsetVoltage, GbtBytes.Unscale(voltageV, VoltageResolutionV, 0, MaxRaw16));
            return Length;
        }

        private static int ClampRaw(int raw)
        {
            return raw > MaxRaw16 ? MaxRaw16 : raw;
        }
    }
}
