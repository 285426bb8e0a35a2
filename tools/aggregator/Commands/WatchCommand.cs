using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace V2G.Aggregator.Commands
{
    /// <summary><c>watch</c>: the live table of the chargers, refreshed until Ctrl-C or <c>--once-after</c>.</summary>
    public static class WatchCommand
    {
        public static async Task<int> RunAsync(AggregatorOptions o, TextWriter output, TextWriter error, bool terminal, CancellationToken cancel)
        {
            var table = new FleetTable(o.Chargers);
            StreamWriter csv = null;
            object csvLock = new object();
            if (o.CsvPath != null)
            {
                bool fresh = !File.Exists(o.CsvPath) || new FileInfo(o.CsvPath).Length == 0;
                csv = new StreamWriter(o.CsvPath, append: true);
                if (fresh)
                {
                    csv.WriteLine(TelemetryCsv.Header(withCharger: true));
                }

                table.SampleReceived += s =>
                {
                    lock (csvLock)
                    {
                        csv.WriteLine(TelemetryCsv.Line(s, withCharger: true));
                    }
                };
            }

            try
            {
                await using var client = new BrokerClient();
                await client.ConnectAsync(o, cancel).ConfigureAwait(false);
                if (o.Chargers.Count == 0)
                {
                    await client.SubscribeAsync(ChargerTopic.AllChargers, cancel).ConfigureAwait(false);
                }
                else
                {
                    foreach (string id in o.Chargers)
                    {
                        await client.SubscribeAsync(ChargerTopic.AllOf(id), cancel).ConfigureAwait(false);
                    }
                }

                // On stderr: the table on stdout stays the table, for a pipe or a file.
                error.WriteLine($"watching {(o.Chargers.Count == 0 ? "all chargers" : string.Join(", ", o.Chargers))} on {o.Broker}");
                error.Flush();
                bool once = o.OnceAfterS != null;
                var view = new TableView(output, terminal && !o.Plain, terminal ? TerminalWidth() : 0);
                DateTimeOffset end = once ? DateTimeOffset.Now.AddSeconds(o.OnceAfterS.Value) : DateTimeOffset.MaxValue;
                DateTimeOffset nextDraw = DateTimeOffset.Now;
                while (!cancel.IsCancellationRequested && DateTimeOffset.Now < end)
                {
                    DateTimeOffset until = once ? end : nextDraw;
                    BrokerMessage m = await MessageWait.NextAsync(client.Messages, until, cancel).ConfigureAwait(false);
                    if (m != null)
                    {
                        table.Apply(m.Topic, m.Payload, m.ReceivedAt);
                    }

                    if (!once && DateTimeOffset.Now >= nextDraw)
                    {
                        view.Draw(table, DateTimeOffset.Now);
                        lock (csvLock)
                        {
                            csv?.Flush();
                        }

                        nextDraw = DateTimeOffset.Now.AddMilliseconds(o.RefreshMs);
                    }
                }

                if (once)
                {
                    TableView.PrintOnce(output, table, DateTimeOffset.Now);
                }

                return ExitCodes.Ok;
            }
            finally
            {
                if (csv != null)
                {
                    lock (csvLock)
                    {
                        csv.Dispose();
                    }
                }
            }
        }

        private static int TerminalWidth()
        {
            try
            {
                return Console.WindowWidth;
            }
            catch (Exception e) when (e is IOException || e is PlatformNotSupportedException || e is InvalidOperationException)
            {
                return 0;
            }
        }
    }
}
