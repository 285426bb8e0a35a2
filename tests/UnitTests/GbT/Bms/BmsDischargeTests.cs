#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Bms;
using V2G.Protocol.GbT.Discharge;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.GbT.Bms
{
    /// <summary>The BMS side of our discharge extension: BDC on CDC, the agreement, and the BCL sign rule.</summary>
    [TestClass]
    public class BmsDischargeTests
    {
        private static BmsRig DischargingRig(double socPercent)
        {
            GbtBmsSettings settings = new GbtBmsSettings();
            settings.Discharge.Enabled = true;
            settings.Discharge.MaxDischargeCurrentA = 100;
            settings.Discharge.MaxDischargePowerKw = 40;
            settings.Discharge.MinDischargeVoltageV = 340;
            BmsRig rig = new BmsRig(settings);
            rig.Plant.SocPercent = socPercent;
            rig.Cdc = new CdcMessage();
            rig.Cdc.MaxDischargeCurrentA = 80;
            rig.Cdc.MaxDischargePowerKw = 60;
            rig.Cdc.MinDischargeVoltageV = 300;
            return rig;
        }

        private static int CountExtension(BmsRig rig)
        {
            return rig.CountOf(DischargeExtension.Pf, 0);
        }

        [TestMethod]
        public void ABmsWithoutTheExtensionIgnoresCdcAndSendsNoBdc()
        {
            BmsRig rig = new BmsRig();
            rig.Cdc = new CdcMessage();
            rig.Cdc.MaxDischargeCurrentA = 80;
            rig.Cdc.MaxDischargePowerKw = 60;
            rig.ToCharging();
            rig.RunWithCcs(500, -150);

            Assert.AreEqual(0, CountExtension(rig));
            Assert.IsFalse(rig.Bms.IsDischargeAgreed);
            Assert.AreEqual(GbtBmsState.Charging, rig.Bms.State);
        }

        [TestMethod]
        public void CdcIsAnsweredWithBdcBeforeBroReadyAndBdcStopsAtCroReady()
        {
            BmsRig rig = DischargingRig(60);
            long croMs = rig.ToCharging();
            rig.Run(1000);

            int bdc = rig.First(DischargeExtension.Pf, 0);
            Assert.IsTrue(bdc >= 0);
            int broReady = -1;
            for (int i = 0; i < rig.Count; i++)
            {
                if (rig.Pf[i] == GbtPf.Bro && rig.Payload[i][0] == 0xAA)
                {
                    broReady = i;
                    break;
                }
            }

            Assert.IsTrue(bdc < broReady, "BDC before BRO(AAh)");
            BdcMessage read = new BdcMessage();
            Assert.IsTrue(read.Read(rig.Payload[bdc], rig.Length[bdc]));
            Assert.AreEqual(8, rig.Length[bdc]);
            Assert.AreEqual(1, read.Version);
            Expect.Near(100, read.MaxDischargeCurrentA, 0.05, "settings below the plant's 120 A");
            Expect.Near(40, read.MaxDischargePowerKw, 0.05, "settings below the plant's 50 kW");
            Expect.Near(340, read.MinPackVoltageV, 0.05, "settings above the plant's 330 V");
            Assert.AreEqual(0, rig.CountOf(DischargeExtension.Pf, croMs + 10), "BDC stops at CRO(AAh)");
            long minGap;
            long maxGap;
            rig.Gaps(DischargeExtension.Pf, 0, croMs, out minGap, out maxGap);
            Assert.AreEqual(250L, maxGap);
        }

        [TestMethod]
        public void TheAgreedLimitsAreTheSmallerOfCdcAndBdc()
        {
            BmsRig rig = DischargingRig(60);
            rig.ToCharging();

            Assert.IsTrue(rig.Bms.IsDischargeAgreed);
            Expect.Near(80, rig.Bms.AgreedMaxDischargeCurrentA, 0.05, "current");
            Expect.Near(40, rig.Bms.AgreedMaxDischargePowerKw, 0.05, "power");
            Expect.Near(340, rig.Bms.AgreedMinDischargeVoltageV, 0.05, "min voltage");
        }

        [TestMethod]
        public void AZeroCurrentCdcGivesNoAgreement()
        {
            BmsRig rig = DischargingRig(60);
            rig.Cdc.MaxDischargeCurrentA = 0;
            rig.ToCharging();

            Assert.IsFalse(rig.Bms.IsDischargeAgreed);
        }

        [TestMethod]
        public void BelowTheTargetTheDemandIsTheChargeCurrent()
        {
            BmsRig rig = DischargingRig(60);
            rig.ToCharging();
            rig.RunWithCcs(200, -150);

            Expect.Near(-150, rig.Bms.CurrentDemandA, 1e-9, "charge demand");
        }

        [TestMethod]
        public void AtOrAboveTheTargetWithAgreementTheBmsStaysAndAcceptsDischarge()
        {
            BmsRig rig = DischargingRig(85);
            rig.ToCharging();
            rig.RunWithCcs(300, 50);

            Assert.AreEqual(GbtBmsState.Charging, rig.Bms.State, "no BST at the target");
            Expect.Near(80, rig.Bms.CurrentDemandA, 1e-9, "+ = discharge accepted up to the agreed current");
            BclMessage bcl = new BclMessage();
            int last = rig.Last(GbtPf.Bcl);
            Assert.IsTrue(bcl.Read(rig.Payload[last], rig.Length[last]));
            Expect.Near(80, bcl.CurrentDemandA, 0.05, "on the wire");
        }

        [TestMethod]
        public void WhileDischargingTheBmsStopsWithBstAtItsMinimumSoc()
        {
            BmsRig rig = DischargingRig(85);
            rig.ToCharging();
            rig.Plant.BatteryCurrentA = -50;
            rig.RunWithCcs(300, 50);
            Assert.AreEqual(GbtBmsState.Charging, rig.Bms.State);

            rig.Plant.SocPercent = 20;
            rig.RunWithCcs(50, 50);
            Assert.AreEqual(GbtBmsState.Stopping, rig.Bms.State);
            Assert.AreEqual(BstMessage.SocTargetReached, rig.Bms.StopField);
        }

        [TestMethod]
        public void AtTheMinimumSocTheDemandIsTheChargeCurrentAgain()
        {
            BmsRig rig = DischargingRig(20);
            rig.ToCharging();
            rig.RunWithCcs(200, -150);

            Assert.AreEqual(GbtBmsState.Charging, rig.Bms.State, "not discharging: no stop");
            Expect.Near(-150, rig.Bms.CurrentDemandA, 1e-9, "charge demand");
        }
    }
}
