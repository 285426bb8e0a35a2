using System.Collections.Generic;
using V2G.Firmware.Faults;

namespace V2G.Sim.Simulation
{
    /// <summary>What a simulator run produced: the summary's facts and the recorded series.</summary>
    public sealed class RunResult
    {
        public string Scenario { get; set; } = "";

        /// <summary>"ok" or "fault".</summary>
        public string Result => Faults.Count > 0 ? "fault" : "ok";

        public List<string> States { get; } = new List<string>();

        public List<StateMark> StateMarks { get; } = new List<StateMark>();

        public List<FaultRecord> Faults { get; } = new List<FaultRecord>();

        public List<Sample> Samples { get; } = new List<Sample>();

        public List<LimitViolation> LimitViolations { get; } = new List<LimitViolation>();

        public double EnergyChargedWh { get; set; }

        public double EnergyDischargedWh { get; set; }

        public double MeterImportWh { get; set; }

        public double MeterExportWh { get; set; }

        public double SimSeconds { get; set; }

        public long Ticks { get; set; }

        public double WallSeconds { get; set; }

        public double FinalSocPercent { get; set; }

        public string FinalState { get; set; } = "";

        public string VehicleEndReason { get; set; } = "";

        /// <summary>Seconds of discharge with the power within ±2 % of a negative setpoint.</summary>
        public double DischargeWithin2PercentS { get; set; }

        /// <summary>Seconds of charge with the power within ±2 % of a positive setpoint.</summary>
        public double ChargeWithin2PercentS { get; set; }

        /// <summary>True if, at the end, the converter was disabled and every unwelded DC contactor open.</summary>
        public bool EndedSafe { get; set; }

        /// <summary>Largest current any DC contactor broke, A (0 when they only ever opened at no load).</summary>
        public double LargestBreakingCurrentA { get; set; }

        /// <summary>"sim", "iso15118-20", "gbt27930" or "listen".</summary>
        public string Protocol { get; set; } = "sim";

        /// <summary>ISO 15118-20: "tcp" or the negotiated TLS version and cipher suite.</summary>
        public string Security { get; set; } = "";

        /// <summary>ISO 15118-20 over TLS: the vehicle presented a certificate the charger accepted.</summary>
        public bool VehicleCertificatePresented { get; set; }

        /// <summary>ISO 15118-20: DC_ChargeLoop requests the vehicle sent.</summary>
        public long ChargeLoopMessages { get; set; }

        /// <summary>Times the lockstep gave up waiting for a message in flight.</summary>
        public long LockstepStalls { get; set; }

        /// <summary>ISO 15118-20: failures the charger's session logged, each with its layer.</summary>
        public List<string> SessionFailures { get; } = new List<string>();

        /// <summary>Each scripted grid event with the droop's t90, its steady-state error and any trip.</summary>
        public List<GridEventResult> GridEvents { get; } = new List<GridEventResult>();

        /// <summary>The droop preset in force at the end.</summary>
        public string DroopPreset { get; set; } = "";

        /// <summary>The GB/T 27930 session, or null when the run had none.</summary>
        public GbtSummary Gbt { get; set; }

        /// <summary>The CCS lower layers (pilot, proximity, SLAC), or null when the run had none.</summary>
        public CcsSummary Ccs { get; set; }

        /// <summary>The MQTT uplink's counters, or null when the run had none.</summary>
        public UplinkSummary Uplink { get; set; }

        /// <summary>Lowest SoC of the vehicle's pack during the run, % (the plant's, not the BMS's report).</summary>
        public double SocMinPercent { get; set; } = double.NaN;

        /// <summary>SoC of the pack when the run started, %.</summary>
        public double SocStartPercent { get; set; } = double.NaN;

        /// <summary>The owner's reserve SoC the battery guard enforced, % (the vehicle's own minimum may be higher).</summary>
        public double SocReservePercent { get; set; } = double.NaN;

        /// <summary>
        /// True if the pack held the target SoC (the vehicle's, capped at the owner's maximum) at the departure;
        /// false if not; null when there was no departure within the run, the charger was not told it, or the
        /// target was not reachable (see <see cref="DepartureNote"/>).
        /// </summary>
        public bool? DepartureTargetMet { get; set; }

        /// <summary>Why <see cref="DepartureTargetMet"/> is what it is, in a few words.</summary>
        public string DepartureNote { get; set; } = "";

        /// <summary>The departure, s from the start (NaN: none).</summary>
        public double DepartureS { get; set; } = double.NaN;

        /// <summary>The target SoC at the departure, % (the vehicle's target capped at the owner's maximum; NaN without a departure).</summary>
        public double DepartureTargetSocPercent { get; set; } = double.NaN;

        /// <summary>The pack's SoC at the departure, or at the end of the run if that came first, %.</summary>
        public double DepartureSocPercent { get; set; } = double.NaN;

        /// <summary>Ticks on which the battery guard changed the request, by reason name (every reason, zeros included, in the enumeration's order).</summary>
        public List<KeyValuePair<string, long>> ClipCounts { get; } = new List<KeyValuePair<string, long>>();

        /// <summary>Energy the battery guard held back (or forced, for departure_energy), Wh, by reason name.</summary>
        public List<KeyValuePair<string, double>> ClippedEnergyWh { get; } = new List<KeyValuePair<string, double>>();

        /// <summary>The last decision's reason name ("none" if it passed the request).</summary>
        public string LastClipReason { get; set; } = "none";

        /// <summary>Cost of the cycling capacity loss over the run, in the replacement cost's currency (0 when that cost is unknown).</summary>
        public double DegradationCost { get; set; }

        /// <summary>Estimated capacity loss over the run, calendar included, % of the pack's capacity.</summary>
        public double CapacityLossPercent { get; set; }

        /// <summary>Equivalent full cycles over the run.</summary>
        public double EquivalentFullCycles { get; set; }

        /// <summary>The ageing model's name.</summary>
        public string AgeingModel { get; set; } = "";

        /// <summary>When the first injected fault was injected, s (−1 if none).</summary>
        public double InjectedAtS { get; set; } = -1;
    }
}
