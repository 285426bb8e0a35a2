namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// Encodes a <see cref="TelemetrySample"/> as the <c>telemetry</c> payload, e.g.
    /// <c>{"ts":"2026-11-26T05:00:01.000Z","seq":17,"hist":false,"state":"energy_transfer","power_W":-7400.0,…}</c>,
    /// with fixed decimals (power 1, V 2, A 2, Hz 3, SoC 1) so the text never depends on the
    /// platform's double formatting. Allocates nothing.
    /// </summary>
    public static class TelemetryEncoder
    {
        /// <summary>Decimals of every power figure, W.</summary>
        public const int PowerDecimals = 1;

        /// <summary>Decimals of voltages, V.</summary>
        public const int VoltageDecimals = 2;

        /// <summary>Decimals of currents, A.</summary>
        public const int CurrentDecimals = 2;

        /// <summary>Decimals of the frequency, Hz.</summary>
        public const int FrequencyDecimals = 3;

        /// <summary>Decimals of the state of charge, %.</summary>
        public const int SocDecimals = 1;

        /// <summary>
        /// Resets <paramref name="w"/> and writes the sample as one document; <paramref name="historical"/>
        /// (replayed from the outage queue) sets "hist". False if it did not fit (do not send it).
        /// </summary>
        public static bool Write(JsonWriter w, ref TelemetrySample s, bool historical)
        {
            w.Reset();
            w.BeginObject();
            w.Timestamp("ts", s.UnixMs);
            w.Integer("seq", s.Seq);
            w.Boolean("hist", historical);
            w.String("state", s.State);
            w.Number("power_W", s.PowerW, PowerDecimals);
            w.Number("dc_V", s.DcVoltageV, VoltageDecimals);
            w.Number("dc_A", s.DcCurrentA, CurrentDecimals);
            w.Number("dc_power_W", s.DcPowerW, PowerDecimals);
            w.Number("frequency_Hz", s.FrequencyHz, FrequencyDecimals);
            w.Number("soc_pct", s.SocPercent, SocDecimals);
            if (s.HasSetpoint)
            {
                w.Number("setpoint_W", s.SetpointW, PowerDecimals);
                w.String("setpoint_id", s.SetpointId);
            }
            else
            {
                w.Null("setpoint_W");
                w.Null("setpoint_id");
            }

            w.Number("droop_W", s.DroopW, PowerDecimals);
            w.String("limit_reason", s.LimitReason);
            w.String("battery_clip_reason", s.BatteryClipReason);
            w.Number("battery_clipped_dc_W", s.BatteryClippedDcW, PowerDecimals);
            w.Integer("faults", s.ActiveFaults);
            w.EndObject();
            return !w.Overflowed;
        }
    }
}
