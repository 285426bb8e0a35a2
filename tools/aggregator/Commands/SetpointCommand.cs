using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace V2G.Aggregator.Commands
{
    /// <summary><c>setpoint</c>: publishes cmd/setpoint and waits for the reply with the same id.</summary>
    public static class SetpointCommand
    {
        public static async Task<int> RunAsync(AggregatorOptions o, TextWriter output, TextWriter error, CancellationToken cancel)
        {
            SetpointRequest request = o.Setpoint;
            request.Id ??= SetpointRequest.NewId();
            request.ValidUntil = o.ValidUntil ?? DateTimeOffset.UtcNow.AddSeconds(o.ValidS);

            await using var client = new BrokerClient();
            await client.ConnectAsync(o, cancel).ConfigureAwait(false);
            // Subscribed before publishing: a fast charger's reply must not race the subscription.
            await client.SubscribeAsync(ChargerTopic.Of(o.Charger, ChargerTopic.SetpointReply), cancel).ConfigureAwait(false);
            byte[] payload = request.ToJson();
            await client.PublishAsync(ChargerTopic.Of(o.Charger, ChargerTopic.Setpoint), payload, cancel).ConfigureAwait(false);
            output.WriteLine($"sent {ChargerTopic.Of(o.Charger, ChargerTopic.Setpoint)} {System.Text.Encoding.UTF8.GetString(payload)}");

            DateTimeOffset deadline = DateTimeOffset.Now.AddSeconds(o.TimeoutS);
            while (true)
            {
                BrokerMessage m = await MessageWait.NextAsync(client.Messages, deadline, cancel).ConfigureAwait(false);
                if (m == null)
                {
                    error.WriteLine($"v2g-aggregator: no reply from {o.Charger} to setpoint '{request.Id}' within {o.TimeoutS.ToString(CultureInfo.InvariantCulture)} s");
                    return ExitCodes.Timeout;
                }

                SetpointReply reply = SetpointReply.Parse(m.Payload, out _);
                if (reply == null || reply.Id != request.Id)
                {
                    // Another aggregator's command, or a reply that is not ours to read.
                    continue;
                }

                output.WriteLine($"reply {reply.Json}");
                output.WriteLine(Describe(reply));
                return reply.InForce ? ExitCodes.Ok : ExitCodes.Rejected;
            }
        }

        /// <summary>The reply in one sentence.</summary>
        public static string Describe(SetpointReply reply)
        {
            string applied = reply.AppliedW == null ? "" : string.Create(CultureInfo.InvariantCulture, $", applied {reply.AppliedW.Value:0.0} W");
            string reason = reply.Reason == null ? "" : $" ({reply.Reason})";
            return $"{reply.Result}{applied}{reason}";
        }
    }
}
