using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Battery
{
    /// <summary>
    /// The departure scenario over ISO 15118-20 (the departure, target and minimum SoC go over the wire in
    /// ScheduleExchange and the charge loop): −10 kW asked throughout of a 30 kWh pack at 60 % that the vehicle
    /// wants at 80 % by its departure at 2400 s. The guard overrules the dispatch when the time in hand runs out.
    /// </summary>
    [TestClass]
    public sealed class DepartureScenarioTests
    {
        private static readonly Lazy<RunResult> IsoRun = new(() =>
            new ScenarioRunner(BuiltInScenarios.Departure(), 0, 1000, "iso15118-20", new IsoLinkOptions { Ccs = false }).Run());

        private static RunResult Result => IsoRun.Value;

        private static long Clips(string reason) => Result.ClipCounts.Single(p => p.Key == reason).Value;

        [TestMethod]
        public void TheTargetIsMetAtTheDeparture()
        {
            Assert.AreEqual(true, Result.DepartureTargetMet, $"{Result.DepartureNote}: {Result.DepartureSocPercent:0.00} %");
            Assert.IsGreaterThanOrEqualTo(79.9, Result.DepartureSocPercent);
        }

        [TestMethod]
        public void TheDispatchIsHonouredWhileTheTimeInHandAllows()
        {
            // The discharge dispatch runs first: the plan leaves room for it.
            Assert.IsGreaterThan(500.0, Result.EnergyDischargedWh);
            Assert.IsLessThan(60.0, Result.SocMinPercent);
        }

        [TestMethod]
        public void TheGuardForcesTheChargeAgainstTheDischargeDispatch()
        {
            Assert.IsGreaterThan(0L, Clips("departure_energy"));
            // From below 60 % to 80 % of 30 kWh: over 6 kWh charged while the dispatch asked for discharge.
            Assert.IsGreaterThan(6000.0, Result.EnergyChargedWh);
        }

        [TestMethod]
        public void TheTargetIsReachedBeforeTheDepartureMargin()
        {
            // The guard plans to be there 600 s before the departure; the vehicle ends its session at its target.
            int reached = Result.Samples.FindIndex(s => s.SocPercent >= 80.0);
            Assert.IsGreaterThanOrEqualTo(0, reached, "the SoC never reached 80 %");
            Assert.IsLessThanOrEqualTo(2400.0 - 600.0 + 60.0, Result.Samples[reached].TimeS);
            Assert.AreEqual("target_soc", Result.VehicleEndReason);
        }

        [TestMethod]
        public void ThePlainVehicleModelTellsItsDepartureAndTheTargetIsMetToo()
        {
            RunResult r = BuiltInRuns.Of("departure").Result;
            Assert.AreEqual(true, r.DepartureTargetMet, $"{r.DepartureNote}: {r.DepartureSocPercent:0.00} %");
            Assert.IsGreaterThan(0L, r.ClipCounts.Single(p => p.Key == "departure_energy").Value);
        }

        [TestMethod]
        public void OverGbtTheDepartureIsNotJudgedForTheChargerIsNeverToldIt()
        {
            Scenario s = BuiltInScenarios.Departure();
            s.DepartureS = 200;
            s.EndSeconds = 220;
            RunResult r = new ScenarioRunner(s, 0, 1000, "gbt27930", null, new GbtLinkOptions { DischargeExtension = true }).Run();
            Assert.IsNull(r.DepartureTargetMet);
            Assert.AreEqual("GB/T 27930 carries no departure time", r.DepartureNote);
        }

        [TestMethod]
        public void WithoutADepartureTheSameDispatchOnlyDischarges()
        {
            Scenario s = BuiltInScenarios.Departure();
            s.DepartureS = double.NaN;
            s.EndSeconds = 1500;
            RunResult r = new ScenarioRunner(s).Run();
            Assert.IsNull(r.DepartureTargetMet);
            Assert.AreEqual(0L, r.ClipCounts.Single(p => p.Key == "departure_energy").Value);
            Assert.IsLessThan(60.0, r.FinalSocPercent);
            Assert.IsLessThan(100.0, r.EnergyChargedWh);
        }
    }
}
