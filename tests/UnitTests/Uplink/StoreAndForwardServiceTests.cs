#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Uplink
{
    /// <summary>Records made while the broker is out of reach: queued, replayed in order at QoS 1, flagged historical.</summary>
    [TestClass]
    public class StoreAndForwardServiceTests
    {
        private static int CountHistorical(FakePublish[] published)
        {
            int n = 0;
            for (int i = 0; i < published.Length; i++)
            {
                if (published[i].Has("\"hist\":true"))
                {
                    Assert.AreEqual(1, published[i].Qos, "replayed at QoS 1");
                    n++;
                }
            }

            return n;
        }

        private static void AssertHistoricalInSeqOrder(FakePublish[] published, string what)
        {
            long last = 0;
            for (int i = 0; i < published.Length; i++)
            {
                if (published[i].Has("\"hist\":true"))
                {
                    long seq = UplinkRig.IntegerOf(published[i].Payload, "seq");
                    Assert.IsTrue(seq > last, what + ": replayed in order (" + seq.ToString() + " after " + last.ToString() + ")");
                    last = seq;
                }
            }
        }

        [TestMethod]
        public void RecordsMadeWhileTheBrokerIsDownAreReplayedInOrderFlaggedHistorical()
        {
            UplinkRig rig = new UplinkRig();
            rig.Client.ConnectBehaviour = FakeUplink.ConnectFails;
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            rig.Run(60000);
            Assert.IsFalse(rig.Service.IsOnline);
            Assert.AreEqual(0, rig.Client.PublishedCount);
            Assert.IsTrue(rig.Service.Queued >= 30, "queued while offline: " + rig.Service.Queued.ToString());

            rig.Client.ConnectBehaviour = FakeUplink.ConnectSucceeds;
            rig.Run(90000);

            Assert.IsTrue(rig.Service.IsOnline);
            Assert.AreEqual(0, rig.Service.Queued, "all replayed");
            FakePublish[] telemetry = rig.Client.On(rig.Topic("telemetry"));
            FakePublish[] events = rig.Client.On(rig.Topic("event"));
            Assert.IsTrue(CountHistorical(telemetry) >= 30, "telemetry replayed");
            Assert.IsTrue(CountHistorical(events) >= 5, "state events replayed");
            AssertHistoricalInSeqOrder(telemetry, "telemetry");
            AssertHistoricalInSeqOrder(events, "events");
            UplinkRig.AssertSeqContiguous(telemetry, "telemetry");
            UplinkRig.AssertSeqContiguous(events, "events");
            Assert.AreEqual(0L, rig.Service.RecordsLost);
        }

        [TestMethod]
        public void WhenTheQueueIsFullTelemetryIsDroppedFirstAndCountedWhileEventsAndMeterSurvive()
        {
            UplinkRig rig = new UplinkRig(new V2G.Firmware.Uplink.UplinkSettings(), null, 6);
            rig.Client.ConnectBehaviour = FakeUplink.ConnectFails;
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            rig.Run(300000);
            Assert.IsTrue(rig.Service.DroppedOf(V2G.Firmware.Uplink.StoreAndForward.UplinkRecordClass.Telemetry) > 0, "telemetry dropped");
            Assert.AreEqual(0L, rig.Service.DroppedOf(V2G.Firmware.Uplink.StoreAndForward.UplinkRecordClass.Event));
            Assert.AreEqual(0L, rig.Service.DroppedOf(V2G.Firmware.Uplink.StoreAndForward.UplinkRecordClass.Meter));

            rig.Client.ConnectBehaviour = FakeUplink.ConnectSucceeds;
            rig.Run(60000);

            UplinkRig.AssertSeqContiguous(rig.Client.On(rig.Topic("event")), "events");
            UplinkRig.AssertSeqContiguous(rig.Client.On(rig.Topic("meter")), "meter");
        }

        [TestMethod]
        public void ARecordWhosePublishLosesTheLinkIsKeptAndReplayed()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(1000);
            rig.Client.DropOnNextPublish = true;
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            rig.Run(60000);

            Assert.IsTrue(rig.Service.Connection.LinkLosses >= 1);
            Assert.IsTrue(rig.Service.Connection.Reconnects >= 1);
            UplinkRig.AssertSeqContiguous(rig.Client.On(rig.Topic("event")), "events");
            UplinkRig.AssertSeqContiguous(rig.Client.On(rig.Topic("telemetry")), "telemetry");
        }

        [TestMethod]
        public void StateChangesAndFaultsBecomeEventsWithTheirNames()
        {
            UplinkRig rig = new UplinkRig();
            rig.Run(200);
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            rig.Run(40000);
            rig.Sim.EmergencyStop.IsActive = true;
            rig.Run(1000);
            rig.Sim.EmergencyStop.IsActive = false;
            rig.Controller.ClearFaults();
            rig.Run(1000);

            FakePublish[] events = rig.Client.On(rig.Topic("event"));
            bool transfer = false;
            bool raised = false;
            bool cleared = false;
            for (int i = 0; i < events.Length; i++)
            {
                transfer |= events[i].Has("\"kind\":\"state\"") && events[i].Has("\"state\":\"energy_transfer\"");
                raised |= events[i].Has("\"kind\":\"fault_raised\"") && events[i].Has("\"fault\":\"emergency_stop\"");
                cleared |= events[i].Has("\"kind\":\"fault_cleared\"") && events[i].Has("\"fault\":\"emergency_stop\"");
                Assert.AreEqual(1, events[i].Qos);
            }

            Assert.IsTrue(transfer, "state event energy_transfer");
            Assert.IsTrue(raised, "fault_raised emergency_stop");
            Assert.IsTrue(cleared, "fault_cleared emergency_stop");
            UplinkRig.AssertSeqContiguous(events, "events");
        }

        [TestMethod]
        public void MeterRecordsArePublishedEveryPeriod()
        {
            UplinkRig rig = new UplinkRig();
            rig.Setpoint("m1", 5000, UplinkRig.Until0600, 0);
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            rig.Run(130000);

            FakePublish[] meter = rig.Client.On(rig.Topic("meter"));
            Assert.AreEqual(3, meter.Length, "at 0, 60 and 120 s");
            FakePublish last = meter[meter.Length - 1];
            Assert.IsTrue(last.Has("\"sessions\":1") && last.Has("\"energy_Wh_import\""), last.Payload);
            UplinkRig.AssertSeqContiguous(meter, "meter");
        }
    }
}
