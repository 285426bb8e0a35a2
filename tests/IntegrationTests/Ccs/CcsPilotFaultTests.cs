using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Sim.Scenarios;

namespace V2G.IntegrationTests.Ccs
{
    /// <summary>
    /// What the pilot tells the charger while it delivers energy: the vehicle unplugged, the pilot
    /// shorted to PE (state E), the vehicle's diode shorted, the vehicle withdrawing its readiness
    /// (C → B). Each must take the output to its safe state within IEC 61851-1's 100 ms.
    /// </summary>
    [TestClass]
    public sealed class CcsPilotFaultTests
    {
        /// <summary>IEC 61851-1: from C to B (or to A), power off within 100 ms [digest 1.6, V:E8].</summary>
        private const long PowerOffLimitMs = 100;

        private static readonly Lazy<CcsRun> Unplugged = new(() => new CcsRun(Charging("ccs-unplug").At(60, "unplug")));
        private static readonly Lazy<CcsRun> PilotShorted = new(() => new CcsRun(Charging("ccs-pilot-short").At(60, "inject", fault: "pilot_short")));
        private static readonly Lazy<CcsRun> DiodeShorted = new(() => new CcsRun(Charging("ccs-diode-short").At(60, "inject", fault: "pilot_diode_short")));
        private static readonly Lazy<CcsRun> NotReady = new(() => new CcsRun(Charging("ccs-not-ready").At(60, "inject", fault: "vehicle_not_ready")));

        /// <summary>Plug-in at 1 s, charging at 20 kW from about 9.5 s (SLAC matched at 7.7 s) on.</summary>
        private static Scenario Charging(string name)
        {
            var s = new Scenario { Name = name, InitialSocPercent = 50, EndSeconds = 120, ExpectsFault = true };
            return s.At(0, "dispatch", powerW: 20000).At(1, "plug");
        }

        private static void AssertChargingAt(CcsRun run, long ms)
        {
            long transfer = run.MarkAtMs("energy_transfer");
            Assert.IsLessThan(ms, transfer, $"not yet in energy transfer at {ms} ms: {run.DescribeStates()}");
        }

        // ---------------------------------------------------------------- unplug under load

        [TestMethod]
        public void AnUnplugDuringEnergyTransferIsReportedAsVehicleDisconnectedUnderLoad()
        {
            CcsRun run = Unplugged.Value;
            AssertChargingAt(run, run.EventAtMs("unplug"));

            FaultRecord f = run.FaultNamed("vehicle_disconnected_under_load");
            Assert.IsTrue(f.IsSafeStateReached);
        }

        [TestMethod]
        public void AfterAnUnplugUnderLoadTheConverterIsOffWithinThePilotsDebounceAndOneTick()
        {
            CcsRun run = Unplugged.Value;
            long unplugMs = run.EventAtMs("unplug");

            // The bound: the plug leaves at the event (the pilot circuit opens at once); the charger samples
            // the pilot at the end of each 20 ms tick and confirms A on the 3rd equal sample (PilotDebounceMs
            // = 3 × 20 = 60 ms). CcsConnection runs before the controller in that tick and reports the
            // vehicle gone, and the fault's shutdown disables the converter in the same tick. One tick more
            // is allowed for an event that lands between ticks: 80 ms, inside IEC 61851-1's 100 ms.
            long bound = run.PilotDebounceMs + run.TickPeriodMs;
            Assert.IsLessThanOrEqualTo(PowerOffLimitMs, bound);
            Assert.IsNotEmpty(run.Result.Faults, "the unplug under load raised no fault");
            long converterOff = run.Result.Faults.Min(f => f.ConverterOffAtMs);
            Assert.IsInRange(unplugMs, unplugMs + bound, converterOff, run.DescribeFaults());
            Assert.IsTrue(run.Result.Faults.All(f => f.IsSafeStateReached), run.DescribeFaults());
            Assert.IsTrue(run.Result.EndedSafe);
            Assert.IsInRange(unplugMs, unplugMs + run.PilotDebounceMs, run.MarkAtMs("pilot_a", unplugMs), "the pilot's debounced A");
            Assert.AreEqual("unplugged", run.Result.Ccs.Phase);
        }

        // ---------------------------------------------------------------- pilot shorted to PE (E)

        [TestMethod]
        public void APilotShortedToPeWhileChargingRaisesPilotErrorAndEndsSafe()
        {
            CcsRun run = PilotShorted.Value;
            long injected = run.InjectedAtMs;
            AssertChargingAt(run, injected);

            FaultRecord f = run.FaultNamed("pilot_error");
            Assert.IsInRange(injected, injected + run.PilotDebounceMs, f.RaisedAtMs, "E confirmed by the debounce");
            Assert.IsLessThanOrEqualTo(injected + PowerOffLimitMs, f.ConverterOffAtMs);
            Assert.IsTrue(f.IsSafeStateReached);
            Assert.IsTrue(run.Result.EndedSafe);
            Assert.AreEqual(injected + run.PilotDebounceMs, run.MarkAtMs("pilot_e", injected), run.DescribeStates());
            Assert.AreEqual("E", run.Result.Ccs.PilotState, "the short is still there at the end");
        }

        [TestMethod]
        public void APilotShortedToPeIsLoggedAsAPilotSessionFailure()
        {
            CcsRun run = PilotShorted.Value;

            string failure = run.Result.SessionFailures.FirstOrDefault(s => s.Contains(" pilot: ", StringComparison.Ordinal));
            Assert.IsNotNull(failure, string.Join("; ", run.Result.SessionFailures));
            StringAssert.Contains(failure, "state_e");
            StringAssert.StartsWith(failure, $"{run.FaultNamed("pilot_error").RaisedAtMs} ms ");
        }

        // ---------------------------------------------------------------- the vehicle's diode shorted

        [TestMethod]
        public void AShortedDiodeWhileChargingRaisesPilotDiodeFaultAndEndsSafe()
        {
            CcsRun run = DiodeShorted.Value;
            long injected = run.InjectedAtMs;
            AssertChargingAt(run, injected);

            FaultRecord f = run.FaultNamed("pilot_diode_fault");
            Assert.IsInRange(injected, injected + run.PilotDebounceMs, f.RaisedAtMs);
            Assert.IsLessThanOrEqualTo(injected + PowerOffLimitMs, f.ConverterOffAtMs);
            Assert.IsTrue(f.IsSafeStateReached);
            Assert.IsGreaterThan(new V2G.Firmware.Pilot.PilotSettings().DiodeCheckLowPhaseMaxV, f.Value, "the low phase (the fault's value, V) no longer reaches −12 V");
            Assert.IsTrue(run.Result.EndedSafe);
            Assert.IsTrue(run.Result.SessionFailures.Any(s => s.Contains(" pilot: diode_fault", StringComparison.Ordinal)), string.Join("; ", run.Result.SessionFailures));
        }

        // ---------------------------------------------------------------- the vehicle opens S2 (C → B)

        [TestMethod]
        public void TheVehicleOpeningS2UnderLoadRaisesVehicleNotReadyUnderLoadWithTheConverterOffWithin100Ms()
        {
            CcsRun run = NotReady.Value;
            long injected = run.InjectedAtMs;
            AssertChargingAt(run, injected);

            // The vehicle opens S2 in the first plant step after the injection; the charger's pilot_b mark is
            // its debounced view of that change (3 samples later), and the controller acts in the same tick.
            long seenInB = run.MarkAtMs("pilot_b", injected);
            Assert.IsInRange(injected, injected + run.PilotDebounceMs, seenInB);
            FaultRecord f = run.FaultNamed("vehicle_not_ready_under_load");
            Assert.AreEqual(seenInB, f.RaisedAtMs, "raised in the tick that confirmed B");
            Assert.IsInRange(seenInB, seenInB + run.TickPeriodMs, f.ConverterOffAtMs);
            Assert.IsLessThanOrEqualTo(injected + PowerOffLimitMs, f.ConverterOffAtMs, "≤ 100 ms after the vehicle's change");
            Assert.IsGreaterThan(10.0, f.Value, "it broke a live current, A");
            Assert.IsTrue(f.IsSafeStateReached);
            Assert.IsTrue(run.Result.EndedSafe);
            Assert.AreEqual(FaultCode.VehicleNotReadyUnderLoad, run.Result.Faults[0].Code, run.DescribeFaults());
        }
    }
}
