// The ESP32 and STM32 boards' broker connection: IUplink over nanoFramework.M2Mqtt (MQTT 5).
//
// NOT COMPILED IN THIS REPOSITORY: the nanoFramework.M2Mqtt package (and nanoFramework's networking)
// are not available to the host build. No csproj includes boards/common/; the device projects of the
// ESP32 (Wi-Fi) and STM32 (Ethernet) boards add this file with a link when they are created, together
// with a PackageReference to nanoFramework.M2Mqtt. Both boards share it: M2Mqtt's API is the same on
// both, only the network bring-up differs and that is the board's Program, not the uplink's.
//
// Written against nanoFramework.M2Mqtt's MqttClient (namespaces nanoFramework.M2Mqtt and
// nanoFramework.M2Mqtt.Messages): Connect(...) blocks until the CONNACK (or throws
// MqttConnectionException); Publish/Subscribe only enqueue and return a message id, whose outcome
// arrives later as MqttMsgPublished / MqttMsgSubscribed on M2Mqtt's dispatch thread.
//
// How the IUplink contract maps onto that:
// - BeginConnect: Connect runs on a worker thread; LinkState is Connecting until it returns.
// - Reset: the current MqttClient is abandoned (closed on another thread, which closes its socket and
//   so unblocks a Connect that hangs in a TLS handshake or waiting for the CONNACK) and a new one is
//   built. An abandoned worker that returns later finds a newer generation and changes nothing.
// - Publish: the payload is copied to an exact-length array (M2Mqtt takes byte[] without a length and
//   keeps it until sent, while the firmware reuses its encode buffer). QoS 1 waits for MqttMsgPublished
//   with this message id, at most TimeoutMs.
// - MessageReceived: raised from MqttMsgPublishReceived, on M2Mqtt's dispatch thread.
using System;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using V2G.Hal.Comms;

namespace V2G.Boards.Uplink
{
    /// <summary>IUplink over nanoFramework.M2Mqtt, MQTT 5, optionally over TLS; never reconnects by itself.</summary>
    public sealed class M2MqttUplink : IUplink
    {
        /// <summary>Acknowledgements remembered, in case one arrives before Publish returned its message id.</summary>
        private const int AckMemory = 8;

        private readonly string _host;
        private readonly int _port;
        private readonly bool _secure;
        private readonly X509Certificate _caCertificate;
        private readonly string _username;
        private readonly string _password;
        private readonly int _timeoutMs;

        private readonly object _gate = new object();
        private readonly object _publishGate = new object();
        private readonly AutoResetEvent _ackSignal = new AutoResetEvent(false);
        private readonly ushort[] _ackIds = new ushort[AckMemory];
        private readonly bool[] _ackPublished = new bool[AckMemory];
        private readonly bool[] _ackUsed = new bool[AckMemory];
        private int _ackNext;

        private readonly AutoResetEvent _subscribeSignal = new AutoResetEvent(false);
        private ushort _subscribeAckId;
        private bool _subscribeGranted;
        private bool _subscribeAnswered;

        private MqttClient _client;
        private int _generation;
        private UplinkLinkState _state = UplinkLinkState.Disconnected;
        private string _lastError;

        // The attempt's parameters, copied by BeginConnect for the worker thread.
        private string _connectClientId;
        private string _connectWillTopic;
        private string _connectWillMessage;
        private MqttQoSLevel _connectWillQos;
        private bool _connectWillRetain;
        private bool _connectCleanStart;
        private ushort _connectKeepAliveS;
        private uint _connectSessionExpiryS;

        /// <summary>
        /// An uplink to <paramref name="host"/>:<paramref name="port"/>; <paramref name="secure"/> for TLS 1.2
        /// with <paramref name="caCertificate"/> as the trust anchor (the device has no system store);
        /// <paramref name="username"/> null for none; <paramref name="timeoutMs"/> bounds the wait for a PUBACK or SUBACK.
        /// </summary>
        public M2MqttUplink(string host, int port, bool secure, X509Certificate caCertificate, string username, string password, int timeoutMs)
        {
            if (host == null || host.Length == 0)
            {
                throw new ArgumentException("no broker host");
            }

            if (timeoutMs <= 0)
            {
                throw new ArgumentOutOfRangeException("timeoutMs");
            }

            _host = host;
            _port = port;
            _secure = secure;
            _caCertificate = caCertificate;
            _username = username;
            _password = password;
            _timeoutMs = timeoutMs;
            _client = NewClient();
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

        /// <summary>Why the last connect, publish or subscribe failed; null if none did.</summary>
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

        /// <inheritdoc/>
        public void BeginConnect(UplinkConnectOptions options)
        {
            if (options == null || options.ClientId == null)
            {
                throw new ArgumentNullException("options");
            }

            lock (_gate)
            {
                if (_state == UplinkLinkState.Connecting || _state == UplinkLinkState.Connected)
                {
                    throw new InvalidOperationException("BeginConnect while connecting or connected: Reset first");
                }

                if (_state == UplinkLinkState.Failed)
                {
                    ReplaceClientLocked();
                }

                _connectClientId = options.ClientId;
                _connectWillTopic = options.WillTopic;
                // M2Mqtt takes the will as a string; ours is UTF-8 JSON, so nothing is lost.
                _connectWillMessage = options.WillTopic != null ? Encoding.UTF8.GetString(options.WillPayload, 0, options.WillLength) : null;
                _connectWillQos = options.WillQos >= 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce;
                _connectWillRetain = options.WillRetain;
                _connectCleanStart = options.CleanStart;
                _connectKeepAliveS = (ushort)(options.KeepAliveS < 0 ? 0 : options.KeepAliveS);
                _connectSessionExpiryS = (uint)(options.SessionExpiryS < 0 ? 0 : options.SessionExpiryS);
                _state = UplinkLinkState.Connecting;
                new Thread(ConnectWorker).Start();
            }
        }

        /// <inheritdoc/>
        public void Reset()
        {
            lock (_gate)
            {
                ReplaceClientLocked();
                _state = UplinkLinkState.Disconnected;
            }
        }

        /// <inheritdoc/>
        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            MqttClient client = ConnectedClient();
            if (client == null)
            {
                return false;
            }

            byte[] message = new byte[length];
            Array.Copy(payload, 0, message, 0, length);
            // One publish in flight at a time: the uplink pump is the only publisher, and the ack memory is small.
            lock (_publishGate)
            {
                ushort id;
                try
                {
                    id = client.Publish(topic, message, null, null, qos >= 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce, retain);
                }
                catch (Exception e)
                {
                    // MqttClientException (inflight queue full) or the connection closing under us.
                    Fail("publish to " + topic + ": " + e.Message);
                    return false;
                }

                if (qos < 1)
                {
                    return true;
                }

                return WaitForPublished(id, topic);
            }
        }

        /// <inheritdoc/>
        public bool Subscribe(string topicFilter, int qos)
        {
            MqttClient client = ConnectedClient();
            if (client == null)
            {
                return false;
            }

            lock (_publishGate)
            {
                ushort id;
                lock (_gate)
                {
                    _subscribeAnswered = false;
                }

                try
                {
                    id = client.Subscribe(new string[] { topicFilter }, new MqttQoSLevel[] { qos >= 1 ? MqttQoSLevel.AtLeastOnce : MqttQoSLevel.AtMostOnce });
                }
                catch (Exception e)
                {
                    Fail("subscribe to " + topicFilter + ": " + e.Message);
                    return false;
                }

                DateTime deadline = DateTime.UtcNow.AddMilliseconds(_timeoutMs);
                while (true)
                {
                    lock (_gate)
                    {
                        if (_subscribeAnswered && _subscribeAckId == id)
                        {
                            if (!_subscribeGranted)
                            {
                                _lastError = "subscribe to " + topicFilter + " refused";
                            }

                            return _subscribeGranted;
                        }
                    }

                    int leftMs = (int)((deadline.Ticks - DateTime.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond);
                    if (leftMs <= 0)
                    {
                        Fail("subscribe to " + topicFilter + ": no SUBACK within " + _timeoutMs + " ms");
                        return false;
                    }

                    _subscribeSignal.WaitOne(leftMs, false);
                }
            }
        }

        private void ConnectWorker()
        {
            MqttClient client;
            int generation;
            string clientId;
            string willTopic;
            string willMessage;
            MqttQoSLevel willQos;
            bool willRetain;
            bool cleanStart;
            ushort keepAliveS;
            uint sessionExpiryS;
            lock (_gate)
            {
                client = _client;
                generation = _generation;
                clientId = _connectClientId;
                willTopic = _connectWillTopic;
                willMessage = _connectWillMessage;
                willQos = _connectWillQos;
                willRetain = _connectWillRetain;
                cleanStart = _connectCleanStart;
                keepAliveS = _connectKeepAliveS;
                sessionExpiryS = _connectSessionExpiryS;
            }

            MqttReasonCode code;
            string error = null;
            try
            {
                client.ProtocolVersion = MqttProtocolVersion.Version_5;
                client.SessionExpiryInterval = sessionExpiryS;
                // Blocks for the socket, the TLS handshake and the CONNACK; Reset closes the client to end it.
                code = client.Connect(clientId, _username, _password, willRetain, willQos, willTopic != null, willTopic, willMessage, cleanStart, keepAliveS);
            }
            catch (Exception e)
            {
                code = MqttReasonCode.UnspecifiedError;
                error = "connect failed: " + e.Message + (e.InnerException != null ? " (" + e.InnerException.Message + ")" : string.Empty);
            }

            lock (_gate)
            {
                if (generation != _generation)
                {
                    // Abandoned by Reset while it hung: ReplaceClientLocked already closes this client.
                    return;
                }

                if (error == null && code == MqttReasonCode.Success)
                {
                    _state = UplinkLinkState.Connected;
                    return;
                }

                _state = UplinkLinkState.Failed;
                _lastError = error != null ? error : "connect refused: reason code " + (int)code;
            }
        }

        private bool WaitForPublished(ushort id, string topic)
        {
            DateTime deadline = DateTime.UtcNow.AddMilliseconds(_timeoutMs);
            while (true)
            {
                lock (_gate)
                {
                    for (int i = 0; i < AckMemory; i++)
                    {
                        if (_ackUsed[i] && _ackIds[i] == id)
                        {
                            _ackUsed[i] = false;
                            if (!_ackPublished[i])
                            {
                                _lastError = "publish to " + topic + " not acknowledged after M2Mqtt's retries";
                            }

                            return _ackPublished[i];
                        }
                    }
                }

                int leftMs = (int)((deadline.Ticks - DateTime.UtcNow.Ticks) / TimeSpan.TicksPerMillisecond);
                if (leftMs <= 0)
                {
                    Fail("publish to " + topic + ": no acknowledgement within " + _timeoutMs + " ms");
                    return false;
                }

                _ackSignal.WaitOne(leftMs, false);
            }
        }

        private MqttClient NewClient()
        {
            MqttClient client = new MqttClient(_host, _port, _secure, _caCertificate, null, _secure ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            client.MqttMsgPublishReceived += OnPublishReceived;
            client.MqttMsgPublished += OnPublished;
            client.MqttMsgSubscribed += OnSubscribed;
            client.ConnectionClosed += OnConnectionClosed;
            return client;
        }

        private void ReplaceClientLocked()
        {
            _generation++;
            MqttClient old = _client;
            _client = NewClient();
            old.MqttMsgPublishReceived -= OnPublishReceived;
            old.MqttMsgPublished -= OnPublished;
            old.MqttMsgSubscribed -= OnSubscribed;
            old.ConnectionClosed -= OnConnectionClosed;
            // Close sleeps and joins M2Mqtt's threads: never on the caller's (the pump's) thread.
            new Thread(new ClientCloser(old).Run).Start();
        }

        private void OnPublishReceived(object sender, MqttMsgPublishEventArgs e)
        {
            if (sender != _client)
            {
                return;
            }

            UplinkMessageHandler handler = MessageReceived;
            if (handler != null && e.Message != null)
            {
                handler(e.Topic, e.Message, e.Message.Length);
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_gate)
            {
                if (sender != _client)
                {
                    return;
                }

                _ackIds[_ackNext] = e.MessageId;
                _ackPublished[_ackNext] = e.IsPublished;
                _ackUsed[_ackNext] = true;
                _ackNext = (_ackNext + 1) % AckMemory;
            }

            _ackSignal.Set();
        }

        private void OnSubscribed(object sender, MqttMsgSubscribedEventArgs e)
        {
            lock (_gate)
            {
                if (sender != _client)
                {
                    return;
                }

                bool granted = e.GrantedQoSLevels != null && e.GrantedQoSLevels.Length > 0;
                if (granted)
                {
                    for (int i = 0; i < e.GrantedQoSLevels.Length; i++)
                    {
                        if ((int)e.GrantedQoSLevels[i] >= 0x80)
                        {
                            granted = false;
                        }
                    }
                }

                _subscribeAckId = e.MessageId;
                _subscribeGranted = granted;
                _subscribeAnswered = true;
            }

            _subscribeSignal.Set();
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            lock (_gate)
            {
                if (sender == _client && _state == UplinkLinkState.Connected)
                {
                    _state = UplinkLinkState.Disconnected;
                    _lastError = "connection lost";
                }
            }
        }

        private MqttClient ConnectedClient()
        {
            lock (_gate)
            {
                return _state == UplinkLinkState.Connected ? _client : null;
            }
        }

        private void Fail(string error)
        {
            lock (_gate)
            {
                _lastError = error;
            }
        }

        /// <summary>Closes an abandoned client on its own thread (no closures: the device's compiler support is kept simple).</summary>
        private sealed class ClientCloser
        {
            private readonly MqttClient _client;

            public ClientCloser(MqttClient client)
            {
                _client = client;
            }

            public void Run()
            {
                try
                {
                    // Close, not Disconnect: no DISCONNECT packet, so the broker publishes the will (the link
                    // is being dropped because it misbehaved; the aggregator should see the charger offline).
                    _client.Close();
                }
                catch (Exception)
                {
                    // Its socket may never have opened.
                }
            }
        }
    }
}
