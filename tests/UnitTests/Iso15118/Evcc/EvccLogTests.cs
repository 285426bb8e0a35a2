#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Trace;

namespace V2G.UnitTests.Iso15118.Evcc
{
    [TestClass]
    public class EvccLogTests
    {
        [TestMethod]
        public void TheLogHoldsEachRequestAndItsResponseWithKeyFieldsAndTheResponseTime()
        {
            EvccRig rig = new EvccRig(new EvccSettings()).Start();
            rig.RunToLoop(2, 2000);
            rig.Tick();
            rig.Tick();

            TraceEntry request = null;
            TraceEntry response = null;
            for (int i = 0; i < rig.Session.Log.Count; i++)
            {
                TraceEntry e = rig.Session.Log.Get(i);
                if (e.Message == "DC_ChargeLoopReq" && request == null)
                {
                    request = e;
                }
                else if (e.Message == "DC_ChargeLoopRes" && response == null)
                {
                    response = e;
                }
            }

            Assert.IsNotNull(request, rig.LogText());
            Assert.IsNotNull(response, rig.LogText());
            Assert.IsTrue(request.Direction == MessageDirection.Sent, "a request is what the EV sent");
            Assert.IsTrue(response.Direction == MessageDirection.Received, "a response is what the EV received");
            Assert.AreEqual("SoC=50.0 V=400.0", request.Details.ToString());
            Assert.AreEqual("OK V=400.0 I=50.0", response.Details.ToString());
            Assert.AreEqual((long)EvccRig.TickMs, response.ResponseTimeMs, "answered in the next tick");
        }

        [TestMethod]
        public void EveryStateHasAStableName()
        {
            Assert.AreEqual(21, EvccStateNames.Count);
            Assert.AreEqual("idle", EvccStateNames.Of(EvccState.Idle));
            Assert.AreEqual("pre_charge", EvccStateNames.Of(EvccState.PreCharge));
            Assert.AreEqual("charge_loop", EvccStateNames.Of(EvccState.ChargeLoop));
            Assert.AreEqual("finished", EvccStateNames.Of(EvccState.Finished));
            Assert.AreEqual("unknown", EvccStateNames.Of((EvccState)99));
        }

        [TestMethod]
        public void AVehicleContactorThatDoesNotOpenDoesNotHoldTheSession()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.TerminateAtLoop = 2;
            rig.Start();
            rig.RunToLoop(1, 2000);
            rig.Plant.Welded = true;
            rig.RunToEnd(3000);

            Assert.IsTrue(rig.Session.IsFinished, rig.LogText());
            Assert.AreEqual(EvccEndReasons.ChargerTerminate, rig.Session.EndReason);
            Assert.IsTrue(rig.LogText().IndexOf("contactor_still_closed") >= 0, "logged");
            Assert.IsTrue(rig.LogText().IndexOf("welding_detection_unresolved") >= 0, "welding detection saw the inlet stay live");
        }
    }
}
