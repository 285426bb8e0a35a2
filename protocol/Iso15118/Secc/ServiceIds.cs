namespace V2G.Protocol.Iso15118.Secc
{
    /// <summary>ISO 15118-20 energy transfer service IDs and the ServiceDetail parameter values the charger uses.</summary>
    public static class ServiceIds
    {
        /// <summary>DC charging.</summary>
        public const ushort Dc = 2;

        /// <summary>DC bidirectional power transfer.</summary>
        public const ushort DcBpt = 6;

        /// <summary>Parameter set ID offered for the Dynamic control mode.</summary>
        public const ushort DynamicParameterSetId = 1;

        /// <summary>Parameter set ID offered for the Scheduled control mode.</summary>
        public const ushort ScheduledParameterSetId = 2;

        /// <summary>"Connector": 2 = extended (as the reference vector sends).</summary>
        public const int ConnectorExtended = 2;

        /// <summary>"MobilityNeedsMode": 1 = provided by the EVCC.</summary>
        public const int MobilityNeedsProvidedByEvcc = 1;

        /// <summary>"Pricing": 0 = no pricing.</summary>
        public const int NoPricing = 0;

        /// <summary>"BPTChannel": 1 = unified.</summary>
        public const int BptChannelUnified = 1;

        /// <summary>"GeneratorMode": 1 = grid following.</summary>
        public const int GeneratorModeGridFollowing = 1;

        /// <summary>The namespace of the only application protocol the charger negotiates.</summary>
        public const string Iso20DcNamespace = "urn:iso:std:iso:15118:-20:DC";
    }
}
