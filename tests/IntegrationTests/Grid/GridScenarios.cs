using V2G.Sim.Scenarios;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>
    /// Short scenarios for the grid tests: plugged at 1 s (energy transfer from about 5 s), the grid event
    /// at 20 s, the end a few seconds after the event's measuring window (the droop's settling time, at
    /// least 3 s: GridEventTracker). The vehicle starts at 60 % so it may charge and discharge.
    /// </summary>
    public static class GridScenarios
    {
        /// <summary>When the grid event happens, simulated s.</summary>
        public const double EventAtS = 20;

        /// <summary>
        /// A session held at <paramref name="dispatchW"/> (+ charging) with <paramref name="preset"/>, ending
        /// at <paramref name="endS"/>; the caller adds the grid event(s).
        /// </summary>
        public static Scenario Dispatched(string name, double dispatchW, string preset, double endS, double nominalHz = 50, bool canDischarge = true)
        {
            var s = new Scenario
            {
                Name = name,
                InitialSocPercent = 60,
                EndSeconds = endS,
                DroopPreset = preset,
                GridNominalHz = nominalHz,
                VehicleCanDischarge = canDischarge,
            };
            return s.At(0, "dispatch", powerW: dispatchW).At(1, "plug");
        }

        /// <summary>One frequency step to <paramref name="hz"/> at <see cref="EventAtS"/>.</summary>
        public static Scenario FrequencyStep(string name, double dispatchW, string preset, double hz, double endS = 26, double nominalHz = 50, bool canDischarge = true) =>
            Dispatched(name, dispatchW, preset, endS, nominalHz, canDischarge).At(EventAtS, "grid_frequency", value: hz);
    }
}
