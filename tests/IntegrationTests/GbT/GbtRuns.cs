using System;
using V2G.Protocol.GbT.Charger;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>The GB/T runs more than one test class looks at, each run once on first use (runs are deterministic).</summary>
    public static class GbtRuns
    {
        /// <summary>The built-in "charge" scenario (40 % → the vehicle's 55 %) over GB/T 27930-2015, with its candump log.</summary>
        public static readonly Lazy<GbtRun> Charge2015 = new(() => new GbtRun(BuiltInScenarios.Charge(), new GbtLinkOptions { Profile = GbtProfile.Gbt2015 }, candump: true));

        /// <summary>The same over GB/T 27930-2023 Category A.</summary>
        public static readonly Lazy<GbtRun> Charge2023A = new(() => new GbtRun(BuiltInScenarios.Charge(), new GbtLinkOptions { Profile = GbtProfile.Gbt2023A }, candump: true));

        /// <summary>The built-in "v2g" scenario (+22 kW for 1000 s, −20 kW for 1100 s, stop) with the discharge extension off (the default).</summary>
        public static readonly Lazy<GbtRun> V2gExtensionOff = new(() => new GbtRun(BuiltInScenarios.V2g(), new GbtLinkOptions(), candump: true));

        /// <summary>The built-in "v2g" scenario with the discharge extension on (--gbt-discharge).</summary>
        public static readonly Lazy<GbtRun> V2gExtensionOn = new(() => new GbtRun(BuiltInScenarios.V2g(), new GbtLinkOptions { DischargeExtension = true }, candump: true));
    }
}
