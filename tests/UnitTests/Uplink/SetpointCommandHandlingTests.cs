#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Uplink
{
    /// <summary>Setpoints from cmd/setpoint: applied once, checked, clamped at local limits, arbitrated by priority, expired.</summary>
    [TestClass]
    public class SetpointCommandHandlingTests
    {
        private static UplinkRig Online()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);
            Assert.IsTrue(rig.Service.IsOnline);
            return rig;
        }

        private static FakePublish SendAndReply(UplinkRig rig, string payload)
        {
            rig.Client.ClearPublished();
            rig.Client.Inject(rig.Topic("cmd/setpoint"), payload);
            rig.Run(200);
            FakePublish reply = rig.LastReply;
            Assert.IsNotNull(reply, "a reply to " + payload);
            Assert.AreEqual(1, reply.Qos);
            Assert.IsFalse(reply.Retain, "replies are never retained");
            return reply;
        }

        private static void AssertRejected(string payload, string reason)
        {
            UplinkRig rig = Online();
            FakePublish reply = SendAndReply(rig, payload);
            Assert.IsTrue(reply.Has("\"result\":\"rejected\""), reply.Payload);
            Assert.IsTrue(reply.Has(reason), "reason '" + reason + "' in " + reply.Payload);
            Assert.IsFalse(rig.Controller.HasDispatch, "nothing applied");
            Assert.AreEqual(1L, rig.Service.CommandsRejected);
        }

        [TestMethod]
        public void AnAcceptedSetpointIsConvertedToDcAndRepliedWithTheAppliedAcPower()
        {
            UplinkRig rig = Online();
            FakePublish reply = SendAndReply(rig, "{\"id\":\"a1\",\"power_W\":-7400,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"priority\":100,\"purpose\":\"dispatch\"}");

            Assert.IsTrue(reply.Has("\"id\":\"a1\"") && reply.Has("\"result\":\"accepted\"") && reply.Has("\"applied_W\":-7400.0"), reply.Payload);
            Assert.IsTrue(rig.Controller.HasDispatch);
            Expect.Near(-7400 / 0.95, rig.Controller.DispatchPowerW, 0.01, "DC out of the vehicle for 7.4 kW AC export");
            Assert.AreEqual(1L, rig.Service.CommandsAccepted);
        }

        [TestMethod]
        public void ARepeatedDeliveryIsAppliedOnceAndAnsweredWithTheFirstAnswer()
        {
            UplinkRig rig = Online();
            string a = "{\"id\":\"dup-1\",\"power_W\":5000,\"valid_until\":\"" + UplinkRig.Until0600 + "\"}";
            FakePublish first = SendAndReply(rig, a);
            rig.Run(1000);
            SendAndReply(rig, "{\"id\":\"other\",\"power_W\":3000,\"valid_until\":\"" + UplinkRig.Until0600 + "\"}");
            rig.Run(1000);

            FakePublish again = SendAndReply(rig, a);

            Assert.AreEqual(first.Payload, again.Payload, "the first answer, byte for byte");
            Expect.Near(3000 * 0.95, rig.Controller.DispatchPowerW, 0.01, "the repeat did not re-apply dup-1");
            Assert.AreEqual(2L, rig.Service.CommandsAccepted);
            Assert.AreEqual(1L, rig.Service.CommandDuplicates);
        }

        [TestMethod]
        public void AnExpiredSetpointIsRejected()
        {
            AssertRejected("{\"id\":\"e1\",\"power_W\":1000,\"valid_until\":\"2026-11-26T04:00:00Z\"}", "expired");
        }

        [TestMethod]
        public void MalformedJsonIsRejectedWithWhereItWentWrong()
        {
            AssertRejected("{\"id\":\"m1\",\"power_W\":}", "malformed JSON at byte");
        }

        [TestMethod]
        public void AnOversizedPayloadIsRejectedUnread()
        {
            string padding = new string('x', 2000);
            AssertRejected("{\"id\":\"o1\",\"pad\":\"" + padding + "\"}", "payload too large: 2020 bytes > 1024");
        }

        [TestMethod]
        public void PowerBeyondTenTimesTheRatingIsRejectedAsOutOfRange()
        {
            AssertRejected("{\"id\":\"r1\",\"power_W\":-400000,\"valid_until\":\"" + UplinkRig.Until0600 + "\"}", "out of range");
        }

        [TestMethod]
        public void AnUnknownKeyIsRejected()
        {
            AssertRejected("{\"id\":\"u1\",\"power_W\":100,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"foo\":1}", "unknown key 'foo'");
        }

        [TestMethod]
        public void ASetpointBeyondTheChargersRatingIsClampedAtIt()
        {
            UplinkRig rig = Online();
            FakePublish reply = SendAndReply(rig, "{\"id\":\"c1\",\"power_W\":-100000,\"valid_until\":\"" + UplinkRig.Until0600 + "\"}");

            Assert.IsTrue(reply.Has("\"result\":\"clamped\"") && reply.Has("\"applied_W\":-28500.0") && reply.Has("charger_power_limit"), reply.Payload);
            Expect.Near(-30000, rig.Controller.DispatchPowerW, 0.01, "DC dispatch at the 30 kW discharge rating");
            Assert.AreEqual(1L, rig.Service.CommandsClamped);

            reply = SendAndReply(rig, "{\"id\":\"c2\",\"power_W\":100000,\"valid_until\":\"" + UplinkRig.Until0600 + "\"}");
            Assert.IsTrue(reply.Has("\"result\":\"clamped\"") && reply.Has("\"applied_W\":31578.9"), reply.Payload);
            Expect.Near(30000, rig.Controller.DispatchPowerW, 0.01, "DC dispatch at the 30 kW charge rating");
        }

        [TestMethod]
        public void ASetpointIsClampedAtTheVehiclesCurrentLimitInEnergyTransfer()
        {
            UplinkRig rig = Online();
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            rig.Run(40000);
            Assert.AreEqual("energy_transfer", V2G.Firmware.Session.ChargerStateNames.Of(rig.Controller.State));
            V2G.Firmware.Safety.ApplicableLimits limits = rig.Controller.Limits;
            double voltageV = rig.Controller.LastMeasurements.ConnectorVoltageV;
            double maxDcW = limits.MaxChargePowerW < limits.MaxChargeCurrentA * voltageV ? limits.MaxChargePowerW : limits.MaxChargeCurrentA * voltageV;

            FakePublish reply = SendAndReply(rig, "{\"id\":\"v1\",\"power_W\":200000,\"valid_until\":\"" + UplinkRig.Until0600 + "\"}");

            Assert.IsTrue(reply.Has("\"result\":\"clamped\""), reply.Payload);
            Expect.AtMost(maxDcW + 1e-6, rig.Controller.DispatchPowerW, "DC dispatch within the local limits in force");
            rig.Run(5000);
            Expect.AtMost(maxDcW * 1.02 + 1, rig.Controller.LastMeasurements.PowerW, "measured power within the local limits");
        }

        [TestMethod]
        public void ALowerPrioritySetpointDoesNotReplaceAHigherOneInForce()
        {
            UplinkRig rig = Online();
            SendAndReply(rig, "{\"id\":\"high\",\"power_W\":-5000,\"valid_until\":\"2026-11-26T05:00:30Z\",\"priority\":100}");

            FakePublish reply = SendAndReply(rig, "{\"id\":\"low\",\"power_W\":2000,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"priority\":10}");
            Assert.IsTrue(reply.Has("\"result\":\"rejected\"") && reply.Has("lower priority than setpoint 'high' in force"), reply.Payload);
            Expect.Near(-5000 / 0.95, rig.Controller.DispatchPowerW, 0.01, "the high-priority setpoint holds");

            reply = SendAndReply(rig, "{\"id\":\"higher\",\"power_W\":1000,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"priority\":200}");
            Assert.IsTrue(reply.Has("\"result\":\"accepted\""), "a higher priority replaces it: " + reply.Payload);
        }

        [TestMethod]
        public void ALowerPrioritySetpointIsTakenOnceTheHigherOneHasExpired()
        {
            UplinkRig rig = Online();
            SendAndReply(rig, "{\"id\":\"high\",\"power_W\":-5000,\"valid_until\":\"2026-11-26T05:00:05Z\",\"priority\":100}");
            rig.Run(6000);

            FakePublish reply = SendAndReply(rig, "{\"id\":\"low\",\"power_W\":2000,\"valid_until\":\"" + UplinkRig.Until0600 + "\",\"priority\":10}");

            Assert.IsTrue(reply.Has("\"result\":\"accepted\""), reply.Payload);
        }

        [TestMethod]
        public void AnExpiringSetpointClearsTheDispatchAndRaisesAnEvent()
        {
            UplinkRig rig = Online();
            SendAndReply(rig, "{\"id\":\"x1\",\"power_W\":4000,\"valid_until\":\"2026-11-26T05:00:05Z\"}");
            Assert.IsTrue(rig.Controller.HasDispatch);

            rig.Run(6000);

            Assert.IsFalse(rig.Controller.HasDispatch, "back to the vehicle's own request");
            Assert.IsFalse(rig.Service.Dispatch.HasSetpoint);
            FakePublish[] events = rig.Client.On(rig.Topic("event"));
            bool expired = false;
            for (int i = 0; i < events.Length; i++)
            {
                expired |= events[i].Has("\"kind\":\"setpoint_expired\"");
            }

            Assert.IsTrue(expired, "a setpoint_expired event");
        }

        [TestMethod]
        public void WithoutCalendarTimeNoSetpointIsTakenAndARedeliveryAfterwardsIs()
        {
            V2G.Sim.Plant.Board.SimulatedCharger sim = new V2G.Sim.Plant.Board.SimulatedCharger(new V2G.Firmware.Settings.ChargerSettings(), 60, 40, 50);
            FakeUplink client = new FakeUplink();
            FakeWallClock wall = new FakeWallClock();
            V2G.Firmware.Uplink.UplinkService service = new V2G.Firmware.Uplink.UplinkService(new V2G.Firmware.Uplink.UplinkSettings(), sim.Controller, client, null, null, wall, new V2G.UnitTests.Plc.SeededEntropy(1));
            service.Pump(0);
            service.Pump(10);
            string command = "{\"id\":\"w1\",\"power_W\":1000,\"valid_until\":\"" + UplinkRig.Until0600 + "\"}";

            client.Inject(service.Topics.Setpoint, command);
            service.Pump(20);
            Assert.IsTrue(client.LastOn(service.Topics.SetpointReply).Has("clock not set"), client.LastOn(service.Topics.SetpointReply).Payload);

            wall.IsSet = true;
            wall.UtcNow = new System.DateTime(2026, 11, 26, 5, 0, 0);
            client.Inject(service.Topics.Setpoint, command);
            service.Pump(30);
            service.Tick(30);
            service.Pump(40);
            Assert.IsTrue(client.LastOn(service.Topics.SetpointReply).Has("\"result\":\"accepted\""), client.LastOn(service.Topics.SetpointReply).Payload);
            Assert.IsTrue(sim.Controller.HasDispatch);
        }
    }
}
