using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace V2G.Aggregator
{
    /// <summary>
    /// Telemetry samples as CSV, one sample a line: <c>ts,seq,hist,state,power_W,dc_V,dc_A,
    /// frequency_Hz,soc_pct,setpoint_W,droop_W</c>, numbers with the contract's decimals (power 1,
    /// V 2, A 2, Hz 3, SoC 1), an absent value left empty. <c>watch --csv</c>, which mixes chargers,
    /// puts a <c>charger</c> column first; <see cref="Read"/> finds columns by their titles, so it
    /// reads both.
    /// </summary>
    public static class TelemetryCsv
    {
        public static readonly string[] Columns =
            { "ts", "seq", "hist", "state", "power_W", "dc_V", "dc_A", "frequency_Hz", "soc_pct", "setpoint_W", "droop_W" };

        public const string ChargerColumn = "charger";

        public static string Header(bool withCharger) => (withCharger ? ChargerColumn + "," : "") + string.Join(",", Columns);

        public static string Line(TelemetrySample s, bool withCharger)
        {
            string[] f =
            {
                s.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                s.Seq.ToString(CultureInfo.InvariantCulture),
                s.Historical ? "true" : "false",
                Quote(s.State),
                Fixed(s.PowerW, "0.0"),
                Fixed(s.DcVoltageV, "0.00"),
                Fixed(s.DcCurrentA, "0.00"),
                Fixed(s.FrequencyHz, "0.000"),
                Fixed(s.SocPercent, "0.0"),
                Fixed(s.SetpointW, "0.0"),
                Fixed(s.DroopW, "0.0"),
            };
            return (withCharger ? Quote(s.ChargerId) + "," : "") + string.Join(",", f);
        }

        /// <summary>Writes the header and every sample, replacing the file.</summary>
        public static void Write(string path, IEnumerable<TelemetrySample> samples, bool withCharger = false)
        {
            using var w = new StreamWriter(path, append: false);
            w.WriteLine(Header(withCharger));
            foreach (TelemetrySample s in samples)
            {
                w.WriteLine(Line(s, withCharger));
            }
        }

        /// <summary>Reads a file written by <see cref="Write"/> or by <c>watch --csv</c>.</summary>
        /// <exception cref="FormatException">no ts column, or a line that does not parse (with its line number)</exception>
        public static List<TelemetrySample> Read(string path)
        {
            var samples = new List<TelemetrySample>();
            using var r = new StreamReader(path);
            string header = r.ReadLine() ?? throw new FormatException($"{path}: empty file");
            string[] titles = header.Split(',');
            int Col(string name) => Array.IndexOf(titles, name);
            int ts = Col("ts");
            if (ts < 0)
            {
                throw new FormatException($"{path}: no 'ts' column in the header");
            }

            int charger = Col(ChargerColumn), seq = Col("seq"), hist = Col("hist"), state = Col("state"), power = Col("power_W"),
                dcV = Col("dc_V"), dcA = Col("dc_A"), freq = Col("frequency_Hz"), soc = Col("soc_pct"), setpoint = Col("setpoint_W"), droop = Col("droop_W");
            int lineNumber = 1;
            for (string line = r.ReadLine(); line != null; line = r.ReadLine())
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                string[] f = line.Split(',');
                string Field(int i) => i >= 0 && i < f.Length ? Unquote(f[i]) : "";
                DateTimeOffset? t = JsonFields.ParseTimestamp(Field(ts));
                if (t == null)
                {
                    throw new FormatException($"{path}:{lineNumber}: bad ts '{Field(ts)}'");
                }

                samples.Add(new TelemetrySample
                {
                    ChargerId = charger >= 0 ? Field(charger) : null,
                    Timestamp = t.Value,
                    Seq = long.TryParse(Field(seq), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : 0,
                    Historical = Field(hist) == "true",
                    State = Field(state).Length > 0 ? Field(state) : null,
                    PowerW = Number(Field(power), path, lineNumber),
                    DcVoltageV = Number(Field(dcV), path, lineNumber),
                    DcCurrentA = Number(Field(dcA), path, lineNumber),
                    FrequencyHz = Number(Field(freq), path, lineNumber),
                    SocPercent = Number(Field(soc), path, lineNumber),
                    SetpointW = Number(Field(setpoint), path, lineNumber),
                    DroopW = Number(Field(droop), path, lineNumber),
                });
            }

            return samples;
        }

        private static double? Number(string text, string path, int lineNumber)
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            {
                throw new FormatException($"{path}:{lineNumber}: bad number '{text}'");
            }

            return v;
        }

        private static string Fixed(double? v, string format) =>
            v == null || double.IsNaN(v.Value) || double.IsInfinity(v.Value) ? "" : v.Value.ToString(format, CultureInfo.InvariantCulture);

        // State names and charger ids are [a-z_-] words by contract; anything else is quoted away
        // from the separators rather than trusted.
        private static string Quote(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return "";
            }

            return text.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? text : "\"" + text.Replace("\"", "'").Replace(',', ';').Replace('\n', ' ').Replace('\r', ' ') + "\"";
        }

        private static string Unquote(string field) =>
            field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field.Substring(1, field.Length - 2) : field;
    }
}
