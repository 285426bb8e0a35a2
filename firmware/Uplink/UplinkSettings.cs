namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// The uplink's configuration: the charger's identity on the broker, the reporting periods, the
    /// supervisor's timeouts and backoff, the command limits and the fallback when the aggregator goes
    /// silent. Values the spec marks as our own judgement ([G]) are settings here.
    /// </summary>
    public sealed class UplinkSettings
    {
        /// <summary>The charger's id in the topics v2g/1/{id}/… (1–32 of [A-Za-z0-9_-]); also the MQTT client id.</summary>
        public string ChargerId = "sim-0001";

        /// <summary>Firmware version reported in the status (birth) message.</summary>
        public string FirmwareVersion = "0.7.0";

        // --- Reporting ---

        /// <summary>Telemetry period while dispatched, in energy transfer or in a frequency event, ms.</summary>
        public int TelemetryActivePeriodMs = 1000;

        /// <summary>
        /// QoS of live telemetry: 1 (the default) so that a sample in flight when the link breaks is
        /// kept and replayed, not lost; 0 saves the acknowledgement on a metered link at that price.
        /// </summary>
        public int TelemetryQos = 1;

        /// <summary>Telemetry period otherwise, ms (the spec leaves the idle figure to us [G]: 10–60 s).</summary>
        public int TelemetryIdlePeriodMs = 10000;

        /// <summary>Meter register period, ms.</summary>
        public int MeterPeriodMs = 60000;

        // --- Aggregator liveness and fallback ---

        /// <summary>No heartbeat for this long (once armed) reverts to the safe setpoint, ms.</summary>
        public int HeartbeatTimeoutMs = 60000;

        /// <summary>
        /// The safe setpoint: true drops the dispatch and serves the vehicle's own request (never exports);
        /// false holds <see cref="FallbackPowerW"/> instead.
        /// </summary>
        public bool FallbackFollowsVehicle = true;

        /// <summary>AC power held after a heartbeat loss when <see cref="FallbackFollowsVehicle"/> is false, W (+ import); clamped at the local limits.</summary>
        public double FallbackPowerW = 0;

        // --- Connection supervisor ---

        /// <summary>A connect not finished after this long is abandoned (the client is reset), ms.</summary>
        public int ConnectTimeoutMs = 10000;

        /// <summary>Subscribing and the birth publications must finish within this long, ms.</summary>
        public int SubscribeTimeoutMs = 5000;

        /// <summary>First backoff after a failure, ms; doubles per consecutive failure.</summary>
        public int BackoffMinMs = 1000;

        /// <summary>Longest backoff, ms (the supervisor never gives up).</summary>
        public int BackoffMaxMs = 60000;

        /// <summary>Each backoff is varied by up to ± this percentage (so a fleet does not reconnect in step).</summary>
        public int JitterPercent = 25;

        /// <summary>MQTT keep-alive, s.</summary>
        public int KeepAliveS = 30;

        /// <summary>MQTT 5 session expiry, s: the broker keeps QoS 1 commands this long over an outage.</summary>
        public int SessionExpiryS = 3600;

        // --- Store and forward ---

        /// <summary>Stored records replayed per pump once back online (bounds one pump's duration).</summary>
        public int ReplayPerPumpMax = 20;

        // --- Commands ---

        /// <summary>Largest inbound command payload, bytes; longer ones are rejected unread.</summary>
        public int MaxCommandBytes = 1024;

        /// <summary>Command ids remembered with their replies, so a QoS 1 repeat is applied once.</summary>
        public int CommandIdMemory = 32;

        /// <summary>
        /// AC↔DC efficiency of the converter used to turn AC setpoints (grid connection point) into the
        /// controller's DC power and back. An assumption: the board sets its converter's figure.
        /// </summary>
        public double ConverterEfficiency = 0.95;

        /// <summary>
        /// With a grid meter, a setpoint is held at the grid connection point by trimming the DC command
        /// against the metered AC power (the efficiency above is only the feedforward): the trim's
        /// integral time constant, ms; 0 = no trim.
        /// </summary>
        public int GridPointTrimTimeConstantMs = 5000;

        /// <summary>The trim never moves the DC command by more than this share of the setpoint.</summary>
        public double GridPointTrimMaxFraction = 0.1;

        /// <summary>|power_W| above this is rejected as out of range, W; 0 = 10 × the charger's rating.</summary>
        public double SetpointAbsoluteMaxW = 0;

        /// <summary>
        /// The currency of the battery's replacement cost (<c>BatteryGuardSettings.Degradation.ReplacementCost</c>),
        /// hence of the degradation costs the meter records carry: an ISO 4217 code; "CNY" as in the battery-ageing
        /// digest's example. The records say "" while the replacement cost is 0 (unknown).
        /// </summary>
        public string BatteryCostCurrency = "CNY";

        /// <summary>Record id of the boot counter in the non-volatile store ("UB").</summary>
        public int BootIdRecordId = 0x5542;
    }
}
