using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>One message an <see cref="UplinkRecorder"/> received, in arrival order.</summary>
    public sealed record RecordedMessage(int Index, string Suffix, string Payload, bool Retain)
    {
        private JsonElement? _json;

        public JsonElement Json => _json ??= JsonDocument.Parse(Payload).RootElement;

        public long Seq => Json.GetProperty("seq").GetInt64();

        public bool Hist => Json.GetProperty("hist").GetBoolean();
    }

    /// <summary>
    /// The aggregator's side of the end-to-end tests: an MQTTnet client subscribed (QoS 1) to everything
    /// under one charger's root, keeping every message in arrival order; it can connect again after the
    /// broker restarted (a broker without persistence forgets sessions and retained messages) and keeps
    /// what it had.
    /// </summary>
    public sealed class UplinkRecorder : IDisposable
    {
        private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

        private readonly string _host;
        private readonly int _port;
        private readonly string _root;
        private readonly List<RecordedMessage> _messages = new List<RecordedMessage>();
        private IMqttClient _client;

        public UplinkRecorder(string host, int port, string chargerId)
        {
            _host = host;
            _port = port;
            _root = "v2g/1/" + chargerId + "/";
            Connect();
        }

        /// <summary>(Re)connects and subscribes to v2g/1/{id}/#.</summary>
        public void Connect()
        {
            _client?.Dispose();
            _client = new MqttClientFactory().CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += e =>
            {
                MqttApplicationMessage m = e.ApplicationMessage;
                lock (_messages)
                {
                    _messages.Add(new RecordedMessage(_messages.Count, m.Topic.Substring(_root.Length), Encoding.UTF8.GetString(m.Payload.ToArray()), m.Retain));
                }

                return Task.CompletedTask;
            };
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer(_host, _port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId("recorder-" + Guid.NewGuid().ToString("N").Substring(0, 8))
                .WithCleanStart(true)
                .Build();
            using (var timeout = new CancellationTokenSource(CallTimeout))
            {
                _client.ConnectAsync(options, timeout.Token).GetAwaiter().GetResult();
            }

            using (var timeout = new CancellationTokenSource(CallTimeout))
            {
                _client.SubscribeAsync(_root + "#", MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token).GetAwaiter().GetResult();
            }
        }

        /// <summary>Publishes under the charger's root (a command, a heartbeat) at QoS 1 and waits for the PUBACK.</summary>
        public void Publish(string suffix, string payload)
        {
            using var timeout = new CancellationTokenSource(CallTimeout);
            MqttClientPublishResult result = _client.PublishStringAsync(_root + suffix, payload, MqttQualityOfServiceLevel.AtLeastOnce, false, timeout.Token).GetAwaiter().GetResult();
            Assert.IsTrue(result.IsSuccess, $"recorder's publish to {suffix}: {result.ReasonCode}");
        }

        public bool IsConnected => _client.IsConnected;

        /// <summary>Everything received so far, in arrival order.</summary>
        public RecordedMessage[] All()
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }

        /// <summary>What arrived on one suffix ("telemetry", "status", …), in arrival order.</summary>
        public RecordedMessage[] On(string suffix)
        {
            lock (_messages)
            {
                return _messages.FindAll(m => m.Suffix == suffix).ToArray();
            }
        }

        /// <summary>Waits (wall time) until <paramref name="done"/> holds; false after <paramref name="wallMs"/>.</summary>
        public bool WaitUntil(Func<UplinkRecorder, bool> done, int wallMs)
        {
            var wall = Stopwatch.StartNew();
            while (!done(this))
            {
                if (wall.ElapsedMilliseconds > wallMs)
                {
                    return false;
                }

                Thread.Sleep(5);
            }

            return true;
        }

        public void Dispose()
        {
            try
            {
                using var timeout = new CancellationTokenSource(CallTimeout);
                _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // The broker may be gone already.
            }

            _client.Dispose();
        }
    }
}
