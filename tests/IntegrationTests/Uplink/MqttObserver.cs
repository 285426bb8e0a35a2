using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>One message an <see cref="MqttObserver"/> received.</summary>
    public sealed record ObservedMessage(string Topic, string Payload, bool Retain, int Qos);

    /// <summary>The aggregator's side in these tests: a plain MQTTnet client that subscribes and collects what arrives.</summary>
    public sealed class MqttObserver : IDisposable
    {
        private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

        private readonly IMqttClient _client;
        private readonly BlockingCollection<ObservedMessage> _received = new BlockingCollection<ObservedMessage>();

        public MqttObserver(string host, int port, string clientId = null)
        {
            _client = new MqttClientFactory().CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += e =>
            {
                MqttApplicationMessage m = e.ApplicationMessage;
                _received.Add(new ObservedMessage(m.Topic, Encoding.UTF8.GetString(m.Payload.ToArray()), m.Retain, (int)m.QualityOfServiceLevel));
                return System.Threading.Tasks.Task.CompletedTask;
            };
            MqttClientOptions options = new MqttClientOptionsBuilder()
                .WithTcpServer(host, port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId(clientId ?? "observer-" + Guid.NewGuid().ToString("N").Substring(0, 8))
                .WithCleanStart(true)
                .Build();
            using var timeout = new CancellationTokenSource(CallTimeout);
            _client.ConnectAsync(options, timeout.Token).GetAwaiter().GetResult();
        }

        public void Subscribe(string topicFilter)
        {
            using var timeout = new CancellationTokenSource(CallTimeout);
            _client.SubscribeAsync(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token).GetAwaiter().GetResult();
        }

        public void Publish(string topic, string payload, int qos = 1, bool retain = false)
        {
            using var timeout = new CancellationTokenSource(CallTimeout);
            MqttClientPublishResult result = _client.PublishStringAsync(topic, payload, (MqttQualityOfServiceLevel)qos, retain, timeout.Token).GetAwaiter().GetResult();
            Assert.IsTrue(result.IsSuccess, $"observer's publish to {topic}: {result.ReasonCode}");
        }

        /// <summary>The next message on <paramref name="topic"/> (others are skipped), or a test failure after <paramref name="timeout"/>.</summary>
        public ObservedMessage WaitFor(string topic, TimeSpan timeout)
        {
            ObservedMessage m = TryWaitFor(topic, timeout);
            Assert.IsNotNull(m, $"nothing arrived on {topic} within {timeout.TotalSeconds} s");
            return m;
        }

        /// <summary>The next message on <paramref name="topic"/>, or null after <paramref name="timeout"/>.</summary>
        public ObservedMessage TryWaitFor(string topic, TimeSpan timeout)
        {
            DateTime until = DateTime.UtcNow + timeout;
            while (true)
            {
                TimeSpan left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !_received.TryTake(out ObservedMessage m, left))
                {
                    return null;
                }

                if (m.Topic == topic)
                {
                    return m;
                }
            }
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
            _received.Dispose();
        }
    }
}
