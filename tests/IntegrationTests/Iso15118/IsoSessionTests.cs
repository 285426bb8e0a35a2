using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Iso15118
{
    /// <summary>
    /// Whole sessions between the charger's SECC and the EV simulator over real loopback sockets (SDP on
    /// UDP, then TCP or TLS 1.3), driving the real controller and the plant models.
    /// </summary>
    [TestClass]
    public class IsoSessionTests
    {
        /// <summary>
        /// The whole CCS chain from plug-in: the board finds no vehicle (pilot A) and keys its modem,
        /// plug-in (B), 5 % and SLAC to a matched link, ISO 15118-20 with the vehicle asking for energy (C)
        /// from its cable check until its contactor opened, unplug, and a fresh key for the next vehicle.
        /// </summary>
        private static readonly string[] FullSequence =
        {
            "idle", "pilot_a", "slac_unmatched", "pilot_b", "ccs_matching", "ev_connected", "slac_matching",
            "slac_waiting_for_start_atten_char", "slac_sounding", "slac_waiting_for_atten_char_rsp", "slac_waiting_for_match",
            "slac_joining", "slac_matched", "ccs_link_ready", "communication_setup", "authorization", "parameter_exchange",
            "pilot_c", "cable_check", "precharge", "energy_transfer", "stopping", "welding_detection", "pilot_b",
            "session_end", "pilot_a", "ccs_unplugged", "idle", "slac_resetting", "slac_unmatched",
        };

        private static readonly Lazy<RunResult> OverTcp = new(() => Run(Bidirectional(), new IsoLinkOptions()));
        private static readonly Lazy<RunResult> OverTls = new(() => Run(Bidirectional(), new IsoLinkOptions { Tls = true }));
        private static readonly Lazy<RunResult> OverMutualTls = new(() => Run(Bidirectional(), new IsoLinkOptions { Tls = true, MutualAuthentication = true }));

        /// <summary>Charge at +20 kW, discharge at −15 kW from 120 s, the charger stops at 250 s.</summary>
        private static Scenario Bidirectional()
        {
            var s = new Scenario { Name = "iso-bpt", InitialSocPercent = 50, EndSeconds = 400 };
            return s.At(0, "dispatch", powerW: 20000).At(1, "plug").At(120, "dispatch", powerW: -15000).At(250, "stop");
        }

        private static RunResult Run(Scenario scenario, IsoLinkOptions link, TextWriter trace = null)
        {
            var runner = new ScenarioRunner(scenario, 0, 1000, "iso15118-20", link) { Trace = trace };
            return runner.Run();
        }

        private static void AssertChargedDischargedAndStopped(RunResult r)
        {
            Assert.AreEqual("ok", r.Result, string.Join("; ", r.SessionFailures));
            Assert.AreEqual("iso15118-20", r.Protocol);
            CollectionAssert.AreEqual(FullSequence, r.States.ToArray());
            Assert.IsGreaterThan(500.0, r.EnergyChargedWh, "charged");
            Assert.IsGreaterThan(300.0, r.EnergyDischargedWh, "discharged");
            Assert.IsGreaterThanOrEqualTo(60.0, r.DischargeWithin2PercentS, "discharge held within 2 % of the setpoint");
            Assert.IsEmpty(r.LimitViolations, string.Join("; ", r.LimitViolations));
            Assert.IsEmpty(r.SessionFailures, string.Join("; ", r.SessionFailures));
            Assert.AreEqual(0L, r.LockstepStalls, "no message was lost between the two ends");
            Assert.IsTrue(r.EndedSafe);
            Assert.AreEqual("charger_terminate", r.VehicleEndReason);
        }

        [TestMethod]
        public void ADcBptSessionOverTcpChargesDischargesAndStops()
        {
            RunResult r = OverTcp.Value;

            AssertChargedDischargedAndStopped(r);
            Assert.AreEqual("tcp", r.Security);
            Assert.IsGreaterThan(2000L, r.ChargeLoopMessages, "a DC_ChargeLoop every 100 ms");
        }

        [TestMethod]
        public void OverTlsTheSessionRunsOnTls13()
        {
            RunResult r = OverTls.Value;

            AssertChargedDischargedAndStopped(r);
            StringAssert.StartsWith(r.Security, "tls13 ");
            Assert.IsFalse(r.VehicleCertificatePresented);
        }

        [TestMethod]
        public void WithMutualAuthenticationTheVehiclesCertificateIsPresentedOnTls13()
        {
            RunResult r = OverMutualTls.Value;

            AssertChargedDischargedAndStopped(r);
            StringAssert.StartsWith(r.Security, "tls13 ");
            Assert.IsTrue(r.VehicleCertificatePresented);
        }

        [TestMethod]
        public void AVehicleThatFallsSilentInTheChargeLoopLosesThePowerWithinHalfASecond()
        {
            Scenario s = new Scenario { Name = "iso-silent", EndSeconds = 200, ExpectsFault = true };
            s.At(0, "dispatch", powerW: 20000).At(1, "plug").At(60, "inject", fault: "vehicle_silent");

            RunResult r = Run(s, new IsoLinkOptions());

            FaultRecord lost = r.Faults.Single(f => f.Code == FaultCode.VehicleCommunicationLost);
            long silentFromMs = 60000;
            Assert.IsLessThanOrEqualTo(silentFromMs + 500 + 100 + 20, lost.RaisedAtMs, "last loop message ≤ 100 ms before, 0.5 s sequence timeout, one tick");
            Assert.IsTrue(lost.IsSafeStateReached);
            Assert.IsLessThanOrEqualTo(100L, lost.ContactorsOpenAtMs - lost.RaisedAtMs);
            Assert.IsTrue(r.SessionFailures.Any(f => f.Contains("session:")), "the SECC logged its timeout: " + string.Join("; ", r.SessionFailures));
            Assert.IsTrue(r.EndedSafe);
        }

        [TestMethod]
        public void AnEmergencyStopEndsTheIsoSessionInTheSafeState()
        {
            RunResult r = Run(BuiltInScenarios.EmergencyStop(), new IsoLinkOptions());

            FaultRecord estop = r.Faults.First(f => f.Code == FaultCode.EmergencyStop);
            Assert.AreEqual(estop.RaisedAtMs, estop.ContactorsOpenAtMs);
            Assert.IsTrue(r.EndedSafe);
            Assert.AreEqual("charger_failed", r.VehicleEndReason);
        }

        [TestMethod]
        public void AChargeOnlyVehicleIsNeverDischargedWhateverTheDispatch()
        {
            Scenario s = new Scenario { Name = "iso-dc-only", EndSeconds = 200, VehicleCanDischarge = false };
            s.At(0, "dispatch", powerW: 10000).At(1, "plug").At(60, "dispatch", powerW: -10000).At(120, "stop");

            RunResult r = Run(s, new IsoLinkOptions());

            Assert.AreEqual("ok", r.Result, string.Join("; ", r.SessionFailures));
            Assert.IsGreaterThan(0.0, r.EnergyChargedWh);
            Assert.AreEqual(0.0, r.EnergyDischargedWh, 0.01, "no DC_BPT, no discharge");
        }

        [TestMethod]
        public void TheTraceHasEveryMessageOfTheSessionInOrder()
        {
            Scenario s = new Scenario { Name = "iso-trace", EndSeconds = 100 };
            s.At(0, "dispatch", powerW: 10000).At(1, "plug").At(20, "vehicle_stop");
            var trace = new StringWriter();

            RunResult r = Run(s, new IsoLinkOptions(), trace);

            string[] lines = trace.ToString().Split('\n');
            string[] expectedOrder =
            {
                "supportedAppProtocolReq", "SessionSetupReq", "AuthorizationSetupReq", "AuthorizationReq", "ServiceDiscoveryReq",
                "ServiceDetailReq", "ServiceSelectionReq", "DC_ChargeParameterDiscoveryReq", "ScheduleExchangeReq", "DC_CableCheckReq",
                "DC_PreChargeReq", "PowerDeliveryReq", "DC_ChargeLoopReq", "PowerDeliveryReq", "DC_WeldingDetectionReq", "SessionStopReq",
            };
            int at = 0;
            foreach (string message in expectedOrder)
            {
                int found = Array.FindIndex(lines, at, l => l.Contains(" EV> " + message));
                Assert.IsGreaterThanOrEqualTo(0, found, $"{message} after line {at}");
                at = found + 1;
            }

            Assert.AreEqual("ok", r.Result);
            Assert.IsFalse(trace.ToString().Contains("entries lost"), "the trace kept up with the log");
        }
    }
}
