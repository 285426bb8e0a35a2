#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Pilot;
using V2G.Sim.Plant.Pilot;

namespace V2G.UnitTests.Pilot
{
    /// <summary>The proximity contact (digest §1.10) on the circuit model.</summary>
    [TestClass]
    public class ProximityMonitorTests
    {
        private static ProximityState Settled(ProximityCircuit circuit)
        {
            PilotSettings settings = new PilotSettings();
            ProximityMonitor monitor = new ProximityMonitor(circuit, settings);
            for (int i = 0; i < settings.ProximityDebounceSamples; i++)
            {
                monitor.Update(i * 20);
            }

            return monitor.State;
        }

        [TestMethod]
        public void AnOpenContactIsNotConnected()
        {
            PilotRig rig = new PilotRig();
            rig.Settle();

            Assert.AreEqual(ProximityState.NotConnected, rig.ProximityMonitor.State);
            Assert.IsFalse(rig.ProximityMonitor.IsPlugInserted);
            Assert.IsTrue(double.IsPositiveInfinity(rig.ProximityMonitor.ResistanceOhm));
        }

        [TestMethod]
        public void TheCcs2PlugResistorIsAnInsertedPlug()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Settle();

            Assert.AreEqual(1500.0, rig.ProximityMonitor.ResistanceOhm);
            Assert.AreEqual(ProximityState.Cable13A, rig.ProximityMonitor.State);
            Assert.IsTrue(rig.ProximityMonitor.IsPlugInserted);
        }

        [TestMethod]
        public void AShortToPeIsAFaultAndNoPlug()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Proximity.InjectFault(0);
            rig.Settle();

            Assert.AreEqual(ProximityState.Fault, rig.ProximityMonitor.State);
            Assert.IsFalse(rig.ProximityMonitor.IsPlugInserted);
        }

        [TestMethod]
        public void AResistanceBetweenTheCodingsIsAFault()
        {
            ProximityCircuit circuit = new ProximityCircuit(400);
            circuit.Insert();

            Assert.AreEqual(ProximityState.Fault, Settled(circuit));
        }

        [TestMethod]
        public void TheAcCableCodingsAreRecognised()
        {
            ProximityCircuit cable20A = new ProximityCircuit(680);
            cable20A.Insert();
            ProximityCircuit cable32A = new ProximityCircuit(220);
            cable32A.Insert();
            ProximityCircuit cable63A = new ProximityCircuit(100);
            cable63A.Insert();

            Assert.AreEqual(ProximityState.Cable20A, Settled(cable20A));
            Assert.AreEqual(ProximityState.Cable32A, Settled(cable32A));
            Assert.AreEqual(ProximityState.Cable63A, Settled(cable63A));
        }

        [TestMethod]
        public void InsertionIsConfirmedAfterDebounceSamplesEqualReadings()
        {
            PilotRig rig = new PilotRig();
            rig.Settle();

            rig.Vehicle.Plug();
            rig.Ticks(rig.Settings.ProximityDebounceSamples - 1);
            Assert.IsFalse(rig.ProximityMonitor.IsPlugInserted);
            rig.Tick();
            Assert.IsTrue(rig.ProximityMonitor.IsPlugInserted);
            Assert.AreEqual(rig.NowMs, rig.ProximityMonitor.StateSinceMs);
        }

        [TestMethod]
        public void AOneSampleGlitchDoesNotChangeTheState()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Settle();

            rig.Proximity.InjectFault(0);
            rig.Tick();
            rig.Proximity.ClearFault();
            rig.Ticks(5);

            Assert.AreEqual(ProximityState.Cable13A, rig.ProximityMonitor.State);
            Assert.IsTrue(rig.ProximityMonitor.IsPlugInserted);
        }

        [TestMethod]
        public void RemovingThePlugIsSeenAsOpen()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Settle();

            rig.Vehicle.Unplug();
            rig.Settle();

            Assert.AreEqual(ProximityState.NotConnected, rig.ProximityMonitor.State);
            Assert.IsFalse(rig.ProximityMonitor.IsPlugInserted);
        }

        [TestMethod]
        public void EveryProximityStateHasAName()
        {
            Assert.AreEqual("not_connected", ProximityStateNames.Of(ProximityState.NotConnected));
            Assert.AreEqual("cable_13a", ProximityStateNames.Of(ProximityState.Cable13A));
            Assert.AreEqual("fault", ProximityStateNames.Of(ProximityState.Fault));
            Assert.AreEqual(6, ProximityStateNames.Count);
        }
    }
}
