namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// Encodes the retained <c>limits</c> payload: the limits in force, both as positive magnitudes in W
    /// AC, and what sets each (<see cref="LimitSources"/>), so an aggregator sees why a setpoint is clamped.
    /// </summary>
    public static class LimitsEncoder
    {
        /// <summary>Resets <paramref name="w"/> and writes the limits; false if they did not fit.</summary>
        public static bool Write(JsonWriter w, long unixMs, double maxImportW, double maxExportW, string sourceImport, string sourceExport)
        {
            w.Reset();
            w.BeginObject();
            w.Timestamp("ts", unixMs);
            w.Number("max_import_W", maxImportW, TelemetryEncoder.PowerDecimals);
            w.Number("max_export_W", maxExportW, TelemetryEncoder.PowerDecimals);
            w.String("source_import", sourceImport);
            w.String("source_export", sourceExport);
            w.EndObject();
            return !w.Overflowed;
        }
    }
}
