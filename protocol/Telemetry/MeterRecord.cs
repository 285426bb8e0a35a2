namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// The energy registers as published on <c>meter</c> (billing data: queued through outages and
    /// replayed, never dropped before telemetry and events). Import = from the grid into the vehicle.
    /// With them, the battery guard's figures: the wear the sessions caused and how often the guard clipped.
    /// </summary>
    public struct MeterRecord
    {
        /// <summary>Most clip reasons a record can carry.</summary>
        public const int MaxClipReasons = 16;

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

        /// <summary>Equivalent full cycles of the current (or last) session.</summary>
        public double SessionEfc;

        /// <summary>Equivalent full cycles over the battery's life (as far as this charger has seen it).</summary>
        public double LifetimeEfc;

        /// <summary>Estimated capacity loss over the battery's life, calendar ageing included, % of the rated capacity.</summary>
        public double CapacityLossPercent;

        /// <summary>Cost of the current (or last) session's cycling wear, in <see cref="Currency"/>; NaN when the pack's replacement cost is unknown (written null).</summary>
        public double DegradationCost;

        /// <summary><see cref="DegradationCost"/> per kWh discharged in the session; NaN when unknown or nothing was discharged (written null).</summary>
        public double CostPerKWhDischarged;

        /// <summary>The currency of the costs (ISO 4217, e.g. "CNY"); "" when they are unknown.</summary>
        public string Currency;

        /// <summary>The names of the clip reasons, index for index with <see cref="ClipTicks"/> (a constant table, shared).</summary>
        public string[] ClipReasonNames;

        /// <summary>Control ticks on which each reason clipped a request (a preallocated array of the slot); reasons at 0 are not written.</summary>
        public long[] ClipTicks;

        /// <summary>How many entries of <see cref="ClipReasonNames"/> and <see cref="ClipTicks"/> are in use.</summary>
        public int ClipReasonCount;
    }
}
