namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// One telemetry sample as published on <c>telemetry</c>: a plain struct the control thread fills
    /// in place (no allocation), encoded by <see cref="TelemetryEncoder"/>. Sign convention: + import
    /// (charging), − export (discharging); <see cref="PowerW"/> is AC at the grid connection point.
    /// </summary>
    public struct TelemetrySample
    {
        /// <summary>When the sample was taken (Unix ms, UTC).</summary>
        public long UnixMs;

        /// <summary>Telemetry sequence number: from 1 each boot, contiguous.</summary>
        public long Seq;

        /// <summary>Charger state name (snake_case, e.g. "energy_transfer").</summary>
        public string State;

        /// <summary>AC power at the grid connection point, W (+ import, − export).</summary>
        public double PowerW;

        /// <summary>DC voltage at the vehicle, V.</summary>
        public double DcVoltageV;

        /// <summary>DC current, A (+ into the vehicle).</summary>
        public double DcCurrentA;

        /// <summary>DC power, W (+ into the vehicle).</summary>
        public double DcPowerW;

        /// <summary>Grid frequency, Hz.</summary>
        public double FrequencyHz;

        /// <summary>Vehicle state of charge, %.</summary>
        public double SocPercent;

        /// <summary>True while a dispatch setpoint is in force (else setpoint_W and setpoint_id are null).</summary>
        public bool HasSetpoint;

        /// <summary>The setpoint in force, W AC (+ import, − export).</summary>
        public double SetpointW;

        /// <summary>The id of the setpoint in force, or null.</summary>
        public string SetpointId;

        /// <summary>Power added by frequency droop, W AC (+ import, − export).</summary>
        public double DroopW;

        /// <summary>What limits the power now ("none" when nothing does).</summary>
        public string LimitReason;

        /// <summary>Why the battery guard clips the power ("none" when it does not).</summary>
        public string BatteryClipReason;

        /// <summary>By how much the battery guard changes the request now, W DC at the vehicle (≥ 0: |allowed − requested|; 0 when it does not).</summary>
        public double BatteryClippedDcW;

        /// <summary>Number of active faults.</summary>
        public int ActiveFaults;
    }
}
