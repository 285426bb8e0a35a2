namespace V2G.Protocol.GbT.Discharge
{
    /// <summary>
    /// BDC, BMS Discharge Capability (BMS → charger, id 0x18EF56F4, 8 bytes): b1 = 0x02, b2 version,
    /// b3-b4 the battery's maximum discharge current (0.1 A/bit, −400 A, + = discharge; raw 4000 = 0 A =
    /// no discharge), b5-b6 maximum discharge power (0.1 kW/bit), b7-b8 minimum pack voltage for
    /// discharge (0.1 V/bit). The BMS sends it every 250 ms from the first CDC it receives until CRO(AAh).
    /// Discharge is agreed only if a version-1 BDC with current and power above 0 arrives before BRO(AAh).
    /// See <see cref="DischargeExtension"/>.
    /// </summary>
    public sealed class BdcMessage
    {
        /// <summary>Extension version (b2); <see cref="DischargeExtension.Version"/> when written by us.</summary>
        public int Version = DischargeExtension.Version;

        /// <summary>The battery's maximum discharge current, A, standard's sign (≥ 0; 0 = no discharge).</summary>
        public double MaxDischargeCurrentA;

        /// <summary>The battery's maximum discharge power, kW (0 = no discharge).</summary>
        public double MaxDischargePowerKw;

        /// <summary>The lowest pack voltage to which the battery may be discharged, V.</summary>
        public double MinPackVoltageV;

        /// <summary>Writes the 8-byte payload and returns its length (8).</summary>
        public int Write(byte[] payload)
        {
            return DischargeExtension.WriteFrame(payload, DischargeExtension.BdcId, Version,
                MaxDischargeCurrentA, MaxDischargePowerKw, MinPackVoltageV);
        }

        /// <summary>
        /// Reads a payload; false (fields unchanged) unless it has 8 bytes and b1 is the BDC id. The
        /// version is taken as sent: whether it is acceptable is the agreement's decision.
        /// </summary>
        public bool Read(byte[] payload, int length)
        {
            if (DischargeExtension.IdOf(payload, length) != DischargeExtension.BdcId)
            {
                return false;
            }

            Version = payload[DischargeExtension.OffsetVersion];
            MaxDischargeCurrentA = GbtBytes.CurrentFromRaw(GbtBytes.ReadUInt16(payload, DischargeExtension.OffsetCurrent));
            MaxDischargePowerKw = GbtBytes.ReadUInt16(payload, DischargeExtension.OffsetPower) * DischargeExtension.PowerResolutionKw;
            MinPackVoltageV = GbtBytes.ReadUInt16(payload, DischargeExtension.OffsetVoltage) * DischargeExtension.VoltageResolutionV;
            return true;
        }
    }
}
