using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace V2G.Aggregator.Commands
{
    /// <summary>
    /// <c>droop</c>: publishes cfg/droop/set and prints the charger's answer, the retained cfg/droop
    /// it publishes after validating the request.
    /// </summary>
    public static class DroopCommand
    {
        /// <summary>
        /// How long the retained cfg/droop of before the request may take to arrive after the
        /// subscription; what arrives later is taken as the answer.
        /// </summary>
        public static readonly TimeSpan RetainedGrace = TimeSpan.FromMilliseconds(300);

        public static async Task<int> RunAsync(AggregatorOptions o, TextWriter output, TextWriter error, CancellationToken cancel)
        {
            string answerTopic = ChargerTopic.Of(o.Charger, ChargerTopic.Droop);
            await using var client = new BrokerClient();
            await client.ConnectAsync(o, cancel).ConfigureAwait(false);
            await client.SubscribeAsync(answerTopic, cancel).ConfigureAwait(false);

            // The settings in force before the request, if any, come first: drain them.
            DateTimeOffset graceEnd = DateTimeOffset.Now + RetainedGrace;
            while (await MessageWait.NextAsync(client.Messages, graceEnd, cancel).ConfigureAwait(false) is BrokerMessage before)
            {
                output.WriteLine($"before {System.Text.Encoding.UTF8.GetString(before.Payload)}");
            }

            byte[] payload = o.Droop.ToJson();
            await client.PublishAsync(ChargerTopic.Of(o.Charger, ChargerTopic.DroopSet), payload, cancel).ConfigureAwait(false);
            output.WriteLine($"sent {ChargerTopic.Of(o.Charger, ChargerTopic.DroopSet)} {System.Text.Encoding.UTF8.GetString(payload)}");

            BrokerMessage m = await MessageWait.NextAsync(client.Messages, DateTimeOffset.Now.AddSeconds(o.TimeoutS), cancel).ConfigureAwait(false);
            if (m == null)
            {
                error.WriteLine($"v2g-aggregator: no cfg/droop from {o.Charger} within {o.TimeoutS} s");
                return ExitCodes.Timeout;
            }

            output.WriteLine($"droop {System.Text.Encoding.UTF8.GetString(m.Payload)}");
            using JsonDocument doc = JsonFields.ParseObject(m.Payload, out string parseError);
            if (doc == null)
            {
                error.WriteLine($"v2g-aggregator: cfg/droop from {o.Charger} is not a settings object: {parseError}");
                return ExitCodes.Rejected;
            }

            string result = JsonFields.String(doc.RootElement, "result");
            if (result == "rejected")
            {
                error.WriteLine($"v2g-aggregator: {o.Charger} rejected the droop settings: {JsonFields.String(doc.RootElement, "reason") ?? "no reason given"}");
                return ExitCodes.Rejected;
            }

            return ExitCodes.Ok;
        }
    }
}
