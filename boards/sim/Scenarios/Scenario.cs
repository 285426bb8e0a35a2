using System.Collections.Generic;

namespace V2G.Sim.Scenarios
{
    /// <summary>
    /// A simulator run: the vehicle and grid it starts with, the charger's settings that differ
    /// from the defaults, and a timeline of actions. Built-ins are in <see cref="BuiltInScenarios"/>;
    /// a JSON file of the same shape can be given instead (see docs/simulator.md).
    /// </summary>
    public sealed class Scenario
    {
        public string Name { get; set; } = "custom";

        public string Description { get; set; } = "";

        public double BatteryKWh { get; set; } = 60;

        public double InitialSocPercent { get; set; } = 40;

        public double TargetSocPercent { get; set; } = 100;

        public double MinimumSocPercent { get; set; } = 10;

        public bool VehicleCanDischarge { get; set; } = true;

        /// <summary>The vehicle's departure, simulated s from the start of the run; NaN = the vehicle names none.</summary>
        public double DepartureS { get; set; } = double.NaN;

        /// <summary>The owner's reserve SoC for driving, % (the battery guard stops discharge there); NaN = the charger's default.</summary>
        public double ReserveSocPercent { get; set; } = double.NaN;

        /// <summary>The owner's maximum SoC, % (the battery guard stops charge there); NaN = the charger's default.</summary>
        public double MaxSocPercent { get; set; } = double.NaN;

        /// <summary>The pack's replacement cost, in the owner's currency (prices the degradation); NaN = the charger's default (0 = unknown).</summary>
        public double BatteryReplacementCost { get; set; } = double.NaN;

        /// <summary>The ageing model's name (<c>AgeingModelKindNames</c>), or "" for the charger's default.</summary>
        public string AgeingModel { get; set; } = "";

        public double GridNominalHz { get; set; } = 50;

        /// <summary>The run ends here at the latest, simulated s.</summary>
        public double EndSeconds { get; set; } = 3600;

        /// <summary>The droop preset for the run ("fast", "ieee1547-cat3", ...), or "" for the charger's default.</summary>
        public string DroopPreset { get; set; } = "";

        /// <summary>Charger settings overrides, by field name of ChargerSettings.</summary>
        public Dictionary<string, double> Settings { get; } = new Dictionary<string, double>();

        /// <summary>True if the scenario injects a fault, so it must end in the safe state with that fault recorded.</summary>
        public bool ExpectsFault { get; set; }

        /// <summary>The fault code name the scenario should produce, if any.</summary>
        public string ExpectedFault { get; set; } = "";

        public List<ScenarioEvent> Events { get; } = new List<ScenarioEvent>();

        public Scenario At(double seconds, string action, double powerW = 0, string fault = "", double value = 0, double ramp = 0)
        {
            Events.Add(new ScenarioEvent(seconds, action) { PowerW = powerW, Fault = fault, Value = value, RampPerSecond = ramp });
            return this;
        }
    }
}
