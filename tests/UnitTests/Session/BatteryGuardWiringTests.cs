#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Battery;
using V2G.UnitTests.TestSupport;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Sim.Plant.Board;

namespace V2G.UnitTests.Session
{
    /// <summary>
    /// The battery guard in the charger's control path (on the simulated charger and its plain vehicle): every
    /// request passes it each energy-transfer tick; its decision is visible; the pack's lifetime state survives a reboot.
    /// </summary>
    [TestClass]
    public class BatteryGuardWiringTests
    {
        private static SimulatedCharger Charger(ChargerSettings settings, double packKWh, double socPercent)
        {
            SimulatedCharger sim = new SimulatedCharger(settings, packKWh, socPercent, 50);
            return sim;
        }

        /// <summary>Runs until energy transfer, at most 30 s.</summary>
        private static void ToEnergyTransfer(SimulatedCharger sim)
        {
            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            for (int i = 0; i < 1500 && sim.Controller.State != ChargerState.EnergyTransfer; i++)
            {
                sim.RunTick();
            }

            Assert.AreEqual(ChargerState.EnergyTransfer, sim.Controller.State);
        }

        private static void Run(SimulatedCharger sim, int ticks)
        {
            for (int i = 0; i < ticks; i++)
            {
                sim.RunTick();
            }
        }

        [TestMethod]
        public void DischargeStopsAtTheReserveWithTheGuardsReason()
        {
            SimulatedCharger sim = Charger(new ChargerSettings(), 10, 31);
            sim.Controller.SetDispatchPowerW(-10000);
            ToEnergyTransfer(sim);
            double lowest = 100;
            for (int i = 0; i < 5000; i++)
            {
                sim.RunTick();
                if (sim.Battery.SocPercent < lowest)
                {
                    lowest = sim.Battery.SocPercent;
                }
            }

            Assert.IsTrue(lowest >= 29.95, "the SoC stays at the reserve: " + lowest.ToString());
            Assert.IsTrue(lowest < 30.2, "the discharge ran down to the reserve");
            BatteryGuardDecision d = sim.Controller.LastGuardDecision;
            Assert.AreEqual(BatteryClipReason.SocReserve, d.Reason);
            Expect.Near(-10000, d.RequestedPowerW, 1, "d.RequestedPowerW");
            Assert.IsTrue(d.AllowedPowerW > -1, "nothing more out of the pack");
            Assert.IsTrue(d.ClippedW > 9000);
            Assert.IsTrue(sim.Controller.Guard.ClipTicks(BatteryClipReason.SocReserve) > 100);
            Assert.IsTrue(sim.Controller.Guard.InSession);
            Assert.IsTrue(sim.Controller.Guard.Session.EnergyDischargedWh > 50, "the session's discharge is counted");
        }

        [TestMethod]
        public void TheVehiclesMinimumSocAboveTheOwnersReserveIsKept()
        {
            SimulatedCharger sim = Charger(new ChargerSettings(), 10, 42);
            sim.Vehicle.MinimumSocPercent = 40;
            sim.Controller.SetDispatchPowerW(-10000);
            ToEnergyTransfer(sim);
            Run(sim, 5000);
            Assert.IsTrue(sim.Battery.SocPercent >= 39.95 && sim.Battery.SocPercent < 40.3, sim.Battery.SocPercent.ToString());
            Expect.Near(40, sim.Controller.EnergyNeeds.MinimumSocPercent, 1e-9, "sim.Controller.EnergyNeeds.MinimumSocPercent");
        }

        [TestMethod]
        public void TheDepartureTargetIsReachedWithChargeForcedAgainstADischargeDispatch()
        {
            ChargerSettings settings = new ChargerSettings();
            settings.BatteryGuard.DepartureMarginS = 60;
            SimulatedCharger sim = Charger(settings, 5, 60);
            sim.Vehicle.TargetSocPercent = 70;
            sim.Vehicle.HasDeparture = true;
            sim.Vehicle.DepartureS = 600;
            sim.Controller.SetDispatchPowerW(-3000);
            long plugInMs = sim.Clock.NowMs;
            ToEnergyTransfer(sim);
            Assert.IsTrue(sim.Controller.HasDeparture);

            bool discharged = false;
            bool forced = false;
            double reachedAtS = -1;
            while (sim.Clock.NowMs - plugInMs < 600000 && sim.Vehicle.IsPlugged)
            {
                sim.RunTick();
                BatteryGuardDecision d = sim.Controller.LastGuardDecision;
                discharged |= d.AllowedPowerW < -1000;
                if (d.Reason == BatteryClipReason.DepartureEnergy && d.AllowedPowerW > 1000)
                {
                    forced = true;
                }

                if (reachedAtS < 0 && sim.Battery.SocPercent >= 69.9)
                {
                    reachedAtS = (sim.Clock.NowMs - plugInMs) / 1000.0;
                }
            }

            Assert.IsTrue(discharged, "the dispatch ran while there was slack");
            Assert.IsTrue(forced, "then the charge was forced");
            Assert.IsTrue(reachedAtS > 0 && reachedAtS <= 600, "the target SoC by the departure: " + reachedAtS.ToString());
            Assert.IsTrue(sim.Controller.Guard.ClipTicks(BatteryClipReason.DepartureEnergy) > 0);
        }

        [TestMethod]
        public void ArbitrageBelowTheMarginalCostIsRefusedAndAboveItRuns()
        {
            ChargerSettings settings = new ChargerSettings();
            settings.BatteryGuard.RefuseUnprofitableArbitrage = true;
            settings.BatteryGuard.Degradation.ReplacementCost = 35193.6;
            SimulatedCharger sim = Charger(settings, 52, 80);
            sim.Controller.SetDispatchPurpose(BatteryPowerPurpose.Arbitrage, true, 0.01);
            sim.Controller.SetDispatchPowerW(-10000);
            ToEnergyTransfer(sim);
            Run(sim, 200);
            BatteryGuardDecision d = sim.Controller.LastGuardDecision;
            Assert.AreEqual(BatteryClipReason.DegradationCost, d.Reason);
            Expect.Near(0, d.AllowedPowerW, 1e-9, "d.AllowedPowerW");
            Assert.IsTrue(d.MarginalCostPerKWh > 0.01);
            Assert.IsTrue(sim.Controller.LastMeasurements.CurrentA > -1, "no discharge");

            // A spread above the marginal cost: discharged as asked; and plain dispatch is never priced.
            sim.Controller.SetDispatchPurpose(BatteryPowerPurpose.Arbitrage, true, 5);
            Run(sim, 200);
            Assert.AreEqual(BatteryClipReason.None, sim.Controller.LastGuardDecision.Reason);
            Assert.IsTrue(sim.Controller.LastMeasurements.PowerW < -9000);
            sim.Controller.SetDispatchPurpose(BatteryPowerPurpose.Dispatch, false, 0);
            Run(sim, 50);
            Assert.AreEqual(BatteryClipReason.None, sim.Controller.LastGuardDecision.Reason);
        }

        [TestMethod]
        public void OutsideEnergyTransferTheDecisionIsEmpty()
        {
            SimulatedCharger sim = Charger(new ChargerSettings(), 10, 31);
            sim.Controller.SetDispatchPowerW(-10000);
            Run(sim, 10);
            Assert.AreEqual(BatteryClipReason.None, sim.Controller.LastGuardDecision.Reason);
            Assert.AreEqual(0.0, sim.Controller.LastGuardDecision.ClippedW);
            Assert.IsFalse(sim.Controller.Guard.InSession);
        }

        [TestMethod]
        public void TheLifetimeStateSurvivesAReboot()
        {
            ChargerSettings settings = new ChargerSettings();
            SimulatedCharger sim = Charger(settings, 10, 60);
            BatteryStateStore store = new BatteryStateStore(sim.Store, BatteryStateStore.DefaultRecordId);
            Assert.IsFalse(sim.Controller.UseBatteryStore(store), "nothing stored on a blank flash");

            sim.Controller.SetDispatchPowerW(10000);
            ToEnergyTransfer(sim);
            Run(sim, 1500);
            sim.Controller.SetDispatchPowerW(-10000);
            Run(sim, 1500);
            sim.Vehicle.RequestStop();
            for (int i = 0; i < 2000 && sim.Vehicle.IsPlugged; i++)
            {
                sim.RunTick();
            }

            Assert.IsFalse(sim.Controller.Guard.InSession, "the session ended");
            BatteryUsageFigures before = sim.Controller.Guard.Lifetime;
            Assert.IsTrue(before.EnergyChargedWh > 50 && before.EnergyDischargedWh > 50);
            Assert.IsTrue(before.EquivalentFullCycles > 0);
            Assert.IsTrue(before.CycleLoss > 0, "the closed record charged its cycles");

            // A reboot: a new controller on the same flash.
            ChargeController rebooted = new ChargeController(settings, sim.Hardware);
            Assert.IsTrue(rebooted.UseBatteryStore(new BatteryStateStore(sim.Store, BatteryStateStore.DefaultRecordId)));
            BatteryUsageFigures after = rebooted.Guard.Lifetime;
            Expect.Near(before.EnergyChargedWh, after.EnergyChargedWh, 1e-3, "after.EnergyChargedWh");
            Expect.Near(before.EnergyDischargedWh, after.EnergyDischargedWh, 1e-3, "after.EnergyDischargedWh");
            Expect.Near(before.EquivalentFullCycles, after.EquivalentFullCycles, 1e-8, "after.EquivalentFullCycles");
            Expect.Near(before.CycleLoss, after.CycleLoss, 1e-14, "after.CycleLoss");
            Expect.Near(before.CapacityLoss, after.CapacityLoss, 1e-13, "after.CapacityLoss");

            // Until the first session after the reboot, the session figures are empty, not the pack's life.
            Assert.AreEqual(0.0, rebooted.Guard.Session.EnergyDischargedWh);
            Assert.AreEqual(0.0, rebooted.Guard.Session.EquivalentFullCycles);
        }

        [TestMethod]
        public void AStateOfAnotherAgeingModelIsNotRestored()
        {
            SimulatedCharger sim = Charger(new ChargerSettings(), 10, 60);
            BatteryStateStore store = new BatteryStateStore(sim.Store, BatteryStateStore.DefaultRecordId);
            Assert.IsTrue(store.Save(sim.Controller.Guard));
            ChargerSettings lfp = new ChargerSettings();
            lfp.BatteryGuard.Degradation.Model = AgeingModelKind.Lfp250AhPrismatic;
            ChargeController other = new ChargeController(lfp, sim.Hardware);
            Assert.IsFalse(other.UseBatteryStore(store));
        }
    }
}
