namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// Encodes a <see cref="MeterRecord"/> as the <c>meter</c> payload: the energies with 1 decimal, Wh; the
    /// battery figures (<c>battery</c>: EFC and capacity loss with 4 decimals, the cost with 2, the cost per kWh
    /// with 4); <c>clip_counts</c> with only the reasons that clipped. Allocates nothing.
    /// </summary>
    public static class MeterEncoder
    {
        /// <summary>Decimals of the energy registers, Wh.</summary>
        public const int EnergyDecimals = 1;

        /// <summary>Decimals of the equivalent full cycles and of the capacity loss, %.</summary>
        public const int WearDecimals = 4;

        /// <summary>Decimals of a cost (currency units).</summary>
        public const int CostDecimals = 2;

        /// <summary>Decimals of a cost per kWh.</summary>
        public const int CostPerKWhDecimals = 4;

        /// <summary>Resets <paramref name="w"/> and writes the record; false if it did not fit.</summary>
        public static bool Write(JsonWriter w, ref MeterRecord m, bool historical)
        {
            w.Reset();
            w.BeginObject();
            w.Timestamp("ts", m.UnixMs);
            w.Integer("seq", m.Seq);
            w.Boolean("hist", historical);
            w.Number("energy_Wh_import", m.EnergyImportWh, EnergyDecimals);
            w.Number("energy_Wh_export", m.EnergyExportWh, EnergyDecimals);
            w.Number("session_Wh_charged", m.SessionChargedWh, EnergyDecimals);
            w.Number("session_Wh_discharged", m.SessionDischargedWh, EnergyDecimals);
            w.Integer("sessions", m.Sessions);

            w.BeginObject("battery");
            w.Number("session_efc", m.SessionEfc, WearDecimals);
            w.Number("lifetime_efc", m.LifetimeEfc, WearDecimals);
            w.Number("capacity_loss_pct", m.CapacityLossPercent, WearDecimals);
            w.Number("degradation_cost", m.DegradationCost, CostDecimals);
            w.Number("cost_per_kWh_discharged", m.CostPerKWhDischarged, CostPerKWhDecimals);
            w.String("currency", m.Currency ?? string.Empty);
            w.EndObject();

            // Only the reasons that clipped: the record stays within the outage queue's 512 bytes.
            w.BeginObject("clip_counts");
            int count = m.ClipReasonNames == null || m.ClipTicks == null ? 0 : m.ClipReasonCount;
            for (int i = 0; i < count && i < m.ClipReasonNames.Length && i < m.ClipTicks.Length; i++)
            {
                if (m.ClipTicks[i] > 0)
                {
                    w.Integer(m.ClipReasonNames[i], m.ClipTicks[i]);
                }
            }

            w.EndObject();
            w.EndObject();
            return !w.Overflowed;
        }
    }
}
