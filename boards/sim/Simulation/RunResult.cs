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

        /// <summary>When the first injected fault was injected, s (−1 if none).</summary>
        public double InjectedAtS { get; set; } = -1;
    }
}
