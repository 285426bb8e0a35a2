using V2G.Protocol.Telemetry;

namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// One record handed from the control thread to the uplink thread: a preallocated slot of the
    /// <see cref="UplinkOutbox"/> whose fields the control thread fills (values and constant strings
    /// only, so filling allocates nothing) and the uplink thread encodes.
    /// </summary>
    public sealed class UplinkItem
    {
        /// <summary>A slot with its meter record's clip counters preallocated (filling it then allocates nothing).</summary>
        public UplinkItem()
        {
            Meter.ClipTicks = new long[MeterRecord.MaxClipReasons];
        }

        public UplinkItemKind Kind;

        /// <summary>Telemetry: the sample.</summary>
        public TelemetrySample Sample;

        /// <summary>Event: the event.</summary>
        public UplinkEvent Event;

        /// <summary>Meter: the registers.</summary>
        public MeterRecord Meter;

        /// <summary>Replies and limits: when, Unix ms.</summary>
        public long UnixMs;

        /// <summary>Setpoint reply: the command's id.</summary>
        public string CommandId;

        /// <summary>Setpoint reply: the outcome.</summary>
        public DispatchResult Result;

        /// <summary>Setpoint reply: the AC power applied, W (accepted or clamped).</summary>
        public double AppliedW;

        /// <summary>Setpoint or droop reply: why it was clamped or rejected (a constant), or null.</summary>
        public string Reason;

        /// <summary>Setpoint reply rejected on priority: the id of the setpoint in force.</summary>
        public string BlockingId;

        /// <summary>Droop reply: accepted (else rejected with <see cref="Reason"/>).</summary>
        public bool DroopAccepted;

        /// <summary>Limits: AC import limit, W.</summary>
        public double MaxImportW;

        /// <summary>Limits: AC export limit (magnitude), W.</summary>
        public double MaxExportW;

        /// <summary>Limits: where the import limit comes from (LimitSources).</summary>
        public string SourceImport;

        /// <summary>Limits: where the export limit comes from (LimitSources).</summary>
        public string SourceExport;
    }
}
