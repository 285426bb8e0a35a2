using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Scenarios
{
    /// <summary>The v2g scenario: +22 kW for 1000 s, −20 kW for 1100 s, then the charger ends the session.</summary>
    [TestClass]
    public sealed class V2gScenarioTests
    {
        private static ScenarioRun Run => BuiltInRuns.Of("v2g");

        private static RunResult Result => Run.Result;

        [TestMethod]
        public void TheSessionGoesThroughEveryStepInOrderAndBackToIdle()
        {
            string[] expected =
            {
                "idle", "ev_connected", "communication_setup", "authorization", "parameter_exchange", "cable_check",
                "precharge", "energy_transfer", "stopping", "welding_detection", "session_end", "idle",
            };

            Assert.AreSequenceEqual(expected, Result.States, $"states: {string.Join(" > ", Result.States)}");
        }

        [TestMethod]
        public void TheRunEndsWithoutAFault()
        {
            Assert.AreEqual("ok", Result.Result);
        }

        [TestMethod]
        public void AtLeast5KWhAreChargedIntoTheVehicle()
        {
            Assert.IsGreaterThanOrEqualTo(5000.0, Result.EnergyChargedWh);
        }

        [TestMethod]
        public void AtLeast5KWhAreDischargedFromTheVehicle()
        {
            Assert.IsGreaterThanOrEqualTo(5000.0, Result.EnergyDischargedWh);
        }

        [TestMethod]
        public void TheDischargeHoldsItsSetpointWithin2PercentForAtLeastAMinute()
        {
            Assert.IsGreaterThanOrEqualTo(60.0, Result.DischargeWithin2PercentS);
        }

        [TestMethod]
        public void NoLimitInForceIsExceeded()
        {
            Assert.IsEmpty(Result.LimitViolations, Run.DescribeViolations());
        }

        [TestMethod]
        public void TheOutputEndsSafe()
        {
            Assert.IsTrue(Result.EndedSafe);
        }

        [TestMethod]
        public void TheGridMeterCountsBothImportAndExport()
        {
            Assert.IsGreaterThan(0.0, Result.MeterImportWh, "import");
            Assert.IsGreaterThan(0.0, Result.MeterExportWh, "export");
        }

        [TestMethod]
        public void TheGridMeterImportsMoreThanTheVehicleWasCharged()
        {
            // The converter's losses are drawn from the grid on top of the DC energy.
            Assert.IsGreaterThan(Result.EnergyChargedWh, Result.MeterImportWh);
        }

        [TestMethod]
        public void TheGridMeterExportsLessThanTheVehicleDischarged()
        {
            // The converter's losses are taken out of the DC energy before it reaches the grid.
            Assert.IsLessThan(Result.EnergyDischargedWh, Result.MeterExportWh);
        }
    }
}
