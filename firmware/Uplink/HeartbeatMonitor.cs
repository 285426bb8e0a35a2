namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// The aggregator's liveness, as SunSpec's WSetRvrt/RvrtTms and EVerest's communication check have
    /// it: armed by the first heartbeat of this boot or by any setpoint put in force (a charger nobody
    /// dispatches has nothing to revert); once armed, no heartbeat for HeartbeatTimeoutMs — whatever the
    /// cause, the aggregator gone or our broker link down — is a loss, and the caller reverts to the
    /// safe setpoint. The next heartbeat restores. Runs on the control thread; allocates nothing.
    /// </summary>
    public sealed class HeartbeatMonitor
    {
        private readonly long _timeoutMs;
        private bool _armed;
        private bool _lost;
        private bool _restorePending;
        private long _lastSignMs;
        private long _losses;
        private long _heartbeats;

        public HeartbeatMonitor(long timeoutMs)
        {
            _timeoutMs = timeoutMs;
        }

        /// <summary>A heartbeat has arrived, or a setpoint is in force.</summary>
        public bool IsArmed => _armed;

        /// <summary>The aggregator is silent: the safe setpoint is in force.</summary>
        public bool IsLost => _lost;

        /// <summary>Losses since boot.</summary>
        public long Losses => _losses;

        /// <summary>Heartbeats received since boot.</summary>
        public long Heartbeats => _heartbeats;

        /// <summary>The last heartbeat (or arming), ms.</summary>
        public long LastSignMs => _lastSignMs;

        /// <summary>A heartbeat arrived at <paramref name="nowMs"/>.</summary>
        public void OnHeartbeat(long nowMs)
        {
            _heartbeats++;
            _armed = true;
            _lastSignMs = nowMs;
            if (_lost)
            {
                _lost = false;
                _restorePending = true;
            }
        }

        /// <summary>
        /// A setpoint was put in force: arms the monitor (the silence is counted from now if no heartbeat
        /// came yet), so a dispatch is never left running without a watch on its sender.
        /// </summary>
        public void OnSetpointInForce(long nowMs)
        {
            if (!_armed)
            {
                _armed = true;
                _lastSignMs = nowMs;
            }
        }

        /// <summary>Checks the silence; returns Lost once per loss and Restored once per restoration.</summary>
        public HeartbeatTransition Update(long nowMs)
        {
            if (_restorePending)
            {
                _restorePending = false;
                return HeartbeatTransition.Restored;
            }

            if (_armed && !_lost && nowMs - _lastSignMs >= _timeoutMs)
            {
                _lost = true;
                _losses++;
                return HeartbeatTransition.Lost;
            }

            return HeartbeatTransition.None;
        }
    }
}
