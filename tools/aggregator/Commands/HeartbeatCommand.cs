using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace V2G.Aggregator.Commands
{
    /// <summary>
    /// <c>heartbeat</c>: <c>{"seq":N}</c> on the charger's heartbeat topic every period; the charger
    /// falls back to its safe setpoint when they stop for its timeout.
    /// </summary>
    public static class HeartbeatCommand
    {
        public static async Task<int> RunAsync(AggregatorOptions o, TextWriter output, CancellationToken cancel)
        {
            string topic = ChargerTopic.Of(o.Charger, ChargerTopic.Heartbeat);
            await using var client = new BrokerClient();
            await client.ConnectAsync(o, cancel).ConfigureAwait(false);
            for (long seq = 1; o.Count == null || seq <= o.Count.Value; seq++)
            {
                await client.PublishAsync(topic, Encoding.ASCII.GetBytes("{\"seq\":" + seq + "}"), cancel).ConfigureAwait(false);
                output.WriteLine($"{DateTime.Now:HH:mm:ss} heartbeat {seq} to {o.Charger}");
                output.Flush();
                if (o.Count != null && seq == o.Count.Value)
                {
                    break;
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(o.PeriodS), cancel).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return ExitCodes.Ok;
        }
    }
}
