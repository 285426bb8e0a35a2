using System;
using System.Buffers;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace V2G.Aggregator
{
    /// <summary>
    /// The tool's MQTT 5 connection (MQTTnet): connect, subscribe, publish at QoS 1, and every
    /// received message queued in <see cref="Messages"/> for the command to read at its own pace.
    /// A clean session: the aggregator wants what is retained now, not a backlog from a past run.
    /// </summary>
    public sealed class BrokerClient : IAsyncDisposable
    {
        private readonly IMqttClient _client;
        private readonly Channel<BrokerMessage> _messages = Channel.CreateUnbounded<BrokerMessage>(new UnboundedChannelOptions { SingleReader = true });

        public BrokerClient()
        {
            _client = new MqttClientFactory().CreateMqttClient();
            _client.ApplicationMessageReceivedAsync += e =>
            {
                MqttApplicationMessage m = e.ApplicationMessage;
                _messages.Writer.TryWrite(new BrokerMessage(m.Topic, m.Payload.ToArray(), m.Retain, DateTimeOffset.Now));
                return Task.CompletedTask;
            };
        }

        /// <summary>Every message received, in order of arrival.</summary>
        public ChannelReader<BrokerMessage> Messages => _messages.Reader;

        public bool IsConnected => _client.IsConnected;

        /// <exception cref="BrokerException">the broker could not be reached or refused the connection</exception>
        public async Task ConnectAsync(AggregatorOptions o, CancellationToken cancel)
        {
            MqttClientOptionsBuilder b = new MqttClientOptionsBuilder()
                .WithTcpServer(o.Broker.Host, o.Broker.Port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId("v2g-aggregator-" + Guid.NewGuid().ToString("N").Substring(0, 8))
                .WithCleanStart(true)
                .WithTimeout(TimeSpan.FromSeconds(o.TimeoutS));
            if (o.Username != null)
            {
                b = b.WithCredentials(o.Username, o.Password ?? "");
            }

            if (o.Tls)
            {
                b = b.WithTlsOptions(t =>
                {
                    t.UseTls(true);
                    if (o.TlsInsecure)
                    {
                        t.WithCertificateValidationHandler(_ => true);
                    }
                });
            }

            MqttClientConnectResult result;
            try
            {
                result = await _client.ConnectAsync(b.Build(), cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw new BrokerException($"broker {o.Broker}: no answer within {o.TimeoutS} s");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new BrokerException($"broker {o.Broker}: {e.Message}");
            }

            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new BrokerException($"broker {o.Broker} refused the connection: {result.ResultCode} {result.ReasonString}");
            }
        }

        /// <exception cref="BrokerException">the broker refused the filter</exception>
        public async Task SubscribeAsync(string topicFilter, CancellationToken cancel)
        {
            MqttClientSubscribeOptions options = new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(topicFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                .Build();
            MqttClientSubscribeResult result = await _client.SubscribeAsync(options, cancel).ConfigureAwait(false);
            foreach (MqttClientSubscribeResultItem item in result.Items)
            {
                if ((int)item.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2)
                {
                    throw new BrokerException($"subscription {topicFilter} refused: {item.ResultCode}");
                }
            }
        }

        /// <summary>Publishes at QoS 1, never retained (commands must not outlive their moment), and waits for the PUBACK.</summary>
        /// <exception cref="BrokerException">the broker did not acknowledge</exception>
        public async Task PublishAsync(string topic, byte[] payload, CancellationToken cancel)
        {
            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(payload)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithRetainFlag(false)
                .WithContentType("application/json")
                .Build();
            MqttClientPublishResult result = await _client.PublishAsync(message, cancel).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                throw new BrokerException($"publish to {topic} not acknowledged: {result.ReasonCode} {result.ReasonString}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Leaving anyway: the broker drops the session on its keep-alive.
                }
            }

            _client.Dispose();
            _messages.Writer.TryComplete();
        }
    }
}
