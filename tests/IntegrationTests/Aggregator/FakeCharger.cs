using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace V2G.IntegrationTests.Aggregator
{
    /// <summary>
    /// A charger's side of the uplink contract, small enough to read: retained status (with the
    /// offline will), capabilities, limits and cfg/droop; telemetry on demand; answers to
    /// cmd/setpoint on cmd/setpoint/reply (clamped at <see cref="MaxPowerW"/>, rejected when expired
    /// or without power_W) and to cfg/droop/set (preset "bogus" rejected); heartbeats counted.
    /// Stands in for the firmware while the aggregator is tested on its own.
    /// </summary>
    public sealed class FakeCharger : IDisposable
    {
        public const double MaxPowerW = 11000;

        private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

        private readonly IMqttClient _client;
        private readonly string _root;
        private bool _crashed;

        public FakeCharger(int port, string chargerId, bool answerSetpoints = true)
        {
            ChargerId = chargerId;
            AnswerSetpoints = answerSetpoints;
            _root = "v2g/1/" + chargerId + "/";
            _client = new MqttClientFactory().CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += e => OnMessageAsync(e.ApplicationMessage);
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId("fake-" + chargerId)
                .WithCleanStart(true)
                .WithWillTopic(_root + "status")
                .WithWillPayload(Encoding.UTF8.GetBytes("{\"state\":\"offline\",\"fw\":\"0.7.0\",\"boot_id\":3}"))
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithWillRetain(true)
                .Build();
            using var timeout = new CancellationTokenSource(CallTimeout);
            _client.ConnectAsync(options, timeout.Token).GetAwaiter().GetResult();
            foreach (string suffix in new[] { "cmd/setpoint", "cfg/droop/set", "heartbeat" })
            {
                _client.SubscribeAsync(_root + suffix, MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token).GetAwaiter().GetResult();
            }

            Publish("status", "{\"state\":\"online\",\"fw\":\"0.7.0\",\"boot_id\":3,\"ts\":\"2026-11-26T05:00:00.000Z\"}", retain: true);
            Publish("capabilities", "{\"max_charge_power_W\":11000,\"max_discharge_power_W\":11000,\"bidirectional\":true,\"droop\":true}", retain: true);
            Publish("limits", "{\"ts\":\"2026-11-26T05:00:00.000Z\",\"max_import_W\":11000.0,\"max_export_W\":11000.0,\"source_import\":\"charger\",\"source_export\":\"charger\"}", retain: true);
            Publish("cfg/droop", "{\"ts\":\"2026-11-26T05:00:00.000Z\",\"enabled\":false,\"preset\":null}", retain: true);
        }

        public string ChargerId { get; }

        /// <summary>False: setpoints are received but never answered (the aggregator's timeout).</summary>
        public bool AnswerSetpoints { get; set; }

        /// <summary>The seq of every heartbeat received, in order.</summary>
        public ConcurrentQueue<long> Heartbeats { get; } = new ConcurrentQueue<long>();

        /// <summary>Every setpoint payload received.</summary>
        public ConcurrentQueue<string> Setpoints { get; } = new ConcurrentQueue<string>();

        /// <summary>One telemetry sample (QoS 0 live, QoS 1 replayed), in the contract's format.</summary>
        public void PublishTelemetry(long seq, DateTimeOffset ts, double powerW, double frequencyHz, bool historical = false, double? setpointW = null, string state = "energy_transfer")
        {
            string setpoint = setpointW == null ? "null" : setpointW.Value.ToString("0.0", CultureInfo.InvariantCulture);
            string json = string.Create(CultureInfo.InvariantCulture,
                $"{{\"ts\":\"{ts.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"seq\":{seq},\"hist\":{(historical ? "true" : "false")},\"state\":\"{state}\",\"power_W\":{powerW:0.0},\"dc_V\":401.20,\"dc_A\":{powerW / 401.2:0.00},\"dc_power_W\":{powerW * 1.01:0.0},\"frequency_Hz\":{frequencyHz:0.000},\"soc_pct\":55.2,\"setpoint_W\":{setpoint},\"setpoint_id\":null,\"droop_W\":0.0,\"limit_reason\":\"none\",\"battery_clip_reason\":\"none\",\"faults\":0}}");
            Publish("telemetry", json, retain: false, qos: historical ? 1 : 0);
        }

        public void PublishEvent(string json) => Publish("event", json, retain: false);

        /// <summary>Drops the connection as a crash would: the broker publishes the offline will.</summary>
        public void Crash()
        {
            // Disposing without a DISCONNECT closes the socket: to the broker, a lost connection.
            _crashed = true;
            _client.Dispose();
        }

        public void Dispose()
        {
            if (_crashed)
            {
                return;
            }

            if (_client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(CallTimeout);
                _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), timeout.Token).GetAwaiter().GetResult();
            }

            _client.Dispose();
        }

        private void Publish(string suffix, string json, bool retain, int qos = 1)
        {
            using var timeout = new CancellationTokenSource(CallTimeout);
            _client.PublishStringAsync(_root + suffix, json, (MqttQualityOfServiceLevel)qos, retain, timeout.Token).GetAwaiter().GetResult();
        }

        private Task OnMessageAsync(MqttApplicationMessage m)
        {
            string payload = Encoding.UTF8.GetString(m.Payload.ToArray());
            string suffix = m.Topic.Substring(_root.Length);
            // Answers go out from another task: MQTTnet's receive loop must not wait on our publish.
            switch (suffix)
            {
                case "heartbeat":
                    using (JsonDocument doc = JsonDocument.Parse(payload))
                    {
                        Heartbeats.Enqueue(doc.RootElement.GetProperty("seq").GetInt64());
                    }

                    break;
                case "cmd/setpoint":
                    Setpoints.Enqueue(payload);
                    if (AnswerSetpoints)
                    {
                        _ = Task.Run(() => Publish("cmd/setpoint/reply", AnswerSetpoint(payload), retain: false));
                    }

                    break;
                case "cfg/droop/set":
                    _ = Task.Run(() => Publish("cfg/droop", AnswerDroop(payload), retain: true));
                    break;
            }

            return Task.CompletedTask;
        }

        private static string AnswerSetpoint(string payload)
        {
            using JsonDocument doc = JsonDocument.Parse(payload);
            JsonElement o = doc.RootElement;
            string id = o.GetProperty("id").GetString();
            const string ts = "2026-11-26T05:00:02.000Z";
            if (!o.TryGetProperty("power_W", out JsonElement p))
            {
                return $"{{\"id\":\"{id}\",\"result\":\"rejected\",\"reason\":\"missing 'power_W'\",\"ts\":\"{ts}\"}}";
            }

            DateTimeOffset validUntil = DateTimeOffset.Parse(o.GetProperty("valid_until").GetString(), CultureInfo.InvariantCulture);
            if (validUntil <= DateTimeOffset.UtcNow)
            {
                return $"{{\"id\":\"{id}\",\"result\":\"rejected\",\"reason\":\"expired\",\"ts\":\"{ts}\"}}";
            }

            double w = p.GetDouble();
            if (Math.Abs(w) > MaxPowerW)
            {
                double applied = Math.Sign(w) * MaxPowerW;
                return string.Create(CultureInfo.InvariantCulture, $"{{\"id\":\"{id}\",\"result\":\"clamped\",\"applied_W\":{applied:0.0},\"reason\":\"charger limit\",\"ts\":\"{ts}\"}}");
            }

            return string.Create(CultureInfo.InvariantCulture, $"{{\"id\":\"{id}\",\"result\":\"accepted\",\"applied_W\":{w:0.0},\"ts\":\"{ts}\"}}");
        }

        private static string AnswerDroop(string payload)
        {
            using JsonDocument doc = JsonDocument.Parse(payload);
            JsonElement o = doc.RootElement;
            const string ts = "2026-11-26T05:00:03.000Z";
            if (o.TryGetProperty("preset", out JsonElement preset))
            {
                if (preset.GetString() == "bogus")
                {
                    return $"{{\"ts\":\"{ts}\",\"enabled\":false,\"preset\":null,\"result\":\"rejected\",\"reason\":\"unknown preset 'bogus'\"}}";
                }

                return $"{{\"ts\":\"{ts}\",\"enabled\":true,\"preset\":\"{preset.GetString()}\",\"nominal_Hz\":50.000,\"db_of_Hz\":0.036,\"db_uf_Hz\":0.036,\"k_of\":0.05,\"k_uf\":0.05,\"response_s\":5.0,\"rated_W\":11000.0,\"result\":\"accepted\"}}";
            }

            double db = o.TryGetProperty("db_of_Hz", out JsonElement d) ? d.GetDouble() : 0.036;
            return string.Create(CultureInfo.InvariantCulture, $"{{\"ts\":\"{ts}\",\"enabled\":true,\"preset\":null,\"nominal_Hz\":50.000,\"db_of_Hz\":{db:0.000},\"db_uf_Hz\":0.036,\"k_of\":0.05,\"k_uf\":0.05,\"response_s\":5.0,\"rated_W\":11000.0,\"result\":\"accepted\"}}");
        }
    }
}
