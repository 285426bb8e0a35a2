namespace V2G.Aggregator
{
    /// <summary>What v2g-aggregator returns to a script.</summary>
    public static class ExitCodes
    {
        /// <summary>Done; a setpoint accepted or clamped; droop settings applied.</summary>
        public const int Ok = 0;

        /// <summary>The charger rejected the command, or nothing to record or plot, or a file could not be read.</summary>
        public const int Rejected = 1;

        /// <summary>No answer in time (setpoint, droop).</summary>
        public const int Timeout = 2;

        /// <summary>A wrong command line (the reason on stderr).</summary>
        public const int Usage = 2;

        /// <summary>The broker could not be reached or refused the connection, a subscription or a publish.</summary>
        public const int BrokerFailure = 3;
    }
}
