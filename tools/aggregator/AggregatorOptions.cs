using System;
using System.Collections.Generic;

namespace V2G.Aggregator
{
    /// <summary>A parsed command line: the subcommand and the options it took (the others keep their defaults).</summary>
    public sealed class AggregatorOptions
    {
        /// <summary>watch, setpoint, droop, heartbeat, record or plot.</summary>
        public string Command { get; set; }

        public BrokerAddress Broker { get; set; } = BrokerAddress.Default;

        public string Username { get; set; }

        public string Password { get; set; }

        public bool Tls { get; set; }

        /// <summary>Accept any broker certificate (test brokers with self-signed certificates).</summary>
        public bool TlsInsecure { get; set; }

        /// <summary>The chargers named with --charger; empty for all (watch) .</summary>
        public List<string> Chargers { get; } = new List<string>();

        /// <summary>The one charger of setpoint, droop, heartbeat and record.</summary>
        public string Charger => Chargers.Count > 0 ? Chargers[0] : null;

        /// <summary>How long to wait for a reply, a connection or a droop answer.</summary>
        public double TimeoutS { get; set; } = 10;

        // watch
        public double? OnceAfterS { get; set; }

        public int RefreshMs { get; set; } = 1000;

        /// <summary>Force the plain-lines view even on a terminal.</summary>
        public bool Plain { get; set; }

        // watch, record, plot
        public string CsvPath { get; set; }

        // record, plot
        public string PngPath { get; set; }

        // setpoint
        public SetpointRequest Setpoint { get; } = new SetpointRequest();

        public bool HasPower { get; set; }

        public double ValidS { get; set; } = 900;

        /// <summary>An explicit expiry instead of now + ValidS (a simulator running on its own clock).</summary>
        public DateTimeOffset? ValidUntil { get; set; }

        // droop
        public DroopRequest Droop { get; } = new DroopRequest();

        // heartbeat
        public double PeriodS { get; set; } = 5;

        public long? Count { get; set; }

        // record
        public double? Seconds { get; set; }

        // plot
        public DateTimeOffset? From { get; set; }

        public DateTimeOffset? To { get; set; }
    }
}
