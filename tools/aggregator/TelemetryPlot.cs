using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ScottPlot;

namespace V2G.Aggregator
{
    /// <summary>
    /// One PNG of a charger's telemetry: AC power against grid frequency (a scatter: the droop
    /// characteristic as the charger really followed it), then power with its setpoint and frequency
    /// against time.
    /// </summary>
    public static class TelemetryPlot
    {
        /// <summary>The samples from <paramref name="from"/> to <paramref name="to"/> (inclusive; null = open), by timestamp.</summary>
        public static List<TelemetrySample> Interval(IEnumerable<TelemetrySample> samples, DateTimeOffset? from, DateTimeOffset? to) =>
            samples.Where(s => (from == null || s.Timestamp >= from.Value) && (to == null || s.Timestamp <= to.Value))
                .OrderBy(s => s.Timestamp)
                .ThenBy(s => s.Seq)
                .ToList();

        /// <exception cref="ArgumentException">no sample to draw</exception>
        public static void Write(IReadOnlyList<TelemetrySample> samples, string path, string title, int widthPx = 1200, int heightPx = 1100)
        {
            if (samples.Count == 0)
            {
                throw new ArgumentException("no telemetry sample to plot");
            }

            DateTimeOffset t0 = samples[0].Timestamp;
            var multiplot = new Multiplot();
            multiplot.AddPlots(3);
            Plot droop = multiplot.GetPlot(0);
            Plot power = multiplot.GetPlot(1);
            Plot frequency = multiplot.GetPlot(2);

            // The scatter only has points with both values; the time panels take each series whole.
            TelemetrySample[] both = samples.Where(s => s.PowerW != null && s.FrequencyHz != null).ToArray();
            var points = droop.Add.ScatterPoints(both.Select(s => s.FrequencyHz.Value).ToArray(), both.Select(s => s.PowerW.Value / 1000.0).ToArray());
            points.LegendText = "samples";
            droop.Title(title);
            droop.XLabel("grid frequency (Hz)");
            droop.YLabel("AC power (kW, + import / - export)");

            AddSeries(power, samples, t0, s => s.PowerW / 1000.0, "AC power (kW)", false);
            AddSeries(power, samples, t0, s => s.SetpointW / 1000.0, "setpoint (kW)", true);
            AddSeries(power, samples, t0, s => s.DroopW / 1000.0, "droop (kW)", true);
            power.YLabel("kW, + import / - export");
            power.ShowLegend(Alignment.LowerLeft);

            AddSeries(frequency, samples, t0, s => s.FrequencyHz, "grid frequency (Hz)", false);
            frequency.YLabel("Hz");
            frequency.XLabel("s since " + t0.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

            multiplot.SavePng(path, widthPx, heightPx);
        }

        private static void AddSeries(Plot plot, IReadOnlyList<TelemetrySample> samples, DateTimeOffset t0, Func<TelemetrySample, double?> value, string legend, bool dashed)
        {
            TelemetrySample[] present = samples.Where(s => value(s) != null).ToArray();
            if (present.Length == 0)
            {
                return;
            }

            var line = plot.Add.ScatterLine(
                present.Select(s => (s.Timestamp - t0).TotalSeconds).ToArray(),
                present.Select(s => value(s).Value).ToArray());
            line.LegendText = legend;
            if (dashed)
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }
    }
}
