#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Ccs;
using V2G.Firmware.Pilot;
using V2G.Firmware.Session;
using V2G.Protocol.Session;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Ccs
{
    /// <summary>
    /// <see cref="CcsConnection"/> from plug-in to the start of the cable check: pilot B connects the
    /// vehicle, 5 % follows, SLAC matching opens communication, and only C (or D with ventilation) lets
    /// the output come on [digest 1.5, 1.6].
    /// </summary>
    [TestClass]
    public class CcsPlugInTests
    {
        [TestMethod]
        public void PilotBConnectsTheVehicleThenFivePercentFollowsAfterHalfASecondAndAMatchStartsCommunication()
        {
            CcsRig rig = new CcsRig();
            rig.Ticks(10);
            Assert.AreEqual(CcsPhase.Unplugged, rig.Ccs.Phase);
            Assert.AreEqual(ChargerState.Idle, rig.Controller.State);
            Assert.AreEqual(PilotState.A, rig.Ccs.PilotState);
            Assert.AreEqual(ControlPilot.SteadyHighDuty, rig.Ccs.DutyCycleHundredthsPercent, "X1 without a vehicle");

            long plugMs = rig.NowMs;
            rig.Vehicle.Plug();
            Assert.IsTrue(rig.RunUntilState(ChargerState.EvConnected, 500), "the controller saw the vehicle");
            long connectedMs = rig.NowMs;

            // Three agreeing 20 ms samples confirm B.
            Expect.AtMost(4 * CcsRig.TickMs, connectedMs - plugMs, "plug-in to EvConnected, ms");
            Assert.AreEqual(CcsPhase.Matching, rig.Ccs.Phase);
            Assert.AreEqual(PilotState.B, rig.Ccs.PilotState);
            Assert.AreEqual(ControlPilot.SteadyHighDuty, rig.Ccs.DutyCycleHundredthsPercent, "X1 while SLAC gets ready");

            Assert.IsTrue(rig.RunUntilDuty(500, 2000), "5 % came");
            Expect.Near(500, rig.NowMs - connectedMs, CcsRig.TickMs, "EvConnected to 5 %, ms");

            Assert.IsTrue(rig.RunUntilPhase(CcsPhase.LinkReady, 30000), "matched; SLAC " + SlacStateNames.Of(rig.Ccs.SlacState));
            Assert.IsTrue(rig.Ccs.IsLinkReady);
            Assert.IsTrue(rig.Vehicle.IsMatched, "the vehicle matched too");
            Assert.AreEqual(ChargerState.CommunicationSetup, rig.Controller.State);
            Assert.AreEqual(SessionProtocol.Iso15118_20, rig.Controller.Protocol);
            Assert.AreEqual(1, rig.Ccs.MatchingAttempts);

            LinkHistory history = rig.Ccs.History;
            long pilotB = rig.FindHistory(0, "pilot", PilotStateNames.Of(PilotState.B));
            long matching = rig.FindHistory(pilotB, "ccs", CcsPhaseNames.Of(CcsPhase.Matching));
            long slacMatching = rig.FindHistory(matching, "slac", SlacStateNames.Of(SlacState.Matching));
            long slacMatched = rig.FindHistory(slacMatching, "slac", SlacStateNames.Of(SlacState.Matched));
            long linkReady = rig.FindHistory(slacMatched, "ccs", CcsPhaseNames.Of(CcsPhase.LinkReady));
            Assert.IsTrue(rig.FindHistory(0, "pilot", PilotStateNames.Of(PilotState.A)) >= 0, "pilot A before plug-in");
            Assert.IsTrue(pilotB >= 0, "pilot B recorded");
            Assert.IsTrue(matching > pilotB, "phase matching after pilot B");
            Assert.IsTrue(slacMatching > matching, "slac matching after the phase");
            Assert.IsTrue(slacMatched > slacMatching, "slac matched after matching");
            Assert.IsTrue(linkReady > slacMatched, "phase link_ready after slac matched");
            Assert.AreEqual(connectedMs, history.TimeAt(pilotB), "pilot B recorded when the controller was told");
            Assert.AreEqual(rig.NowMs, history.TimeAt(linkReady));
        }

        [TestMethod]
        public void CableCheckWaitsWithTheOutputOffUntilTheVehicleClosesS2()
        {
            CcsRig rig = new CcsRig();
            rig.ManualReadiness = true;
            rig.Vehicle.Plug();
            Assert.IsTrue(rig.RunUntilSession(CcsRig.SessionCableCheck, 30000), "the session reached cable check");

            for (int i = 0; i < 100; i++)
            {
                rig.Tick();
                Assert.IsTrue(rig.IsOutputOff, "output off while the pilot is in B");
            }

            Assert.AreEqual(StepStatus.Ongoing, rig.LastCableCheck);
            Assert.AreEqual(ChargerState.ParameterExchange, rig.Controller.State, "the step has not started");
            Assert.IsFalse(rig.Controller.IsVehicleReady);
            Assert.AreEqual(PilotState.B, rig.Ccs.PilotState);
            Expect.AtLeast(100, rig.CableCheckCallsBeforeStart, "cable check calls answered Ongoing");
            Assert.AreEqual(0, rig.Controller.ActiveFaultCount);

            rig.RequestsEnergy = true;
            long s2Ms = rig.NowMs + CcsRig.TickMs;
            Assert.IsTrue(rig.RunUntilState(ChargerState.CableCheck, 500), "cable check started");
            Expect.AtMost(100, rig.NowMs - s2Ms, "S2 closed to cable check, ms");
            Assert.AreEqual(PilotState.C, rig.Ccs.PilotState);
            Assert.IsTrue(rig.Controller.IsVehicleReady);

            rig.Ticks(50);
            Assert.IsFalse(rig.IsOutputOff, "the cable check drives the output");
        }

        [TestMethod]
        public void StateDWithoutVentilationIsNotReadyForEnergyAndCableCheckDoesNotStart()
        {
            CcsRig rig = new CcsRig();
            rig.Vehicle.Pilot.RequiresVentilation = true;
            rig.Vehicle.Plug();
            Assert.IsTrue(rig.RunUntilSession(CcsRig.SessionCableCheck, 30000), "the session reached cable check");

            for (int i = 0; i < 100; i++)
            {
                rig.Tick();
                Assert.IsTrue(rig.IsOutputOff, "output off in D without ventilation");
            }

            Assert.IsTrue(rig.Vehicle.Pilot.IsS2Closed);
            Assert.AreEqual(PilotState.D, rig.Ccs.PilotState);
            Assert.IsFalse(rig.Controller.IsVehicleReady);
            Assert.AreEqual(ChargerState.ParameterExchange, rig.Controller.State);
            Assert.AreEqual(StepStatus.Ongoing, rig.LastCableCheck);
            Assert.AreEqual(CcsPhase.LinkReady, rig.Ccs.Phase);
            Assert.AreEqual(1, rig.CountFailures(FailureLayer.Pilot, "ventilation_not_available"));
        }

        [TestMethod]
        public void StateDWithVentilationAvailableIsReadyForEnergyAndCableCheckStarts()
        {
            CcsSettings settings = new CcsSettings();
            settings.VentilationAvailable = true;
            CcsRig rig = new CcsRig(null, settings, null);
            rig.Vehicle.Pilot.RequiresVentilation = true;
            rig.Vehicle.Plug();
            Assert.IsTrue(rig.RunUntilSession(CcsRig.SessionCableCheck, 30000), "the session reached cable check");

            Assert.IsTrue(rig.RunUntilState(ChargerState.CableCheck, 500), "cable check started");
            Assert.AreEqual(PilotState.D, rig.Ccs.PilotState);
            Assert.IsTrue(rig.Controller.IsVehicleReady);
            Assert.AreEqual(0, rig.CountFailures(FailureLayer.Pilot, null));
        }
    }
}
