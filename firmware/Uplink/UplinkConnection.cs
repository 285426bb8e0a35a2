using V2G.Hal.Comms;
using V2G.Hal.Security;

namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// The broker connection's supervisor. Every state has a timeout or a deadline: a connect that
    /// hangs (a socket that accepts and never answers, a TLS handshake that stalls) is abandoned after
    /// ConnectTimeoutMs by resetting the client; subscribing and the birth messages must finish within
    /// SubscribeTimeoutMs. After any failure it backs off exponentially (BackoffMinMs doubling up to
    /// BackoffMaxMs) with a random jitter of ± JitterPercent, so a fleet that lost its broker together does
    /// not come back in step; and it never gives up (an M2Mqtt client left to itself stays disconnected
    /// until a reboot). Runs on the uplink thread only: the control thread never waits on it.
    /// </summary>
    public sealed class UplinkConnection
    {
        private readonly UplinkSettings _settings;
        private readonly IUplink _client;
        private readonly IEntropySource _entropy;
        private readonly UplinkConnectOptions _options;
        private readonly string[] _subscriptions;
        private readonly byte[] _random = new byte[2];

        private UplinkConnectionState _state = UplinkConnectionState.Idle;
        private long _deadlineMs;
        private long _stateSinceMs;
        private int _consecutiveFailures;
        private long _lastBackoffMs;
        private long _connects;
        private long _reconnects;
        private long _connectFailures;
        private long _connectTimeouts;
        private long _subscribeFailures;
        private long _linkLosses;
        private long _offlineSinceMs;
        private string _lastError;

        /// <summary>
        /// A supervisor for <paramref name="client"/>, connecting with <paramref name="options"/> (the will
        /// included: the caller fills it before the first poll and may update it between attempts) and
        /// subscribing to <paramref name="subscriptions"/> (QoS 1) on every connection.
        /// </summary>
        public UplinkConnection(UplinkSettings settings, IUplink client, IEntropySource entropy, UplinkConnectOptions options, string[] subscriptions)
        {
            if (settings == null || client == null || entropy == null || options == null || subscriptions == null)
            {
                throw new System.ArgumentNullException();
            }

            _settings = settings;
            _client = client;
            _entropy = entropy;
            _options = options;
            _subscriptions = subscriptions;
        }

        public UplinkConnectionState State => _state;

        public string StateName => UplinkConnectionStateNames.Of(_state);

        /// <summary>Connected, subscribed and the birth messages published.</summary>
        public bool IsOnline => _state == UplinkConnectionState.Online;

        /// <summary>The options every attempt connects with (client id, will, session).</summary>
        public UplinkConnectOptions Options => _options;

        /// <summary>Connections that reached Online.</summary>
        public long Connects => _connects;

        /// <summary>Connections that reached Online after an earlier one (Connects − 1 once connected).</summary>
        public long Reconnects => _reconnects;

        /// <summary>Attempts the client reported as failed (refused, unreachable, TLS).</summary>
        public long ConnectFailures => _connectFailures;

        /// <summary>Attempts abandoned because the connect or the subscriptions took too long.</summary>
        public long ConnectTimeouts => _connectTimeouts;

        /// <summary>Subscriptions or birth messages refused.</summary>
        public long SubscribeFailures => _subscribeFailures;

        /// <summary>Online connections lost.</summary>
        public long LinkLosses => _linkLosses;

        /// <summary>Failures since the last Online (sets the backoff).</summary>
        public int ConsecutiveFailures => _consecutiveFailures;

        /// <summary>The backoff chosen after the last failure, ms.</summary>
        public long LastBackoffMs => _lastBackoffMs;

        /// <summary>When the current state was entered, ms.</summary>
        public long StateSinceMs => _stateSinceMs;

        /// <summary>Since when the link has not been Online, ms (−1 while online).</summary>
        public long OfflineSinceMs => _state == UplinkConnectionState.Online ? -1 : _offlineSinceMs;

        /// <summary>Why the last attempt or connection ended, or null.</summary>
        public string LastError => _lastError;

        /// <summary>Advances the state machine; call from the uplink thread on every pump.</summary>
        public UplinkConnectionEvent Poll(long nowMs)
        {
            switch (_state)
            {
                case UplinkConnectionState.Idle:
                    StartAttempt(nowMs);
                    return UplinkConnectionEvent.None;

                case UplinkConnectionState.Connecting:
                    return PollConnecting(nowMs);

                case UplinkConnectionState.Subscribing:
                    if (_client.LinkState != UplinkLinkState.Connected)
                    {
                        Fail("connection lost while subscribing", nowMs, false);
                    }
                    else if (nowMs >= _deadlineMs)
                    {
                        _connectTimeouts++;
                        Fail("subscribe timeout", nowMs, false);
                    }

                    return UplinkConnectionEvent.None;

                case UplinkConnectionState.Online:
                    if (_client.LinkState != UplinkLinkState.Connected)
                    {
                        _linkLosses++;
                        Fail("connection lost", nowMs, true);
                        return UplinkConnectionEvent.Lost;
                    }

                    return UplinkConnectionEvent.None;

                default:
                    if (nowMs >= _deadlineMs)
                    {
                        StartAttempt(nowMs);
                    }

                    return UplinkConnectionEvent.None;
            }
        }

        /// <summary>
        /// The caller published the birth messages after <see cref="UplinkConnectionEvent.BirthDue"/>:
        /// success makes the connection Online; failure ends it like any other failure.
        /// </summary>
        public void ReportBirth(bool published, long nowMs)
        {
            if (_state != UplinkConnectionState.Subscribing)
            {
                return;
            }

            if (!published)
            {
                _subscribeFailures++;
                Fail("birth publish failed", nowMs, false);
                return;
            }

            if (_connects > 0)
            {
                _reconnects++;
            }

            _connects++;
            _consecutiveFailures = 0;
            Enter(UplinkConnectionState.Online, nowMs);
        }

        /// <summary>Ends the connection now (a protocol error seen by the caller) and backs off.</summary>
        public void Drop(string reason, long nowMs)
        {
            if (_state == UplinkConnectionState.Online)
            {
                _linkLosses++;
            }

            Fail(reason, nowMs, _state == UplinkConnectionState.Online);
        }

        /// <summary>
        /// The backoff after <paramref name="failures"/> consecutive failures before jitter, ms:
        /// BackoffMinMs × 2^(failures − 1), at most BackoffMaxMs.
        /// </summary>
        public long NominalBackoffMs(int failures)
        {
            long backoffMs = _settings.BackoffMinMs;
            for (int i = 1; i < failures && backoffMs < _settings.BackoffMaxMs; i++)
            {
                backoffMs *= 2;
            }

            return backoffMs < _settings.BackoffMaxMs ? backoffMs : _settings.BackoffMaxMs;
        }

        private UplinkConnectionEvent PollConnecting(long nowMs)
        {
            UplinkLinkState link = _client.LinkState;
            if (link == UplinkLinkState.Connected)
            {
                Enter(UplinkConnectionState.Subscribing, nowMs);
                _deadlineMs = nowMs + _settings.SubscribeTimeoutMs;
                for (int i = 0; i < _subscriptions.Length; i++)
                {
                    if (!_client.Subscribe(_subscriptions[i], 1))
                    {
                        _subscribeFailures++;
                        Fail("subscribe refused: " + _subscriptions[i], nowMs, false);
                        return UplinkConnectionEvent.None;
                    }
                }

                return UplinkConnectionEvent.BirthDue;
            }

            if (link == UplinkLinkState.Failed || link == UplinkLinkState.Disconnected)
            {
                _connectFailures++;
                Fail(link == UplinkLinkState.Failed ? "connect failed" : "connect dropped", nowMs, false);
            }
            else if (nowMs >= _deadlineMs)
            {
                // A connect that hangs is the failure other firmwares never recover from: reset the client.
                _connectTimeouts++;
                Fail("connect timeout", nowMs, false);
            }

            return UplinkConnectionEvent.None;
        }

        private void StartAttempt(long nowMs)
        {
            if (_client.LinkState != UplinkLinkState.Disconnected)
            {
                _client.Reset();
            }

            Enter(UplinkConnectionState.Connecting, nowMs);
            _deadlineMs = nowMs + _settings.ConnectTimeoutMs;
            _client.BeginConnect(_options);
        }

        private void Fail(string reason, long nowMs, bool wasOnline)
        {
            _lastError = reason;
            _client.Reset();
            if (wasOnline || _state == UplinkConnectionState.Online)
            {
                _consecutiveFailures = 0;
            }

            _consecutiveFailures++;
            _lastBackoffMs = JitteredBackoffMs(NominalBackoffMs(_consecutiveFailures));
            Enter(UplinkConnectionState.Backoff, nowMs);
            _deadlineMs = nowMs + _lastBackoffMs;
        }

        private void Enter(UplinkConnectionState state, long nowMs)
        {
            if (_state == UplinkConnectionState.Online && state != UplinkConnectionState.Online)
            {
                _offlineSinceMs = nowMs;
            }

            _state = state;
            _stateSinceMs = nowMs;
        }

        /// <summary>The nominal backoff varied uniformly by up to ± JitterPercent.</summary>
        private long JitteredBackoffMs(long nominalMs)
        {
            _entropy.Fill(_random, 0, 2);
            int r = _random[0] | (_random[1] << 8); // 0..65535
            long spanMs = nominalMs * _settings.JitterPercent / 100;
            long jitterMs = (2 * spanMs * r / 65535) - spanMs;
            long ms = nominalMs + jitterMs;
            return ms < 0 ? 0 : ms;
        }
    }
}
