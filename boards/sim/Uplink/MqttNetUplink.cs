using System;
using System.Buffers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using V2G.Hal.Comms;
using V2G.Sim.Net;

namespace V2G.Sim.Uplink
{
    /// <summary>
    /// The simulator board's broker connection: MQTT 5 over MQTTnet, optionally over TLS, with the will,
    /// clean start and session expiry the firmware's supervisor asks for. It never reconnects by itself.
    /// </summary>
    /// <remarks>
    /// Each client MQTTnet builds is tagged with a generation number; <see cref="Reset"/> moves to a new
    /// generation, so the late completion or disconnect of an abandoned client (a connect that hung for a
    /// minute, say) can never move <see cref="LinkState"/> of the new one.
    /// </remarks>
    public sealed class MqttNetUplink : IUplink, IDisposable
    {
        private readonly MqttNetUplinkOptions _options;
        private readonly MqttClientFactory _factory = new MqttClientFactory();
        private readonly X509Certificate2Collection _anchors;
        private readonly object _gate = new object();
        private IMqttClient _client;
        private CancellationTokenSource _connectCancel;
        private int _generation;
        private UplinkLinkState _state = UplinkLinkState.Disconnected;
        private string _lastError;
        private bool _disposed;

        /// <summary>A disconnected uplink to the broker in <paramref name="options"/>; loads the CA file now, so a wrong path fails early.</summary>
        public MqttNetUplink(MqttNetUplinkOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (string.IsNullOrEmpty(options.Host))
            {
                throw new ArgumentException("no broker host", nameof(options));
            }

            if (options.Port <= 0 || options.Port > 65535)
            {
                throw new ArgumentException("broker port out of range: " + options.Port, nameof(options));
            }

            if (options.TimeoutMs <= 0)
            {
                throw new ArgumentException("TimeoutMs must be positive", nameof(options));
            }

            _options = options;
            if (options.Tls && !string.IsNullOrEmpty(options.CaFile))
            {
                _anchors = new X509Certificate2Collection();
                _anchors.ImportFromPemFile(options.CaFile);
                if (_anchors.Count == 0)
                {
                    throw new ArgumentException("no certificate in " + options.CaFile, nameof(options));
                }
            }

            _client = CreateClient(_generation);
        }

        /// <inheritdoc/>
        public event UplinkMessageHandler MessageReceived;

        /// <inheritdoc/>
        public UplinkLinkState LinkState
        {
            get
            {
                lock (_gate)
                {
                    return _state;
                }
            }
        }

        /// <summary>Why the last connect, publish or subscribe failed (for the shell and the logs); null if none did.</summary>
        public string LastError
        {
            get
            {
                lock (_gate)
                {
                    return _lastError;
                }
            }
        }

        /// <summary>The broker this uplink connects to, as host:port.</summary>
        public string BrokerAddress => _options.Host + ":" + _options.Port;

        /// <inheritdoc/>
        public void BeginConnect(UplinkConnectOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            MqttClientOptions clientOptions = BuildClientOptions(options);
            IMqttClient client;
            CancellationToken cancel;
            int generation;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_state == UplinkLinkState.Connecting || _state == UplinkLinkState.Connected)
                {
                    throw new InvalidOperationException("BeginConnect while " + _state + ": Reset first");
                }

                if (_state == UplinkLinkState.Failed)
                {
                    // MQTTnet's client can connect again after a failure, but a fresh one carries no state
                    // of the failed attempt; the supervisor is told to Reset anyway.
                    ReplaceClientLocked();
                }

                _state = UplinkLinkState.Connecting;
                // MQTTnet's own communication timeout does not bound the wait for the CONNACK (a broker that
                // accepts the socket and never answers hangs ConnectAsync indefinitely): bound it here.
                _connectCancel = new CancellationTokenSource(_options.TimeoutMs);
                cancel = _connectCancel.Token;
                client = _client;
                generation = _generation;
            }

            // ConnectAsync runs on the thread pool: the caller (the uplink pump) never waits for the network.
            Task<MqttClientConnectResult> connecting;
            try
            {
                connecting = client.ConnectAsync(clientOptions, cancel);
            }
            catch (Exception e)
            {
                ConnectFinished(generation, null, e);
                return;
            }

            connecting.ContinueWith(
                t => ConnectFinished(generation, t.IsCompletedSuccessfully ? t.Result : null, t.Exception?.GetBaseException() ?? (t.IsCanceled ? new OperationCanceledException() : null)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        /// <inheritdoc/>
        public void Reset()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                ReplaceClientLocked();
                _state = UplinkLinkState.Disconnected;
            }
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            ArgumentNullException.ThrowIfNull(topic);
            if (length < 0 || (payload == null && length > 0) || (payload != null && length > payload.Length))
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            IMqttClient client = ConnectedClient();
            if (client == null)
            {
                return false;
            }

            // A copy: the firmware reuses its encode buffer as soon as we return, and a publish abandoned
            // at the timeout may still be in MQTTnet's send queue.
            byte[] copy = new byte[length];
            if (length > 0)
            {
                Buffer.BlockCopy(payload, 0, copy, 0, length);
            }

            MqttApplicationMessage message = new MqttApplicationMessageBuilder()
                .WithTopic(topic)
                .WithPayload(copy)
                .WithQualityOfServiceLevel(ToQos(qos))
                .WithRetainFlag(retain)
                .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
                .WithContentType("application/json")
                .Build();
            try
            {
                using var timeout = new CancellationTokenSource(_options.TimeoutMs);
                // QoS 1: completes on the PUBACK (NoMatchingSubscribers counts as delivered to the broker);
                // QoS 0: completes once the packet is written to the socket.
                MqttClientPublishResult result = client.PublishAsync(message, timeout.Token).GetAwaiter().GetResult();
                if (!result.IsSuccess)
                {
                    Fail("publish to " + topic + " refused: " + result.ReasonCode + " " + result.ReasonString);
                }

                return result.IsSuccess;
            }
            catch (OperationCanceledException)
            {
                Fail("publish to " + topic + ": no acknowledgement within " + _options.TimeoutMs + " ms");
                return false;
            }
            catch (Exception e)
            {
                Fail("publish to " + topic + ": " + e.Message);
                return false;
            }
        }

        /// <inheritdoc/>
        public bool Subscribe(string topicFilter, int qos)
        {
            ArgumentNullException.ThrowIfNull(topicFilter);
            IMqttClient client = ConnectedClient();
            if (client == null)
            {
                return false;
            }

            MqttClientSubscribeOptions subscribe = _factory.CreateSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(topicFilter).WithQualityOfServiceLevel(ToQos(qos)))
                .Build();
            try
            {
                using var timeout = new CancellationTokenSource(_options.TimeoutMs);
                MqttClientSubscribeResult result = client.SubscribeAsync(subscribe, timeout.Token).GetAwaiter().GetResult();
                foreach (MqttClientSubscribeResultItem item in result.Items)
                {
                    if ((int)item.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2)
                    {
                        Fail("subscribe to " + topicFilter + " refused: " + item.ResultCode);
                        return false;
                    }
                }

                return true;
            }
            catch (OperationCanceledException)
            {
                Fail("subscribe to " + topicFilter + ": no SUBACK within " + _options.TimeoutMs + " ms");
                return false;
            }
            catch (Exception e)
            {
                Fail("subscribe to " + topicFilter + ": " + e.Message);
                return false;
            }
        }

        /// <summary>Disconnects cleanly if connected (the broker then discards the will: a deliberate stop is not an outage) and releases the client.</summary>
        public void Dispose()
        {
            IMqttClient client;
            bool wasConnected;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _generation++;
                _connectCancel?.Cancel();
                client = _client;
                wasConnected = _state == UplinkLinkState.Connected;
                _state = UplinkLinkState.Disconnected;
            }

            if (wasConnected)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(_options.TimeoutMs);
                    client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).GetAwaiter().GetResult();
                }
                catch (Exception)
                {
                    // Already gone: the broker publishes the will, which is the truth.
                }
            }

            client.Dispose();
            _connectCancel?.Dispose();
        }

        private MqttClientOptions BuildClientOptions(UplinkConnectOptions options)
        {
            if (string.IsNullOrEmpty(options.ClientId))
            {
                throw new ArgumentException("no client id", nameof(options));
            }

            MqttClientOptionsBuilder builder = _factory.CreateClientOptionsBuilder()
                .WithTcpServer(_options.Host, _options.Port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId(options.ClientId)
                .WithCleanStart(options.CleanStart)
                .WithSessionExpiryInterval((uint)Math.Max(0, options.SessionExpiryS))
                .WithKeepAlivePeriod(TimeSpan.FromSeconds(Math.Max(0, options.KeepAliveS)))
                .WithTimeout(TimeSpan.FromMilliseconds(_options.TimeoutMs));
            if (!string.IsNullOrEmpty(_options.Username))
            {
                builder.WithCredentials(_options.Username, _options.Password ?? string.Empty);
            }

            if (options.WillTopic != null)
            {
                byte[] will = new byte[options.WillLength];
                Buffer.BlockCopy(options.WillPayload, 0, will, 0, options.WillLength);
                builder.WithWillTopic(options.WillTopic)
                    .WithWillPayload(will)
                    .WithWillQualityOfServiceLevel(ToQos(options.WillQos))
                    .WithWillRetain(options.WillRetain)
                    .WithWillPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
                    .WithWillContentType("application/json");
            }

            if (_options.Tls)
            {
                builder.WithTlsOptions(tls => tls
                    .UseTls(true)
                    .WithTargetHost(_options.Host)
                    .WithCertificateValidationHandler(e => AcceptBrokerCertificate(e.Certificate, e.Chain, e.SslPolicyErrors)));
            }

            return builder.Build();
        }

        private bool AcceptBrokerCertificate(X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (_options.AllowUntrusted)
            {
                return true;
            }

            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (_anchors == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                // A name mismatch or a missing certificate is never excused by a private CA.
                return false;
            }

            return CertificateChecks.ChainsTo(certificate, chain, _anchors);
        }

        private IMqttClient CreateClient(int generation)
        {
            IMqttClient client = _factory.CreateMqttClient();
            client.ConnectedAsync += _ =>
            {
                lock (_gate)
                {
                    if (generation == _generation && _state == UplinkLinkState.Connecting)
                    {
                        _state = UplinkLinkState.Connected;
                    }
                }

                return Task.CompletedTask;
            };
            client.DisconnectedAsync += e =>
            {
                lock (_gate)
                {
                    if (generation == _generation && _state == UplinkLinkState.Connected)
                    {
                        // The broker or the network dropped us; a failed connect is ConnectFinished's to report.
                        _state = UplinkLinkState.Disconnected;
                        _lastError = "connection lost: " + e.Reason + (e.Exception != null ? " (" + e.Exception.GetBaseException().Message + ")" : string.Empty);
                    }
                }

                return Task.CompletedTask;
            };
            client.ApplicationMessageReceivedAsync += e =>
            {
                UplinkMessageHandler handler = MessageReceived;
                if (handler == null)
                {
                    return Task.CompletedTask;
                }

                MqttApplicationMessage message = e.ApplicationMessage;
                byte[] payload = message.Payload.IsEmpty ? Array.Empty<byte>() : message.Payload.ToArray();
                try
                {
                    handler(message.Topic, payload, payload.Length);
                }
                catch (Exception ex)
                {
                    // A throwing handler must not take MQTTnet's receive loop down with it; the message is
                    // still acknowledged (a redelivery would throw the same way).
                    Fail("inbound " + message.Topic + ": handler threw " + ex.GetType().Name + ": " + ex.Message);
                }

                return Task.CompletedTask;
            };
            return client;
        }

        private void ConnectFinished(int generation, MqttClientConnectResult result, Exception error)
        {
            lock (_gate)
            {
                if (generation != _generation)
                {
                    return;
                }

                if (result != null && result.ResultCode == MqttClientConnectResultCode.Success)
                {
                    // The connect's deadline must not fire into the established connection.
                    _connectCancel?.CancelAfter(Timeout.Infinite);
                    // Normally ConnectedAsync got here first; if the link died in between, DisconnectedAsync
                    // already found us Connecting and left it to us: ask the client.
                    _state = _client.IsConnected ? UplinkLinkState.Connected : UplinkLinkState.Disconnected;
                    return;
                }

                _state = UplinkLinkState.Failed;
                _lastError = result != null
                    ? "connect refused: " + result.ResultCode + " " + result.ReasonString
                    : "connect failed: " + (error is OperationCanceledException ? "no CONNACK within " + _options.TimeoutMs + " ms" : DescribeConnectError(error));
            }
        }

        private static string DescribeConnectError(Exception error)
        {
            if (error == null)
            {
                return "unknown";
            }

            // MQTTnet wraps socket and TLS errors; the innermost message says what happened.
            string inner = error.InnerException?.GetBaseException().Message;
            return inner != null && inner != error.Message ? error.Message + " (" + inner + ")" : error.Message;
        }

        /// <summary>Abandons the current client (its connect cancelled, its socket closed without DISCONNECT, so the broker publishes the will) and builds the next.</summary>
        private void ReplaceClientLocked()
        {
            _generation++;
            CancellationTokenSource cancel = _connectCancel;
            _connectCancel = null;
            IMqttClient old = _client;
            _client = CreateClient(_generation);
            // Off the caller's thread: disposing a client whose connect hangs in a TLS handshake must not block the pump.
            Task.Run(() =>
            {
                try
                {
                    cancel?.Cancel();
                    old.Dispose();
                }
                catch (Exception)
                {
                    // An abandoned client's cleanup failing changes nothing for the new one.
                }
                finally
                {
                    cancel?.Dispose();
                }
            });
        }

        private IMqttClient ConnectedClient()
        {
            lock (_gate)
            {
                return _state == UplinkLinkState.Connected && !_disposed ? _client : null;
            }
        }

        private void Fail(string error)
        {
            lock (_gate)
            {
                _lastError = error;
            }
        }

        private static MqttQualityOfServiceLevel ToQos(int qos)
        {
            switch (qos)
            {
                case 0:
                    return MqttQualityOfServiceLevel.AtMostOnce;
                case 1:
                    return MqttQualityOfServiceLevel.AtLeastOnce;
                case 2:
                    return MqttQualityOfServiceLevel.ExactlyOnce;
                default:
                    throw new ArgumentOutOfRangeException(nameof(qos), qos, "QoS is 0, 1 or 2");
            }
        }
    }
}
