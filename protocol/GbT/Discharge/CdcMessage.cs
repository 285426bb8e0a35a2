namespace V2G.Protocol.GbT.Discharge
{
    /// <summary>
    /// CDC, Charger Discharge Capability (charger → BMS, id 0x18EFF456, 8 bytes): b1 = 0x01, b2 version,
    /// b3-b4 maximum discharge current (0.1 A/bit, −400 A, + = discharge: 100 A is raw 5000 = 0x1388),
    /// b5-b6 maximum discharge power (0.1 kW/bit), b7-b8 minimum output voltage while discharging
    /// (0.1 V/bit). The charger sends it every 250 ms from its first CML until it receives BDC or
    /// BRO(AAh). See <see cref="DischargeExtension"/>.
    /// </summary>
    public sealed class CdcMessage
    {
        /// <summary>Extension version (b2); <see cref="DischargeExtension.Version"/> when written by us.</summary>
        public int Version = DischargeExtension.Version;

        /// <summary>The charger's maximum discharge current, A, standard's sign (≥ 0 for discharge).</summary>
        public double MaxDischargeCurrentA;

        /// <summary>The charger's maximum discharge power, kW.</summary>
        public double MaxDischargePowerKw;

        /// <summary>The lowest output voltage at which the charger discharges the battery, V.</summary>
        public double MinDischargeVoltageV;

        /// <summary>Writes the 8-byte payload and returns its length (8).</summary>
        public int Write(byte[] payload)
        {
            return DischargeExtension.WriteFrame(payload, DischargeExtension.CdcId, Version,
                MaxDischargeCurrentA, MaxDischargePowerKw, MinDischargeVoltageV);
        }

        /// <summary>
        /// Reads a payload; false (fields unchanged) unless it has 8 bytes and b1 is the CDC id. The
        /// version is taken as sent: whether it is acceptable is the agreement's decision.
        /// </summary>
        public bool Read(byte[] payload, int length)
        {
            if (DischargeExtension.IdOf(payload, length) != DischargeExtension.CdcId)
            {
                return false;
            }

            Version = payload[DischargeExtension.OffsetVersion];
            MaxDischargeCurrentA = GbtBytes.CurrentFromRaw(GbtBytes.ReadUInt16(payload, DischargeExtension.OffsetCurrent));
            MaxDischargePowerKw = GbtBytes.ReadUInt16(payload, DischargeExtension.OffsetPower) * DischargeExtension.PowerResolutionKw;
            MinDischargeVoltageV = GbtBytes.ReadUInt16(payload, DischargeExtension.OffsetVoltage) * DischargeExtension.VoltageResolutionV;
            return true;
        }
    }
}
