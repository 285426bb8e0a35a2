using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Sim.Scenarios;

namespace V2G.IntegrationTests.GbT
{
    /// <summary>The vehicle's plug leaves the GB/T coupler while the charger delivers 20 kW: CC1 opens.</summary>
    [TestClass]
    public sealed class GbtUnplugTests
    {
        private static readonly Lazy<GbtRun> Unplugged = new(() =>
        {
            var s = new Scenario { Name = "gbt-unplug", InitialSocPercent = 50, EndSeconds = 120 };
            s.At(0, "dispatch", powerW: 20000).At(1, "plug").At(60, "unplug");
            return new GbtRun(s);
        });

        [TestMethod]
        public void AnUnplugWhileChargingIsReportedAsVehicleDisconnectedUnderLoad()
        {
            GbtRun run = Unplugged.Value;
            long unplugMs = run.EventAtMs("unplug");
            Assert.IsLessThan(unplugMs, run.MarkAtMs("energy_transfer"), $"not charging at the unplug: {run.DescribeStates()}");

            FaultRecord f = run.FaultNamed("vehicle_disconnected_under_load");
            Assert.AreEqual(FaultCode.VehicleDisconnectedUnderLoad, run.Result.Faults[0].Code, run.DescribeFaults());
            Assert.IsGreaterThan(20.0, f.BreakingCurrentA, "the contactors broke a live current, A");
            Assert.IsTrue(f.IsSafeStateReached);
            string failure = run.SessionFailure(" CAN: unplugged");
            Assert.IsNotNull(failure, run.DescribeFaults());
            Assert.IsInRange(unplugMs, unplugMs + run.TickPeriodMs, GbtRun.FailureTimeMs(failure));
            Assert.AreEqual("unplugged", run.Result.Gbt.Stage);
            Assert.AreEqual("off", run.Result.Gbt.BmsState, "the auxiliary supply left with the plug");
        }

        [TestMethod]
        public void AfterAnUnplugWhileChargingTheConverterIsOffWithinOneTick()
        {
            GbtRun run = Unplugged.Value;
            long unplugMs = run.EventAtMs("unplug");

            // The bound: CC1 opens with the plug, at the event; the GB/T session polls CC1 at every 2 ms plant
            // step and takes "not connected" without a debounce (Cc1Detector), and the controller's shutdown
            // disables the converter in the same call. One control tick (20 ms) covers the poll and an event
            // that lands between ticks.
            Assert.IsNotEmpty(run.Result.Faults, "the unplug under load raised no fault");
            long converterOff = run.Result.Faults.Min(f => f.ConverterOffAtMs);
            Assert.IsInRange(unplugMs, unplugMs + run.TickPeriodMs, converterOff, run.DescribeFaults());
            Assert.IsTrue(run.Result.Faults.All(f => f.IsSafeStateReached), run.DescribeFaults());
            Assert.IsTrue(run.Result.EndedSafe);
            Assert.IsEmpty(run.Result.LimitViolations, string.Join("; ", run.Result.LimitViolations));
        }

        [TestMethod]
        public void AfterAnUnplugTheBusFallsQuiet()
        {
            GbtRun run = Unplugged.Value;
            long unplugMs = run.EventAtMs("unplug");

            // Without the plug the BMS has no auxiliary supply, and the charger has no session to talk in.
            Assert.IsFalse(run.Frames.Any(f => f.SourceAddress == 0xF4 && f.TimeMs > unplugMs + run.TickPeriodMs), "the BMS sent after the unplug");
            Assert.IsFalse(run.Frames.Any(f => f.SourceAddress == 0x56 && f.TimeMs > unplugMs + run.TickPeriodMs), "the charger sent after the unplug");
        }
    }
}
