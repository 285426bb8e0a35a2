using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace V2G.Aggregator.Commands
{
    /// <summary><c>plot</c>: the PNG of a recorded CSV, for a chosen interval (and charger, for a watch CSV).</summary>
    public static class PlotCommand
    {
        public static int Run(AggregatorOptions o, TextWriter output, TextWriter error)
        {
            IEnumerable<TelemetrySample> all = TelemetryCsv.Read(o.CsvPath);
            if (o.Charger != null)
            {
                all = all.Where(s => s.ChargerId == null || s.ChargerId == o.Charger);
            }

            List<TelemetrySample> chosen = TelemetryPlot.Interval(all, o.From, o.To);
            if (chosen.Count == 0)
            {
                error.WriteLine($"v2g-aggregator: no sample in {o.CsvPath}{(o.From != null || o.To != null ? " in the interval" : "")}");
                return ExitCodes.Rejected;
            }

            string title = $"{o.Charger ?? Path.GetFileName(o.CsvPath)}: {chosen.Count} samples";
            TelemetryPlot.Write(chosen, o.PngPath, title);
            output.WriteLine($"{chosen.Count} samples from {chosen[0].Timestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} to {chosen[^1].Timestamp.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}: {o.PngPath}");
            return ExitCodes.Ok;
        }
    }
}
