using System;
using V2G.Sim.Scenarios;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>
    /// The grid runs the tests look at, each run once on first use. Dispatch ±10 kW on the charger's 30 kW
    /// rating (the droop's rated power), so a droop answer of up to 20 kW stays inside the limits.
    /// </summary>
    public static class GridRuns
    {
        /// <summary>The built-in "freq-step": −10 kW, fast preset, 49.8 Hz at 60 s, 50 Hz at 90 s.</summary>
        public static readonly Lazy<GridRun> FreqStep = new(() => new GridRun(BuiltInScenarios.FrequencyStep()));

        // --- Around the setpoint, both directions: 49.5 / 50.5 Hz are 0.483 Hz beyond the 0.017 Hz
        //     deadband of fast and cat3, i.e. 0.483 / (0.02 × 50) = 48 % of 30 kW = 14.5 kW, more than the 10 kW
        //     dispatched, so the sign of the power must change; both are inside the continuous range 49–51 Hz.

        public static readonly Lazy<GridRun> ChargingUnderFrequencyFast = new(() => new GridRun(GridScenarios.FrequencyStep("charging-uf-fast", 10000, "fast", 49.5)));

        public static readonly Lazy<GridRun> ChargingUnderFrequencyCat3 = new(() => new GridRun(GridScenarios.FrequencyStep("charging-uf-cat3", 10000, "ieee1547-cat3", 49.5)));

        public static readonly Lazy<GridRun> DischargingOverFrequencyFast = new(() => new GridRun(GridScenarios.FrequencyStep("discharging-of-fast", -10000, "fast", 50.5)));

        public static readonly Lazy<GridRun> DischargingOverFrequencyCat3 = new(() => new GridRun(GridScenarios.FrequencyStep("discharging-of-cat3", -10000, "ieee1547-cat3", 50.5)));

        /// <summary>The same under-frequency step for a vehicle that cannot discharge.</summary>
        public static readonly Lazy<GridRun> ChargeOnlyUnderFrequency = new(() => new GridRun(GridScenarios.FrequencyStep("charge-only-uf", 10000, "fast", 49.5, canDischarge: false)));

        // --- Each preset's response time, −10 kW, an under-frequency step well outside the deadband.

        public static readonly Lazy<GridRun> Cat3At60Hz = new(() => new GridRun(GridScenarios.FrequencyStep("cat3-60hz", -10000, "ieee1547-cat3", 59.8, nominalHz: 60)));

        public static readonly Lazy<GridRun> Cat3At50Hz = new(() => new GridRun(GridScenarios.FrequencyStep("cat3-50hz", -10000, "ieee1547-cat3", 49.8)));

        public static readonly Lazy<GridRun> ChinaStorage = new(() => new GridRun(GridScenarios.FrequencyStep("china-storage", -10000, "china-storage", 49.7)));

        /// <summary>Cat II's 5 s: the tracker's window is 3 × 5 s, so the run ends at 36 s.</summary>
        public static readonly Lazy<GridRun> Cat2 = new(() => new GridRun(GridScenarios.FrequencyStep("cat2", -10000, "ieee1547-cat2", 49.5, endS: 36)));

        public static readonly Lazy<GridRun> En50549 = new(() => new GridRun(GridScenarios.FrequencyStep("en50549", -10000, "en50549", 49.4)));

        // --- Inside the deadband: fast (0.017 Hz) ±0.01 Hz, en50549 (0.2 Hz) ±0.15 Hz; 3 s windows.

        public static readonly Lazy<GridRun> InsideFastDeadband = new(() => new GridRun(
            GridScenarios.Dispatched("inside-fast-deadband", -10000, "fast", 28)
                .At(GridScenarios.EventAtS, "grid_frequency", value: 49.99)
                .At(GridScenarios.EventAtS + 4, "grid_frequency", value: 50.01)));

        public static readonly Lazy<GridRun> InsideEn50549Deadband = new(() => new GridRun(
            GridScenarios.Dispatched("inside-en50549-deadband", -10000, "en50549", 28)
                .At(GridScenarios.EventAtS, "grid_frequency", value: 49.85)
                .At(GridScenarios.EventAtS + 4, "grid_frequency", value: 50.15)));

        /// <summary>Phase jumps with the fast preset (no response filter: the most sensitive to a false frequency).</summary>
        public static readonly Lazy<GridRun> PhaseJumps = new(() => new GridRun(
            GridScenarios.Dispatched("phase-jumps", -10000, "fast", 29)
                .At(GridScenarios.EventAtS, "grid_phase_jump", value: 20)
                .At(GridScenarios.EventAtS + 5, "grid_phase_jump", value: 60)));

        // --- Trips (50 Hz, 230 V: the assumed 50 Hz table of GridProtectionSettings).

        public static readonly Lazy<GridRun> UnderFrequencyTrip = new(() => new GridRun(GridScenarios.FrequencyStep("uf-trip", -10000, "fast", 46.5, endS: 24)));

        public static readonly Lazy<GridRun> OverFrequencyTrip = new(() => new GridRun(GridScenarios.FrequencyStep("of-trip", -10000, "fast", 52.5, endS: 24)));

        public static readonly Lazy<GridRun> UnderVoltageTrip = new(() => new GridRun(
            GridScenarios.Dispatched("uv-trip", -10000, "fast", 24).At(GridScenarios.EventAtS, "grid_voltage", value: 80)));

        /// <summary>
        /// 258 V = 1.12 pu: above OV1 (1.10, 3 s) and below OV2 (1.15). Its clearing time is as long as the
        /// fast preset's whole 3 s event window: the trip comes after the window has closed.
        /// </summary>
        public static readonly Lazy<GridRun> OverVoltage1Trip = new(() => new GridRun(
            GridScenarios.Dispatched("ov1-trip", -10000, "fast", 26).At(GridScenarios.EventAtS, "grid_voltage", value: 258)));

        /// <summary>49.5 Hz for a minute: inside the continuous range, nothing may trip.</summary>
        public static readonly Lazy<GridRun> ContinuousUnderFrequency = new(() => new GridRun(GridScenarios.FrequencyStep("continuous-49.5", -10000, "fast", 49.5, endS: 82)));

        /// <summary>The mains open at 20 s while discharging at −15 kW; the island drifts 2.5 Hz/s (as the built-in loss-of-mains).</summary>
        public static readonly Lazy<GridRun> LossOfMains = new(() => new GridRun(
            GridScenarios.Dispatched("loss-of-mains-short", -15000, "fast", 24).At(GridScenarios.EventAtS, "loss_of_mains", value: 2.5)));
    }
}
