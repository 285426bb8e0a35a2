using System;
using System.Text.Json;

namespace V2G.Aggregator
{
    /// <summary>
    /// One message of <c>v2g/1/{id}/telemetry</c>. Powers are AC at the grid connection point,
    /// + import (charging) / − export (discharging); DC quantities are the vehicle side. A number the
    /// charger left out or sent as null is null here.
    /// </summary>
    public sealed class TelemetrySample
    {
        public string ChargerId { get; set; }

        /// <summary>The charger's own timestamp of the sample (not when it arrived).</summary>
        public DateTimeOffset Timestamp { get; set; }

        public long Seq { get; set; }

        /// <summary>Replayed from the charger's outage queue, not live.</summary>
        public bool Historical { get; set; }

        public string State { get; set; }

        /// <summary>AC power at the grid connection point, + import / − export.</summary>
        public double? PowerW { get; set; }

        public double? DcVoltageV { get; set; }

        /// <summary>+ into the vehicle.</summary>
        public double? DcCurrentA { get; set; }

        public double? DcPowerW { get; set; }

        public double? FrequencyHz { get; set; }

        public double? SocPercent { get; set; }

        /// <summary>The dispatch setpoint in force (AC, + import), null when none.</summary>
        public double? SetpointW { get; set; }

        public string SetpointId { get; set; }

        /// <summary>The frequency droop's contribution (AC, + import).</summary>
        public double? DroopW { get; set; }

        public string LimitReason { get; set; }

        public string BatteryClipReason { get; set; }

        /// <summary>How many faults are active.</summary>
        public long Faults { get; set; }

        /// <summary>Reads one telemetry payload; null with <paramref name="error"/> when it is not a sample (no ts or seq).</summary>
        public static TelemetrySample Parse(string chargerId, ReadOnlySpan<byte> payload, out string error)
        {
            using JsonDocument doc = JsonFields.ParseObject(payload, out error);
            if (doc == null)
            {
                return null;
            }

            JsonElement o = doc.RootElement;
            DateTimeOffset? ts = JsonFields.Timestamp(o, "ts");
            long? seq = JsonFields.Integer(o, "seq");
            if (ts == null || seq == null)
            {
                error = ts == null ? "no valid 'ts'" : "no integer 'seq'";
                return null;
            }

            return new TelemetrySample
            {
                ChargerId = chargerId,
                Timestamp = ts.Value,
                Seq = seq.Value,
                Historical = JsonFields.Boolean(o, "hist") ?? false,
                State = JsonFields.String(o, "state"),
                PowerW = JsonFields.Number(o, "power_W"),
                DcVoltageV = JsonFields.Number(o, "dc_V"),
                DcCurrentA = JsonFields.Number(o, "dc_A"),
                DcPowerW = JsonFields.Number(o, "dc_power_W"),
                FrequencyHz = JsonFields.Number(o, "frequency_Hz"),
                SocPercent = JsonFields.Number(o, "soc_pct"),
                SetpointW = JsonFields.Number(o, "setpoint_W"),
                SetpointId = JsonFields.String(o, "setpoint_id"),
                DroopW = JsonFields.Number(o, "droop_W"),
                LimitReason = JsonFields.String(o, "limit_reason"),
                BatteryClipReason = JsonFields.String(o, "battery_clip_reason"),
                Faults = JsonFields.Integer(o, "faults") ?? 0,
            };
        }
    }
}
