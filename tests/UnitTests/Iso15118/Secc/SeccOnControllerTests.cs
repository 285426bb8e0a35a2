#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Session;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Secc;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Iso15118.Secc
{
    /// <summary>The SECC session driving the real ChargeController on the test rig (ideal physics), tick by tick.</summary>
    [TestClass]
    public class SeccOnControllerTests
    {
        /// <summary>A rig and a bench walked through the session into the charge loop (energy transfer).</summary>
        private static SeccBench ToChargeLoop(ControllerRig rig, bool scheduled)
        {
            rig.Settings.PowerRampWPerS = 1000000;
            rig.Build();
            rig.Controller.VehicleConnected();
            rig.Tick();

            SeccBench b = new SeccBench(rig.Controller, rig.Clock);
            b.AfterPoll = delegate
            {
                // The protocol polls first, then the controller ticks (docs/architecture.md, "The control tick").
                rig.Settle();
                rig.Controller.Tick();
                rig.Settle();
            };

            b.Select(ServiceIds.DcBpt, scheduled ? ServiceIds.ScheduledParameterSetId : ServiceIds.DynamicParameterSetId);
            Assert.IsTrue(b.ToServiceSelection(), "handshake to service selection");
            Assert.AreEqual(ChargerState.Authorization, rig.Controller.State);
            Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeParameterDiscoveryReq));
            Assert.IsTrue(rig.Controller.IsDischargeAgreed, "discharge agreed in parameter exchange");
            b.Ev.CommonOut.ScheduleExchangeReq.HasDynamic_SEReqControlMode = !scheduled;
            b.Ev.CommonOut.ScheduleExchangeReq.HasScheduled_SEReqControlMode = scheduled;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.ScheduleExchangeReq));

            int requests = 0;
            do
            {
                Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_CableCheckReq), "cable check");
                requests++;
            }
            while (b.Ev.DcIn.DC_CableCheckRes.EVSEProcessing == ProcessingType.Ongoing && requests < 2000);
            Assert.AreEqual(ProcessingType.Finished, b.Ev.DcIn.DC_CableCheckRes.EVSEProcessing, "cable check finished");

            SeccValues.Set(b.Ev.DcOut.DC_PreChargeReq.EVTargetVoltage, rig.BatteryVoltageV);
            for (int i = 0; i < 50; i++)
            {
                Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_PreChargeReq), "precharge");
            }

            Expect.Near(rig.BatteryVoltageV, SeccValues.Of(b.Ev.DcIn.DC_PreChargeRes.EVSEPresentVoltage), 10, "precharged to the battery's voltage");
            rig.VehicleContactorClosed = true;
            b.Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Start;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.PowerDeliveryReq), "PowerDelivery Start");
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Controller.State);

            b.LoopVariant(true, scheduled);
            return b;
        }

        [TestMethod]
        public void ADischargingDcBptSessionRunsOnTheRealControllerToItsEnd()
        {
            ControllerRig rig = new ControllerRig();
            SeccBench b = ToChargeLoop(rig, false);
            rig.Controller.SetDispatchPowerW(-8000);
            for (int i = 0; i < 30; i++)
            {
                Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq), "charge loop " + i.ToString());
            }

            Expect.Near(-20, SeccValues.Of(b.Ev.DcIn.DC_ChargeLoopRes.EVSEPresentCurrent), 0.5, "8 kW out of a 400 V battery, negative");

            b.Ev.CommonOut.PowerDeliveryReq.ChargeProgress = ChargeProgressType.Stop;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.PowerDeliveryReq), "PowerDelivery Stop");
            rig.VehicleContactorClosed = false;
            int requests = 0;
            b.Ev.DcOut.DC_WeldingDetectionReq.EVProcessing = ProcessingType.Ongoing;
            while (rig.Controller.State != ChargerState.WeldingDetection && requests < 200)
            {
                Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_WeldingDetectionReq), "welding detection");
                requests++;
            }

            for (int i = 0; i < 200; i++)
            {
                Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_WeldingDetectionReq), "welding detection");
            }

            b.Ev.CommonOut.SessionStopReq.ChargingSession = ChargingSessionType.Terminate;
            Assert.AreEqual((int)ResponseCodeType.OK, b.Common(Iso20CommonMessagesRoot.SessionStopReq), "SessionStop");
            Assert.AreEqual(ChargerState.SessionEnd, rig.Controller.State, "the controller's session ended");
            Assert.AreEqual(0, rig.Controller.ActiveFaultCount, "no fault on the way");
            Assert.IsTrue(rig.Controller.Energy.DischargedWh > 0, "energy went out of the vehicle");
        }

        [TestMethod]
        public void AScheduledNegativeTargetCurrentDischargesThroughTheRealController()
        {
            ControllerRig rig = new ControllerRig();
            SeccBench b = ToChargeLoop(rig, true);
            SeccValues.Set(b.Ev.DcOut.DC_ChargeLoopReq.BPT_Scheduled_DC_CLReqControlMode.EVTargetCurrent, -20);
            for (int i = 0; i < 30; i++)
            {
                Assert.AreEqual((int)ResponseCodeType.OK, b.Dc(Iso20DcRoot.DC_ChargeLoopReq), "charge loop " + i.ToString());
            }

            Assert.IsTrue(b.Ev.DcIn.DC_ChargeLoopRes.HasBPT_Scheduled_DC_CLResControlMode);
            Expect.Near(-20, SeccValues.Of(b.Ev.DcIn.DC_ChargeLoopRes.EVSEPresentCurrent), 0.5, "the EV's −20 A target: 20 A out of the vehicle");
        }
    }
}
