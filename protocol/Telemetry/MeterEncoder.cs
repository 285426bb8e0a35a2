namespace V2G.Protocol.Telemetry
{
    /// <summary>Encodes a <see cref="MeterRecord"/> as the <c>meter</c> payload (energies with 1 decimal, Wh). Allocates nothing.</summary>
    public static class MeterEncoder
    {
        /// <summary>Decimals of the energy registers, Wh.</summary>
        public const int EnergyDecimals = 1;

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
            w.EndObject();
            return !w.Overflowed;
        }
    }
}
