using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Grid
{
    /// <summary>
    /// The droop acts around the setpoint in both directions: an under-frequency step large enough turns a
    /// charging vehicle (+10 kW) first into charging less, then into discharging; an over-frequency step
    /// turns a discharging one into discharging less, then charging. Always inside the limits, and a vehicle
    /// that cannot discharge never does.
    /// </summary>
    [TestClass]
    public sealed class DroopDirectionTests
    {
        [TestMethod]
        public void FastChargingVehicleEndsDischargingWithin100MsOnUnderFrequency() => AssertCrossesZero(GridRuns.ChargingUnderFrequencyFast.Value, charging: true, seenInBetween: false);

        [TestMethod]
        public void Cat3ChargingVehicleChargesLessThenDischargesOnUnderFrequency() => AssertCrossesZero(GridRuns.ChargingUnderFrequencyCat3.Value, charging: true, seenInBetween: true);

        [TestMethod]
        public void FastDischargingVehicleEndsChargingWithin100MsOnOverFrequency() => AssertCrossesZero(GridRuns.DischargingOverFrequencyFast.Value, charging: false, seenInBetween: false);

        [TestMethod]
        public void Cat3DischargingVehicleDischargesLessThenChargesOnOverFrequency() => AssertCrossesZero(GridRuns.DischargingOverFrequencyCat3.Value, charging: false, seenInBetween: true);

        [TestMethod]
        public void AVehicleThatCannotDischargeNeverDischargesAndOnlyChargesLess()
        {
            GridRun run = GridRuns.ChargeOnlyUnderFrequency.Value;
            double onePercentW = 0.01 * run.RatedPowerW;

            Sample lowest = run.Result.Samples.OrderBy(s => s.PowerW).First();
            Console.WriteLine($"charge-only: lowest power {lowest.PowerW:0.#} W at {lowest.TimeS:0.000} s, after the step {run.Event(0).PowerAfterW:0.#} W");
            Assert.IsGreaterThanOrEqualTo(0.0, lowest.PowerW, $"discharged at {lowest.TimeS:0.000} s: {run.Describe()}");
            Assert.IsLessThan(10000 - onePercentW, run.Event(0).PowerAfterW, $"charges less: {run.Describe()}");
            Assert.AreEqual(0, run.Event(0).PowerAfterW, onePercentW, $"the droop asks for more than the 10 kW, so the charge stops at 0: {run.Describe()}");
            Assert.IsEmpty(run.Result.LimitViolations, run.Describe());
            Assert.IsEmpty(run.Result.Faults, run.Describe());
        }

        /// <summary>
        /// From the event on: the power first stays on the setpoint's side of zero but smaller, then
        /// crosses zero and settles on the droop equation; no limit violated, no fault.
        /// </summary>
        /// <param name="seenInBetween">
        /// True: at least one tick must show the power strictly between the setpoint and zero (cat3: its
        /// 0.2 s response takes several ticks). False for the fast preset: with no response filter and the
        /// converter's 20 ms lag pre-compensated, the whole change happens within one 20 ms tick, so the
        /// tick-sampled record cannot show the intermediate values; the crossing is then checked to be
        /// neither at once nor late (at least one tick after the event, within the fast preset's 100 ms).
        /// </param>
        private static void AssertCrossesZero(GridRun run, bool charging, bool seenInBetween)
        {
            double sign = charging ? 1 : -1;
            double onePercentW = 0.01 * run.RatedPowerW;
            GridEventResult e = run.Event(0);
            Sample[] after = run.SamplesBetween(GridScenarios.EventAtS, run.Scenario.EndSeconds);
            int crossed = Array.FindIndex(after, s => sign * s.PowerW < 0);
            Console.WriteLine($"{run.Scenario.Name}: {e.PowerBeforeW:0} W -> {e.PowerAfterW:0} W (droop equation {e.ExpectedPowerW:0} W), t90 {e.DroopT90Ms} ms, zero crossed at {(crossed >= 0 ? after[crossed].TimeS : -1):0.000} s");

            Assert.AreEqual(sign * 10000, e.PowerBeforeW, onePercentW, run.Describe());
            Assert.IsGreaterThan(0, crossed, $"the power crossed zero, not at once: {run.Describe()}");
            Assert.IsTrue(after.Take(crossed).All(s => sign * s.PowerW > 0), $"the setpoint's direction first: {run.Describe()}");
            if (seenInBetween)
            {
                bool less = after.Take(crossed).Any(s => sign * s.PowerW < 10000 - onePercentW);
                Assert.IsTrue(less, $"{(charging ? "charged" : "discharged")} less before the sign changed: {run.Describe()}");
            }
            else
            {
                Assert.IsLessThanOrEqualTo(GridScenarios.EventAtS + 0.1, after[crossed].TimeS, $"crossed within the fast preset's 100 ms: {run.Describe()}");
            }

            Assert.IsLessThan(-onePercentW, sign * e.PowerAfterW, $"ends {(charging ? "discharging" : "charging")}: {run.Describe()}");
            Assert.IsLessThanOrEqualTo(1.0, e.SteadyErrorPct, run.Describe());
            Assert.IsEmpty(run.Result.LimitViolations, run.Describe());
            Assert.IsEmpty(run.Result.Faults, run.Describe());
        }
    }
}
