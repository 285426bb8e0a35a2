#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Ccs;
using V2G.Firmware.Faults;
using V2G.Firmware.Pilot;
using V2G.Firmware.Session;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Ccs
{
    /// <summary>
    /// What the pilot does to a live output: unplug, E, a shorted diode and a vehicle that withdraws C
    /// all switch the converter off within 100 ms [digest 1.6, 1.8]; E with no output live is no fault.
    /// </summary>
    [TestClass]
    public class CcsPilotFaultTests
    {
        /// <summary>Ticks until the converter is disabled (at most <paramref name="maxMs"/>); returns the time, or −1.</summary>
        private static long RunUntilConverterOff(CcsRig rig, long maxMs)
        {
            long end = rig.NowMs + maxMs;
            while (rig.NowMs < end)
            {
                rig.Tick();
                if (!rig.Charger.Stage.IsEnabled)
                {
                    return rig.NowMs;
                }
            }

            return -1;
        }

        [TestMethod]
        public void UnplugDuringEnergyTransferOpensTheOutputWithin100MsAndLoadsANewKey()
        {
            CcsRig rig = new CcsRig();
            Assert.IsTrue(rig.PlugInAndCharge(), "charging; controller " + ChargerStateNames.Of(rig.Controller.State));
            byte[] keyBefore = new byte[MmeHeader.NmkLength];
            Assert.IsTrue(rig.Charger.PlcLink.Charger.CopyNmk(keyBefore));
            int keysBefore = rig.Charger.PlcLink.Charger.KeysSet;

            long unplugMs = rig.NowMs;
            rig.Vehicle.Unplug(unplugMs);
            long offMs = RunUntilConverterOff(rig, 500);

            Assert.IsTrue(offMs > 0, "converter off");
            Expect.AtMost(100, offMs - unplugMs, "unplug to converter off, ms");
            Assert.AreEqual(CcsPhase.Unplugged, rig.Ccs.Phase);
            Assert.AreEqual(PilotState.A, rig.Ccs.PilotState);
            Assert.AreEqual(ControlPilot.SteadyHighDuty, rig.Ccs.DutyCycleHundredthsPercent, "X1 without a vehicle");
            Assert.IsTrue(rig.IsOutputOff, "converter disabled and contactors commanded open");

            FaultRecord record = rig.LastFault(FaultCode.VehicleDisconnectedUnderLoad);
            Assert.AreEqual(FaultCode.VehicleDisconnectedUnderLoad, record.Code, "vehicle_disconnected_under_load raised");
            Assert.AreEqual("vehicle_disconnected_under_load", FaultCatalogue.Get(record.Code).Name);
            Expect.AtMost(100, record.ConverterOffAtMs - unplugMs, "converter off in the record, ms");
            Assert.IsTrue(record.IsSafeStateReached, "contactors opened");
            Expect.AtMost(100, record.ContactorsOpenAtMs - unplugMs, "contactors open, ms");

            // SLAC starts over with a fresh key: the charger's modem leaves the vehicle's network.
            rig.Ticks(50);
            byte[] keyAfter = new byte[MmeHeader.NmkLength];
            Assert.IsTrue(rig.Charger.PlcLink.Charger.CopyNmk(keyAfter));
            Assert.IsTrue(rig.Charger.PlcLink.Charger.KeysSet > keysBefore, "a key was loaded");
            Assert.IsFalse(MmeHeader.BytesEqual(keyBefore, 0, keyAfter, 0, MmeHeader.NmkLength), "the key changed");
            Assert.IsFalse(rig.Charger.PlcLink.KeysMatch, "the modems no longer share a key");
            Assert.AreEqual(SlacState.Unmatched, rig.Ccs.SlacState);
            Assert.AreEqual(ChargerState.Idle, rig.Controller.State, "the session fault cleared with the vehicle gone");
        }

        [TestMethod]
        public void PilotShortedToPeDuringEnergyTransferRaisesPilotErrorAndSwitchesTheConverterOffWithin100Ms()
        {
            CcsRig rig = new CcsRig();
            Assert.IsTrue(rig.PlugInAndCharge(), "charging");

            long shortMs = rig.NowMs;
            rig.Charger.PilotCircuit.PilotShortedToPe = true;
            long offMs = RunUntilConverterOff(rig, 500);

            Assert.IsTrue(offMs > 0, "converter off");
            Expect.AtMost(100, offMs - shortMs, "E to converter off, ms");
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.PilotError), "pilot_error active");
            Assert.AreEqual(ChargerState.Fault, rig.Controller.State);
            Assert.AreEqual(PilotState.E, rig.Ccs.PilotState);
            Assert.AreEqual(CcsPhase.PilotError, rig.Ccs.Phase);

            // pilot_error does not open under load: the contactors wait for |I| ≤ 5 A or 100 ms.
            rig.Ticks(10);
            FaultRecord record = rig.LastFault(FaultCode.PilotError);
            Assert.AreEqual(FaultCode.PilotError, record.Code);
            Assert.IsTrue(record.IsSafeStateReached, "contactors opened");
            Expect.AtMost(100, record.ContactorsOpenAtMs - record.ConverterOffAtMs, "converter off to contactors open, ms");
            Expect.AtMost(5, record.BreakingCurrentA, "breaking current, A");
            Assert.IsTrue(rig.IsOutputOff);

            TraceEntry failure = null;
            for (int i = 0; i < rig.Log.Count; i++)
            {
                TraceEntry e = rig.Log.Get(i);
                if (e.Layer == FailureLayer.Pilot)
                {
                    failure = e;
                }
            }

            Assert.IsNotNull(failure, "a pilot failure in the log");
            Assert.AreEqual("state_e", failure.Failure);
        }

        [TestMethod]
        public void AShortedDiodeWhileThePwmRunsRaisesPilotDiodeFaultAndStopsThePwmUntilUnplug()
        {
            CcsRig rig = new CcsRig();
            rig.Vehicle.Plug();
            Assert.IsTrue(rig.RunUntilDuty(500, 2000), "5 % on the pilot");
            rig.Ticks(10);

            rig.Charger.PilotCircuit.DiodeShorted = true;
            long end = rig.NowMs + 500;
            while (!rig.Controller.IsFaultActive(FaultCode.PilotDiodeFault) && rig.NowMs < end)
            {
                rig.Tick();
            }

            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.PilotDiodeFault), "pilot_diode_fault");
            Assert.AreEqual(ControlPilot.SteadyHighDuty, rig.Ccs.DutyCycleHundredthsPercent, "PWM stopped (X1)");
            Assert.AreEqual(CcsPhase.PilotError, rig.Ccs.Phase);
            Assert.AreEqual(1, rig.CountFailures(FailureLayer.Pilot, "diode_fault"));

            // The vehicle stays; nothing brings the PWM back, not even the diode healing.
            for (int i = 0; i < 1000; i++)
            {
                if (i == 500)
                {
                    rig.Charger.PilotCircuit.DiodeShorted = false;
                }

                rig.Tick();
                Assert.AreEqual(ControlPilot.SteadyHighDuty, rig.Ccs.DutyCycleHundredthsPercent, "X1 until unplug");
                Assert.AreEqual(CcsPhase.PilotError, rig.Ccs.Phase);
            }

            rig.Vehicle.Unplug(rig.NowMs);
            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.Unplugged, 200), "unplugged");
            rig.Ticks(5);
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.PilotDiodeFault), "cleared with the vehicle gone");
            Assert.AreEqual(ChargerState.Idle, rig.Controller.State);

            // The next vehicle gets the PWM again.
            rig.Vehicle.Plug();
            Assert.IsTrue(rig.RunUntilDuty(500, 2000), "5 % for the next plug-in");
        }

        [TestMethod]
        public void AVehicleThatWithdrawsCDuringEnergyTransferRaisesNotReadyUnderLoadAndTheConverterIsOffWithin100Ms()
        {
            CcsRig rig = new CcsRig();
            Assert.IsTrue(rig.PlugInAndCharge(), "charging");

            rig.Vehicle.ForceNotReady();
            rig.Tick();
            Assert.IsFalse(rig.Vehicle.Pilot.IsS2Closed, "the vehicle opened S2");
            long s2OpenMs = rig.NowMs;
            long offMs = rig.Charger.Stage.IsEnabled ? RunUntilConverterOff(rig, 500) : rig.NowMs;

            Assert.IsTrue(offMs > 0, "converter off");
            Expect.AtMost(100, offMs - s2OpenMs, "S2 open to converter off, ms");
            Assert.IsTrue(rig.Controller.IsFaultActive(FaultCode.VehicleNotReadyUnderLoad), "vehicle_not_ready_under_load");
            Assert.AreEqual(PilotState.B, rig.Ccs.PilotState);
            Assert.IsFalse(rig.Controller.IsVehicleReady);
            Assert.AreEqual(CcsPhase.LinkReady, rig.Ccs.Phase, "B is no pilot error: the link stays");

            rig.Ticks(10);
            Assert.IsTrue(rig.LastFault(FaultCode.VehicleNotReadyUnderLoad).IsSafeStateReached, "contactors opened");
            Assert.IsTrue(rig.IsOutputOff);
        }

        [TestMethod]
        public void PilotBackToBAfterEWithNoOutputLiveRaisesNoFaultAndRestartsMatching()
        {
            CcsRig rig = new CcsRig();
            rig.DriveSession = false;
            rig.Vehicle.Plug();
            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.LinkReady, 30000), "matched");
            Assert.AreEqual(ChargerState.CommunicationSetup, rig.Controller.State);

            rig.Charger.PilotCircuit.PilotShortedToPe = true;
            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.PilotError, 200), "E seen");
            Assert.AreEqual(PilotState.E, rig.Ccs.PilotState);
            Assert.AreEqual(1, rig.CountFailures(FailureLayer.Pilot, "state_e"));
            rig.Ticks(10);

            rig.Charger.PilotCircuit.PilotShortedToPe = false;
            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.Matching, 200), "matching again after B");
            Assert.AreEqual(PilotState.B, rig.Ccs.PilotState);
            Assert.AreEqual(0, rig.Controller.ActiveFaultCount, "no fault");
            Assert.IsFalse(rig.Controller.IsFaultActive(FaultCode.PilotError));
            Assert.IsTrue(rig.Controller.State != ChargerState.Fault, "not in fault");

            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.LinkReady, 30000), "matched again; SLAC " + SlacStateNames.Of(rig.Ccs.SlacState));
            Assert.AreEqual(0, rig.Controller.ActiveFaultCount);
        }
    }
}
