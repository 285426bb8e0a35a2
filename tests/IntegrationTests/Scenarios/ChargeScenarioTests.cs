using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Scenarios
{
    /// <summary>The charge scenario: no dispatch, the vehicle charges at the charger's 30 kW until its target SoC.</summary>
    [TestClass]
    public sealed class ChargeScenarioTests
    {
        /// <summary>
        /// How far past its target the vehicle may end, SoC %: it compares at every message (100 ms)
        /// and the stop takes a few ticks; at 30 kW into 60 kWh that is well under 0.01 %.
        /// </summary>
        private const double SocOvershootPercent = 0.05;

        private static ScenarioRun Run => BuiltInRuns.Of("charge");

        private static RunResult Result => Run.Result;

        [TestMethod]
        public void TheRunEndsWithoutAFault()
        {
            Assert.AreEqual("ok", Result.Result);
        }

        [TestMethod]
        public void TheVehicleEndsTheSessionAtItsTargetSoc()
        {
            Assert.AreEqual("target_soc", Result.VehicleEndReason);
        }

        [TestMethod]
        public void TheBatteryEndsAtTheTargetSoc()
        {
            double target = Run.Scenario.TargetSocPercent;
            Assert.IsInRange(target, target + SocOvershootPercent, Result.FinalSocPercent);
        }

        [TestMethod]
        public void NoLimitInForceIsExceeded()
        {
            Assert.IsEmpty(Result.LimitViolations, Run.DescribeViolations());
        }

        [TestMethod]
        public void NothingIsDischarged()
        {
            Assert.AreEqual(0.0, Result.EnergyDischargedWh, "DC discharged, Wh");
            Assert.AreEqual(0.0, Result.MeterExportWh, "grid export, Wh");
        }
    }
}
