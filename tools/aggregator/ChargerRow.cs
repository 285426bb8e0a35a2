using System;
using System.Collections.Generic;

namespace V2G.Aggregator
{
    /// <summary>What the aggregator knows of one charger: its link, its last live sample, its faults.</summary>
    public sealed class ChargerRow
    {
        public ChargerRow(string chargerId)
        {
            ChargerId = chargerId;
        }

        public string ChargerId { get; }

        /// <summary>"online" or "offline" from the retained status (the will says offline); "?" before any status.</summary>
        public string Link { get; set; } = "?";

        public string Firmware { get; set; }

        public long? BootId { get; set; }

        /// <summary>The newest live sample; replayed (historical) samples never replace it.</summary>
        public TelemetrySample Live { get; set; }

        /// <summary>Fault names raised and not yet cleared (from the event topic).</summary>
        public SortedSet<string> ActiveFaults { get; } = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>When this tool last received anything from the charger (local clock).</summary>
        public DateTimeOffset? LastSeen { get; set; }

        public long LiveSamples { get; set; }

        public long HistoricalSamples { get; set; }

        /// <summary>Payloads that were not what the contract says (malformed JSON, missing ts/seq).</summary>
        public long BadPayloads { get; set; }

        /// <summary>The last event's kind (and its state or fault, when it has one).</summary>
        public string LastEvent { get; set; }

        /// <summary>Limits in force: import and export, with their sources.</summary>
        public string Limits { get; set; }

        /// <summary>Bumped on each change, so a plain-text view prints only the rows that changed.</summary>
        public long Version { get; set; }
    }
}
