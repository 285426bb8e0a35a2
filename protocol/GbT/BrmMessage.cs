namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BRM, BMS and vehicle identification (PF 0x02, TP, 250 ms, BMS → charger). 49 bytes with every
    /// option (2015: b42-b49 BMS software version); 2011-era BMSs send 41 bytes / 6 packets, and the
    /// 2015 table itself still says 41, so both are accepted; b1-b8 are mandatory [digest §4, §9.1, S2;
    /// R1, R2, R2b]. The text fields are held in preallocated arrays: Read allocates nothing.
    /// </summary>
    public sealed class BrmMessage
    {
        /// <summary>Length with every 2015 option, bytes.</summary>
        public const int FullLength = 49;

        /// <summary>2011 length (no BMS software version), bytes.</summary>
        public const int Length2011 = 41;

        /// <summary>The mandatory part (version, battery type, capacity, rated voltage), bytes.</summary>
        public const int MandatoryLength = 8;

        public const int VinLength = 17;
        public const int SoftwareVersionLength = 8;

        public const int BatteryLeadAcid = 0x01;
        public const int BatteryNiMh = 0x02;
        public const int BatteryLfp = 0x03;
        public const int BatteryLmo = 0x04;
        public const int BatteryLco = 0x05;
        public const int BatteryNcm = 0x06;
        public const int BatteryLiPolymer = 0x07;
        public const int BatteryLto = 0x08;
        public const int BatteryOther = 0xFF;

        /// <summary>Offset of the production year byte, years.</summary>
        public const int YearOffset = 1985;

        private const int OffsetMaker = 8;
        private const int OffsetPackSerial = 12;
        private const int OffsetYear = 16;
        private const int OffsetCycles = 19;
        private const int OffsetOwnership = 22;
        private const int OffsetReserved = 23;
        private const int OffsetVin = 24;
        private const int OffsetSoftware = 41;

        private static readonly string[] BatteryNames = { "?", "lead-acid", "NiMH", "LFP", "LMO", "LCO", "NCM", "Li-polymer", "LTO" };

        /// <summary>Bytes Write sends: 49 (2015) or 41 (2011); set by Read to what was received.</summary>
        public int Length = FullLength;

        /// <summary>BMS protocol version, b1 (minor) and b2-b3 (major): V1.1 = `01 01 00`.</summary>
        public int VersionMinor = 1;

        public int VersionMajor = 1;

        /// <summary>Battery type, b4 (<see cref="BatteryLfp"/>, <see cref="BatteryNcm"/>, ...).</summary>
        public int BatteryType = BatteryOther;

        /// <summary>Rated capacity, Ah (0.1 Ah/bit).</summary>
        public double RatedCapacityAh;

        /// <summary>Rated total voltage, V (0.1 V/bit).</summary>
        public double RatedVoltageV;

        /// <summary>Battery maker, b9-b12, ASCII (optional: FF). Preallocated.</summary>
        public readonly byte[] Maker = { 0xFF, 0xFF, 0xFF, 0xFF };

        /// <summary>Pack serial number, b13-b16 (optional: FF). Preallocated.</summary>
        public readonly byte[] PackSerial = { 0xFF, 0xFF, 0xFF, 0xFF };

        /// <summary>Production year, b17 + 1985 (2240 = FF = not given).</summary>
        public int ProductionYear = YearOffset + 0xFF;

        /// <summary>Production month, b18 (0xFF = not given).</summary>
        public int ProductionMonth = 0xFF;

        /// <summary>Production day, b19 (0xFF = not given).</summary>
        public int ProductionDay = 0xFF;

        /// <summary>Charge cycle count, b20-b22 (0xFFFFFF = not given).</summary>
        public int ChargeCycles = 0xFFFFFF;

        /// <summary>Ownership, b23: 0 leased, 1 owned, 0xFF not given.</summary>
        public int Ownership = 0xFF;

        /// <summary>VIN, b25-b41, 17 ASCII bytes (optional: FF). Preallocated.</summary>
        public readonly byte[] Vin = new byte[VinLength];

        /// <summary>BMS software version, b42-b49 (2015 only, optional: FF). Preallocated.</summary>
        public readonly byte[] SoftwareVersion = new byte[SoftwareVersionLength];

        public BrmMessage()
        {
            GbtBytes.Fill(Vin, 0, VinLength);
            GbtBytes.Fill(SoftwareVersion, 0, SoftwareVersionLength);
        }

        /// <summary>Name of a battery type ("NCM", "other" for FF, "?" otherwise).</summary>
        public static string BatteryTypeName(int type)
        {
            if (type == BatteryOther)
            {
                return "other";
            }

            return type >= 0 && type < BatteryNames.Length ? BatteryNames[type] : "?";
        }

        /// <summary>Writes <see cref="Length"/> bytes (41 or 49; anything else is sent as 49) and returns it.</summary>
        public int Write(byte[] payload)
        {
            int length = Length == Length2011 ? Length2011 : FullLength;
            payload[0] = (byte)VersionMinor;
            GbtBytes.WriteUInt16(payload, 1, VersionMajor);
            payload[3] = (byte)BatteryType;
            GbtBytes.WriteUInt16(payload, 4, GbtBytes.Unscale(RatedCapacityAh, 0.1, 0, 0xFFFF));
            GbtBytes.WriteUInt16(payload, 6, GbtBytes.Unscale(RatedVoltageV, 0.1, 0, 0xFFFF));
            Copy(Maker, 0, payload, OffsetMaker, 4);
            Copy(PackSerial, 0, payload, OffsetPackSerial, 4);
            payload[OffsetYear] = (byte)(ProductionYear - YearOffset);
            payload[OffsetYear + 1] = (byte)ProductionMonth;
            payload[OffsetYear + 2] = (byte)ProductionDay;
            GbtBytes.WriteUInt24(payload, OffsetCycles, ChargeCycles);
            payload[OffsetOwnership] = (byte)Ownership;
            payload[OffsetReserved] = GbtBytes.FillByte;
            Copy(Vin, 0, payload, OffsetVin, VinLength);
            if (length == FullLength)
            {
                Copy(SoftwareVersion, 0, payload, OffsetSoftware, SoftwareVersionLength);
            }

            return length;
        }

        /// <summary>
        /// Reads a BRM of 8 to 49 bytes (41 and 49 are what BMSs send); the options a shorter BRM does
        /// not carry read as "not given" (FF). False below the mandatory 8 bytes.
        /// </summary>
        public bool Read(byte[] payload, int length)
        {
            if (!GbtMessageCheck.Fits(payload, length, MandatoryLength))
            {
                return false;
            }

            if (length > FullLength)
            {
                length = FullLength;
            }

            Length = length;
            VersionMinor = payload[0];
            VersionMajor = GbtBytes.ReadUInt16(payload, 1);
            BatteryType = payload[3];
            RatedCapacityAh = GbtBytes.ReadUInt16(payload, 4) * 0.1;
            RatedVoltageV = GbtBytes.ReadUInt16(payload, 6) * 0.1;
            CopyOrFill(payload, length, OffsetMaker, Maker, 4);
            CopyOrFill(payload, length, OffsetPackSerial, PackSerial, 4);
            ProductionYear = YearOffset + ByteOrFill(payload, length, OffsetYear);
            ProductionMonth = ByteOrFill(payload, length, OffsetYear + 1);
            ProductionDay = ByteOrFill(payload, length, OffsetYear + 2);
            ChargeCycles = ByteOrFill(payload, length, OffsetCycles)
                | (ByteOrFill(payload, length, OffsetCycles + 1) << 8)
                | (ByteOrFill(payload, length, OffsetCycles + 2) << 16);
            Ownership = ByteOrFill(payload, length, OffsetOwnership);
            CopyOrFill(payload, length, OffsetVin, Vin, VinLength);
            CopyOrFill(payload, length, OffsetSoftware, SoftwareVersion, SoftwareVersionLength);
            return true;
        }

        /// <summary>True if the VIN holds 17 printable ASCII characters (not the FF or 00 of "not given").</summary>
        public bool HasVin
        {
            get
            {
                for (int i = 0; i < VinLength; i++)
                {
                    if (Vin[i] < 0x21 || Vin[i] > 0x7E)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        private static int ByteOrFill(byte[] payload, int length, int offset)
        {
            return offset < length ? payload[offset] : GbtBytes.FillByte;
        }

        private static void CopyOrFill(byte[] payload, int length, int offset, byte[] target, int count)
        {
            for (int i = 0; i < count; i++)
            {
                target[i] = offset + i < length ? payload[offset + i] : GbtBytes.FillByte;
            }
        }

        private static void Copy(byte[] source, int sourceOffset, byte[] target, int targetOffset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                target[targetOffset + i] = source[sourceOffset + i];
            }
        }
    }
}
