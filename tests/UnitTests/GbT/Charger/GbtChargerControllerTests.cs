#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Session;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Bms;
using V2G.Protocol.GbT.Charger;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>The session against the real ChargeController on fakes and the BMS simulator: the controller's steps in GB/T order, and the physics of a stop.</summary>
    [TestClass]
    public class GbtChargerControllerTests
    {
        private static ControllerGbtRig Charging(GbtChargerSettings settings, GbtBmsSettings bmsSettings)
        {
            ControllerGbtRig rig = new ControllerGbtRig(settings, bmsSettings);
            rig.Build();
            rig.Cc1.VoltageV = 4.0;
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Charging, 60000), "reached charging; controller " + ChargerStateNames.Of(rig.Rig.Controller.State) + ", last failure " + rig.Session.LastFailure);
            rig.Advance(2000);
            return rig;
        }

        private static GbtBmsSettings BmsCharging(double currentA)
        {
            GbtBmsSettings settings = new GbtBmsSettings();
            settings.ChargeCurrentA = currentA;
            settings.TargetSocPercent = 100;
            return settings;
        }

        [TestMethod]
        public void TheRealControllerChargesAtTheBclDemand()
        {
            ControllerGbtRig rig = Charging(new GbtChargerSettings(), BmsCharging(60));
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Rig.Controller.State);
            Expect.Near(60, rig.Rig.Stage.OutputCurrentA, 1.0, "current into the vehicle");
            Expect.Near(-60, rig.Bms.ChargerOutputCurrentA, 1.0, "CCS current in the standard's sign");
        }

        [TestMethod]
        public void AfterCstTheCurrentIsAtMostFiveAmpsWithin100Ms()
        {
            ControllerGbtRig rig = Charging(new GbtChargerSettings(), BmsCharging(60));
            rig.Session.RequestStop();
            int cst = -1;
            long cstMs = -1;
            double worstAfterDeadlineA = 0;
            for (int i = 0; i < 30; i++)
            {
                rig.Step();
                if (cst < 0)
                {
                    for (int k = 0; k < rig.Bus.Count; k++)
                    {
                        if (GbtRig.PfOf(rig.Bus.Frame(k)) == GbtPf.Cst)
                        {
                            cst = k;
                            cstMs = rig.Bus.TimeMs(k);
                            break;
                        }
                    }
                }

                double a = rig.Rig.Stage.OutputCurrentA;
                a = a < 0 ? -a : a;
                if (cstMs >= 0 && rig.NowMs - cstMs >= 100 && a > worstAfterDeadlineA)
                {
                    worstAfterDeadlineA = a;
                }
            }

            Assert.IsTrue(cst >= 0, "CST sent");
            Expect.AtMost(5, worstAfterDeadlineA, "current 100 ms after CST");
            Assert.IsFalse(rig.Session.StopCurrentLate, "the session saw it in time too (" + rig.Session.StopCurrentDelayMs + " ms)");
        }

        [TestMethod]
        public void AFullSessionWithTheSimulatorEndsInStatisticsAndUnlocks()
        {
            ControllerGbtRig rig = Charging(new GbtChargerSettings(), BmsCharging(60));
            rig.Session.RequestStop();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Ended, 20000), "ended; last failure " + rig.Session.LastFailure);
            Assert.AreEqual(ChargerState.SessionEnd, rig.Rig.Controller.State);
            Assert.IsFalse(rig.Aux.IsOn);
            Assert.IsFalse(rig.Lock.IsCommandedLocked);
            Assert.AreEqual(0, rig.Session.TimeoutCount);
        }

        [TestMethod]
        public void ABclTimeoutWithTheRealControllerReHandshakesIntoANewSegment()
        {
            ControllerGbtRig rig = Charging(new GbtChargerSettings(), BmsCharging(60));
            rig.Bms.StopBcl();
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.TimedOut, 2000));
            Assert.AreEqual("FCF0C4FC", GbtRig.HexOf(rig.Bus.Frame(LastIndexOf(rig, GbtPf.Cem))));
            rig.Advance(200);
            Expect.AtMost(5, rig.Rig.Stage.OutputCurrentA < 0 ? -rig.Rig.Stage.OutputCurrentA : rig.Rig.Stage.OutputCurrentA, "output stopped");
            Assert.IsTrue(rig.RunUntil(GbtChargerStage.Charging, 30000), "charging again; last failure " + rig.Session.LastFailure);
            Assert.AreEqual(1, rig.Session.Reconnects);
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Rig.Controller.State);
        }

        [TestMethod]
        public void UnplugMidChargeOpensTheRealControllersOutputAtOnce()
        {
            ControllerGbtRig rig = Charging(new GbtChargerSettings(), BmsCharging(60));
            rig.Cc1.VoltageV = 12;
            rig.Step();
            Assert.AreEqual(GbtChargerStage.Unplugged, rig.Session.Stage);
            Assert.IsFalse(rig.Rig.Positive.IsCommandedClosed && rig.Rig.Negative.IsCommandedClosed, "output contactors commanded open");
        }

        [TestMethod]
        public void TheDischargeExtensionAgreesWithTheSimulatorAndTheControllerMayDischarge()
        {
            GbtChargerSettings settings = new GbtChargerSettings();
            settings.Discharge.Enabled = true;
            settings.Discharge.MaxDischargeCurrentA = 50;
            settings.Discharge.MaxDischargePowerKw = 20;
            settings.Discharge.MinDischargeVoltageV = 300;
            GbtBmsSettings bms = BmsCharging(60);
            bms.Discharge.Enabled = true;
            bms.Discharge.MaxDischargeCurrentA = 40;
            bms.Discharge.MaxDischargePowerKw = 15;
            bms.Discharge.MinDischargeVoltageV = 320;
            ControllerGbtRig rig = Charging(settings, bms);
            Assert.IsTrue(rig.Session.Discharge.IsAgreed);
            Assert.IsTrue(rig.Rig.Controller.IsDischargeAgreed);
            Expect.Near(40, rig.Rig.Controller.Limits.MaxDischargeCurrentA, 0.05, "min(50, 40) A");
        }

        private static int LastIndexOf(ControllerGbtRig rig, int pf)
        {
            for (int i = rig.Bus.Count - 1; i >= 0; i--)
            {
                if (GbtRig.PfOf(rig.Bus.Frame(i)) == pf)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
