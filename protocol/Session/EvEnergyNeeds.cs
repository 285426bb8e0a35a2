namespace V2G.Protocol.Session
{
    /// <summary>
    /// What the vehicle says about the energy it needs and when it leaves (ISO 15118-20 ScheduleExchange and
    /// the charge loop's DisplayParameters and Dynamic/Scheduled control modes; GB/T 27930 BCP/BCS where they
    /// map). Every unknown value is NaN (or <see cref="HasDeparture"/> false). Energies in Wh, + into the vehicle.
    /// </summary>
    public struct EvEnergyNeeds
    {
        /// <summary>The SoC the vehicle must not go below, % (ISO 15118-20 MinimumSOC; NaN if not told).</summary>
        public double MinimumSocPercent;

        /// <summary>The SoC the vehicle wants at departure, % (ISO 15118-20 TargetSOC; NaN if not told).</summary>
        public double TargetSocPercent;

        /// <summary>True if <see cref="DepartureInS"/> is known.</summary>
        public bool HasDeparture;

        /// <summary>Seconds from the moment this was received to the departure (ISO 15118-20 DepartureTime).</summary>
        public double DepartureInS;

        /// <summary>Energy to the target SoC, Wh (EVTargetEnergyRequest; NaN if not told).</summary>
        public double TargetEnergyRequestWh;

        /// <summary>Energy to the maximum SoC, Wh (EVMaximumEnergyRequest; NaN if not told).</summary>
        public double MaximumEnergyRequestWh;

        /// <summary>Energy to the minimum SoC, Wh (EVMinimumEnergyRequest; negative when above it; NaN if not told).</summary>
        public double MinimumEnergyRequestWh;

        /// <summary>BPT: EVMaximumV2XEnergyRequest, Wh (NaN if not told).</summary>
        public double MaximumV2XEnergyRequestWh;

        /// <summary>BPT: EVMinimumV2XEnergyRequest, Wh (NaN if not told).</summary>
        public double MinimumV2XEnergyRequestWh;

        /// <summary>Needs with nothing known.</summary>
        public static EvEnergyNeeds Unknown()
        {
            EvEnergyNeeds n = new EvEnergyNeeds();
            n.Clear();
            return n;
        }

        /// <summary>Sets every value to unknown.</summary>
        public void Clear()
        {
            MinimumSocPercent = double.NaN;
            TargetSocPercent = double.NaN;
            HasDeparture = false;
            DepartureInS = double.NaN;
            TargetEnergyRequestWh = double.NaN;
            MaximumEnergyRequestWh = double.NaN;
            MinimumEnergyRequestWh = double.NaN;
            MaximumV2XEnergyRequestWh = double.NaN;
            MinimumV2XEnergyRequestWh = double.NaN;
        }
    }
}
