namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// The energy registers as published on <c>meter</c> (billing data: queued through outages and
    /// replayed, never dropped before telemetry and events). Import = from the grid into the vehicle.
    /// </summary>
    public struct MeterRecord
    {
        /// <summary>When the registers were read (Unix ms, UTC).</summary>
        public long UnixMs;

        /// <summary>Meter sequence number: from 1 each boot, contiguous.</summary>
        public long Seq;

        /// <summary>Lifetime energy imported from the grid, Wh.</summary>
        public double EnergyImportWh;

        /// <summary>Lifetime energy exported to the grid, Wh.</summary>
        public double EnergyExportWh;

        /// <summary>Energy charged into the vehicle in the current (or last) session, Wh.</summary>
        public double SessionChargedWh;

        /// <summary>Energy discharged from the vehicle in the current (or last) session, Wh.</summary>
        public double SessionDischargedWh;

        /// <summary>Sessions since the registers were started.</summary>
        public long Sessions;
    }
}
