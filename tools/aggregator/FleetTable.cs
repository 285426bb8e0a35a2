using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace V2G.Aggregator
{
    /// <summary>
    /// The live table of <c>watch</c>: every message received under <c>v2g/1/</c> goes through
    /// <see cref="Apply"/>, and <see cref="Render"/> gives the lines to show. Thread-safe: MQTT
    /// messages arrive on the client's thread while the view draws on another.
    /// </summary>
    public sealed class FleetTable
    {
        private readonly object _lock = new object();
        private readonly SortedDictionary<string, ChargerRow> _rows = new SortedDictionary<string, ChargerRow>(StringComparer.Ordinal);
        private readonly HashSet<string> _only;

        /// <param name="onlyChargers">the chargers to show; null or empty for all</param>
        public FleetTable(IEnumerable<string> onlyChargers = null)
        {
            if (onlyChargers != null)
            {
                _only = new HashSet<string>(onlyChargers, StringComparer.Ordinal);
                if (_only.Count == 0)
                {
                    _only = null;
                }
            }
        }

        /// <summary>A sample read from the telemetry topic (live or replayed), for <c>--csv</c>.</summary>
        public event Action<TelemetrySample> SampleReceived;

        /// <summary>A copy of the rows, sorted by charger id.</summary>
        public IReadOnlyList<ChargerRow> Rows
        {
            get
            {
                lock (_lock)
                {
                    return _rows.Values.ToList();
                }
            }
        }

        public ChargerRow Find(string chargerId)
        {
            lock (_lock)
            {
                return _rows.TryGetValue(chargerId, out ChargerRow row) ? row : null;
            }
        }

        /// <summary>Takes one received message; false when it is not under v2g/1/ or not for a shown charger.</summary>
        public bool Apply(string topic, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt)
        {
            if (!ChargerTopic.TrySplit(topic, out string id, out string suffix) || (_only != null && !_only.Contains(id)))
            {
                return false;
            }

            TelemetrySample sample = null;
            lock (_lock)
            {
                if (!_rows.TryGetValue(id, out ChargerRow row))
                {
                    row = new ChargerRow(id);
                    _rows.Add(id, row);
                }

                switch (suffix)
                {
                    case ChargerTopic.Status:
                        ApplyStatus(row, payload);
                        break;
                    case ChargerTopic.Telemetry:
                        sample = TelemetrySample.Parse(id, payload, out _);
                        if (sample == null)
                        {
                            row.BadPayloads++;
                        }
                        else if (sample.Historical)
                        {
                            row.HistoricalSamples++;
                        }
                        else
                        {
                            row.LiveSamples++;
                            if (row.Live == null || sample.Timestamp >= row.Live.Timestamp)
                            {
                                row.Live = sample;
                            }
                        }

                        break;
                    case ChargerTopic.Event:
                        ApplyEvent(row, payload);
                        break;
                    case ChargerTopic.Limits:
                        ApplyLimits(row, payload);
                        break;
                }

                // Commands are other clients' messages, retained status may be an old will: only
                // what the charger itself says now counts as seen.
                if (suffix != ChargerTopic.Setpoint && suffix != ChargerTopic.DroopSet && suffix != ChargerTopic.Heartbeat && payload.Length > 0)
                {
                    row.LastSeen = receivedAt;
                }

                row.Version++;
            }

            if (sample != null)
            {
                SampleReceived?.Invoke(sample);
            }

            return true;
        }

        private static void ApplyStatus(ChargerRow row, ReadOnlySpan<byte> payload)
        {
            if (payload.Length == 0)
            {
                // The retained status was deleted (an empty retained message).
                row.Link = "?";
                return;
            }

            using JsonDocument doc = JsonFields.ParseObject(payload, out _);
            if (doc == null)
            {
                row.BadPayloads++;
                return;
            }

            string state = JsonFields.String(doc.RootElement, "state");
            row.Link = state == "online" || state == "offline" ? state : "?";
            row.Firmware = JsonFields.String(doc.RootElement, "fw") ?? row.Firmware;
            row.BootId = JsonFields.Integer(doc.RootElement, "boot_id") ?? row.BootId;
        }

        private static void ApplyEvent(ChargerRow row, ReadOnlySpan<byte> payload)
        {
            using JsonDocument doc = JsonFields.ParseObject(payload, out _);
            if (doc == null)
            {
                row.BadPayloads++;
                return;
            }

            JsonElement o = doc.RootElement;
            string kind = JsonFields.String(o, "kind");
            string fault = JsonFields.String(o, "fault");
            string state = JsonFields.String(o, "state");
            bool historical = JsonFields.Boolean(o, "hist") ?? false;
            if (kind == "fault_raised" && fault != null)
            {
                row.ActiveFaults.Add(fault);
            }
            else if (kind == "fault_cleared" && fault != null)
            {
                row.ActiveFaults.Remove(fault);
            }

            if (!historical)
            {
                row.LastEvent = kind + (fault != null ? " " + fault : state != null ? " " + state : "");
            }
        }

        private static void ApplyLimits(ChargerRow row, ReadOnlySpan<byte> payload)
        {
            using JsonDocument doc = JsonFields.ParseObject(payload, out _);
            if (doc == null)
            {
                return;
            }

            JsonElement o = doc.RootElement;
            row.Limits = string.Create(CultureInfo.InvariantCulture,
                $"+{Kw(JsonFields.Number(o, "max_import_W"))} kW ({JsonFields.String(o, "source_import") ?? "?"}) / -{Kw(JsonFields.Number(o, "max_export_W"))} kW ({JsonFields.String(o, "source_export") ?? "?"})");
        }

        /// <summary>The table's header and one line per charger, in fixed columns; ages against <paramref name="now"/>.</summary>
        public string[] Render(DateTimeOffset now)
        {
            var lines = new List<string> { Header };
            foreach (ChargerRow row in Rows)
            {
                lines.Add(RenderRow(row, now));
            }

            return lines.ToArray();
        }

        /// <summary>Column titles; units in the titles, powers AC at the grid connection point, + import / − export. Faults last: a list of names has no fixed width.</summary>
        public const string Header =
            "CHARGER          LINK     STATE              P_kW   SETPT_kW   DROOP_kW  SOC_%   FREQ_Hz  SEEN_s  FAULTS";

        public static string RenderRow(ChargerRow row, DateTimeOffset now)
        {
            TelemetrySample s = row.Live;
            string faults = row.ActiveFaults.Count > 0
                ? string.Join(",", row.ActiveFaults)
                : (s != null ? s.Faults.ToString(CultureInfo.InvariantCulture) : "-");
            string seen = row.LastSeen == null ? "-" : Math.Max(0, (now - row.LastSeen.Value).TotalSeconds).ToString("0", CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture,
                $"{Cut(row.ChargerId, 16),-16} {row.Link,-8} {Cut(s?.State ?? "-", 17),-17} {Kw(s?.PowerW),7} {Kw(s?.SetpointW),10} {Kw(s?.DroopW),10} {Fixed(s?.SocPercent, "0.0"),6} {Fixed(s?.FrequencyHz, "0.000"),9}  {seen,6}  {faults}");
        }

        private static string Kw(double? w) => w == null ? "-" : (w.Value / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);

        private static string Fixed(double? v, string format) => v == null ? "-" : v.Value.ToString(format, CultureInfo.InvariantCulture);

        private static string Cut(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 1) + "~";
    }
}
