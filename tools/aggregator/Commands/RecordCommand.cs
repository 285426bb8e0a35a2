using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace V2G.Aggregator.Commands
{
    /// <summary><c>record</c>: one charger's telemetry for a while, to CSV and optionally a PNG.</summary>
    public static class RecordCommand
    {
        public static async Task<int> RunAsync(AggregatorOptions o, TextWriter output, TextWriter error, CancellationToken cancel)
        {
            var samples = new List<TelemetrySample>();
            int bad = 0;
            await using (var client = new BrokerClient())
            {
                await client.ConnectAsync(o, cancel).ConfigureAwait(false);
                await client.SubscribeAsync(ChargerTopic.Of(o.Charger, ChargerTopic.Telemetry), cancel).ConfigureAwait(false);
                error.WriteLine($"recording {o.Charger}'s telemetry for {o.Seconds} s from {o.Broker}");
                error.Flush();
                DateTimeOffset end = DateTimeOffset.Now.AddSeconds(o.Seconds.Value);
                while (await MessageWait.NextAsync(client.Messages, end, cancel).ConfigureAwait(false) is BrokerMessage m)
                {
                    TelemetrySample s = TelemetrySample.Parse(o.Charger, m.Payload, out _);
                    if (s == null)
                    {
                        bad++;
                    }
                    else
                    {
                        samples.Add(s);
                    }
                }
            }

            // Replayed samples arrive after live ones of a later time: the files are in charger time.
            List<TelemetrySample> ordered = TelemetryPlot.Interval(samples, null, null);
            TelemetryCsv.Write(o.CsvPath, ordered);
            int historical = ordered.Count(s => s.Historical);
            output.WriteLine($"{ordered.Count} samples ({historical} historical{(bad > 0 ? $", {bad} malformed skipped" : "")}) from {o.Charger} to {o.CsvPath}");
            if (ordered.Count == 0)
            {
                error.WriteLine($"v2g-aggregator: no telemetry from {o.Charger} in {o.Seconds} s");
                return ExitCodes.Rejected;
            }

            if (o.PngPath != null)
            {
                TelemetryPlot.Write(ordered, o.PngPath, $"{o.Charger}: {ordered.Count} samples");
                output.WriteLine($"plot {o.PngPath}");
            }

            return ExitCodes.Ok;
        }
    }
}
