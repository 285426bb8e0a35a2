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
    public class EvccPreChargeTests
    {
        [TestMethod]
        public void TheContactorClosesOnlyOnceTheChargersVoltageMatchesTheBattery()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Plant.BatteryVoltageV = 372;
            rig.Charger.PreChargeStepV = 50;
            rig.Start();

            // Step until the contactor is commanded: every answer before moved the voltage up by 50 V.
            int preCharges = 0;
            for (int i = 0; i < 2000 && rig.Plant.CloseCommands == 0 && !rig.Session.IsFinished; i++)
            {
                rig.Tick();
                preCharges = rig.Charger.CountOf("DC_PreChargeReq");
                if (rig.Plant.CloseCommands == 0 && preCharges > 0)
                {
                    Assert.IsFalse(rig.Plant.IsContactorClosed, "open while the voltage differs");
                }
            }

            Assert.AreEqual(1, rig.Plant.CloseCommands, "closed once");
            Assert.IsTrue(preCharges >= 8, "it took the ramp (" + preCharges + " DC_PreChargeReq)");
            double differenceV = rig.Plant.InletVoltageAtCloseV - 372;
            Assert.IsTrue(differenceV <= rig.Settings.PreChargeToleranceV && differenceV >= -rig.Settings.PreChargeToleranceV, "inlet within tolerance at close: " + rig.Plant.InletVoltageAtCloseV.ToString("F1"));
            V2G.UnitTests.TestSupport.Expect.Near(372, rig.Session.ChargerPresentVoltageV, rig.Settings.PreChargeToleranceV, "charger's present voltage at close");

            rig.RunToLoop(1, 2000);
            Assert.AreEqual("charge_loop", rig.Session.StateName, "went on after the contactor closed");
        }

        [TestMethod]
        public void AChargerThatNeverMatchesEndsThePreChargeAfterTenSecondsWithTheContactorOpen()
        {
            EvccRig rig = new EvccRig(new EvccSettings());
            rig.Charger.PreChargeOffsetV = -60;
            rig.Start();
            for (int i = 0; i < 5000 && rig.Charger.IndexOf("DC_PreChargeReq") < 0; i++)
            {
                rig.Tick();
            }

            long start = rig.Clock.NowMs;
            rig.RunToEnd(5000);

            Assert.IsTrue(rig.Session.IsFinished, rig.LogText());
            Assert.AreEqual(0, rig.Plant.CloseCommands, "never closed onto a voltage difference");
            Assert.AreEqual(EvccEndReasons.StepTimeout, rig.Session.EndReason);
            TraceEntry failure = rig.LastFailure();
            Assert.IsNotNull(failure);
            Assert.AreEqual("precharge_timeout", failure.Failure);
            Assert.IsTrue(failure.Layer == FailureLayer.Session, "session layer");
            long took = rig.Clock.NowMs - start;
            Assert.IsTrue(took >= 10000 && took <= 10500, "after the 10 s precharge total: " + took + " ms");
        }
    }
}
