#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.GbT.Discharge;
using V2G.Protocol.Trace;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>The charger's side of our discharge extension (CDC/BDC on PGN 0xEF00; not in GB/T 27930-2015 [digest §8]).</summary>
    [TestClass]
    public class GbtChargerDischargeTests
    {
        private static GbtRig Rig(bool chargerEnabled, bool bmsEnabled)
        {
            GbtChargerSettings settings = new GbtChargerSettings();
            settings.Discharge.Enabled = chargerEnabled;
            settings.Discharge.MaxDischargeCurrentA = 100;
            settings.Discharge.MaxDischargePowerKw = 40;
            settings.Discharge.MinDischargeVoltageV = 300;
            GbtRig rig = new GbtRig(settings);
            rig.Bms.BdcEnabled = bmsEnabled;
            return rig;
        }

        [TestMethod]
        public void NoExtensionFrameIsSentWhenTheExtensionIsOff()
        {
            GbtRig rig = Rig(false, true);
            Assert.IsTrue(rig.ToCharging());
            Assert.AreEqual(-1, rig.IndexOf(DischargeExtension.Pf, 0));
            Assert.AreEqual(0.0, rig.Port.LastLimits.MaxDischargeCurrentA);
        }

        [TestMethod]
        public void CdcGoesOutFromTheFirstCmlEvery250MsUntilBro()
        {
            GbtRig rig = Rig(true, false);
            Assert.IsTrue(rig.ToCharging());
            int cml = rig.IndexOf(GbtPf.Cml, 0);
            int cdc = rig.IndexOf(DischargeExtension.Pf, 0);
            Assert.IsTrue(cdc > cml && rig.Bus.TimeMs(cdc) == rig.Bus.TimeMs(cml), "CDC with the first CML");
            Assert.AreEqual(0x18EFF456u, rig.Bus.Frame(cdc).Id);
            Assert.AreEqual(8, rig.Bus.Frame(cdc).Length);
            int cro = rig.IndexOf(GbtPf.Cro, 0);
            Assert.AreEqual(-1, rig.IndexOf(DischargeExtension.Pf, cro), "CDC stops at BRO(AAh)");
            int count = rig.CountSent(DischargeExtension.Pf, 0);
            long span = rig.Bus.TimeMs(cro) - rig.Bus.TimeMs(cdc);
            Assert.IsTrue(count >= span / 250 && count <= span / 250 + 1, count + " CDCs over " + span + " ms");
        }

        [TestMethod]
        public void CdcCarriesTheChargersCapabilityInTheStandardsSign()
        {
            GbtRig rig = Rig(true, false);
            Assert.IsTrue(rig.ToCharging());

            // 100 A discharge = raw 5000 (0x1388), 40 kW = 400 (0x0190), 300 V = 3000 (0x0BB8).
            Assert.AreEqual("01018813" + "9001" + "B80B", GbtRig.HexOf(rig.Bus.Frame(rig.IndexOf(DischargeExtension.Pf, 0))));
        }

        [TestMethod]
        public void ABdcAgreementSetsTheSmallerDischargeLimits()
        {
            GbtRig rig = Rig(true, true);
            Assert.IsTrue(rig.ToCharging());
            Assert.IsTrue(rig.Session.Discharge.IsAgreed);
            Expect.Near(80, rig.Port.LastLimits.MaxDischargeCurrentA, 0.05, "min(CDC 100, BDC 80) A");
            Expect.Near(30000, rig.Port.LastLimits.MaxDischargePowerW, 1, "min(CDC 40, BDC 30) kW");
            Expect.Near(320, rig.Session.Discharge.MinDischargeVoltageV, 0.05, "floor max(CDC 300, BDC 320) V");
            Expect.Near(200, rig.Port.LastLimits.MaxChargeCurrentA, 0.05, "charging limits as usual");
            Assert.IsTrue(rig.Logged("BDC", MessageDirection.Received));
            Assert.IsTrue(rig.Logged("discharge_agreed", MessageDirection.Event));

            // CDC ends once BDC is in.
            long bdcMs = -1;
            for (int i = 0; i < rig.Log.Count; i++)
            {
                if (rig.Log.Get(i).Message == "BDC")
                {
                    bdcMs = rig.Log.Get(i).TimeMs;
                }
            }

            Assert.IsTrue(rig.LastSentMs(DischargeExtension.Pf) <= bdcMs, "no CDC after BDC");
        }

        [TestMethod]
        public void DischargeStopsAtTheVoltageFloorAndComesBackAboveItsHysteresis()
        {
            GbtRig rig = Rig(true, true);
            Assert.IsTrue(rig.ToCharging());
            rig.Port.Present.VoltageV = 319;
            rig.Step();
            Assert.AreEqual(0.0, rig.Port.LastLimits.MaxDischargeCurrentA, "at the floor");
            Assert.AreEqual(0.0, rig.Port.LastLimits.MaxDischargePowerW);
            Assert.IsTrue(rig.Logged("discharge_floor_reached", MessageDirection.Event));

            rig.Port.Present.VoltageV = 323;
            rig.Step();
            Assert.AreEqual(0.0, rig.Port.LastLimits.MaxDischargeCurrentA, "inside the hysteresis");
            rig.Port.Present.VoltageV = 326;
            rig.Step();
            Expect.Near(80, rig.Port.LastLimits.MaxDischargeCurrentA, 0.05, "back above floor + 5 V");
        }

        [TestMethod]
        public void ABatteryBelowTheDischargeFloorStillCharges()
        {
            GbtRig rig = Rig(true, true);
            rig.Bms.BatteryVoltageV = 310;
            Assert.IsTrue(rig.ToCharging());
            Assert.AreEqual(0.0, rig.Port.LastLimits.MinVoltageV, "the floor is not a charging limit");
            Expect.Near(310, rig.Port.LastPreChargeV, 0.05, "pre-charge to the battery");
        }

        [TestMethod]
        public void WithoutBdcTheSessionIsChargeOnlyWithoutErrorOrTimeout()
        {
            GbtRig rig = Rig(true, false);
            Assert.IsTrue(rig.ToCharging());
            Assert.IsFalse(rig.Session.Discharge.IsAgreed);
            Assert.AreEqual(0.0, rig.Port.LastLimits.MaxDischargeCurrentA);
            Assert.AreEqual(0.0, rig.Port.LastLimits.MaxDischargePowerW);
            Assert.IsNull(rig.Session.LastFailure);
            Assert.AreEqual(0, rig.Session.TimeoutCount);
            Assert.IsTrue(rig.Logged("charge_only", MessageDirection.Event));
        }

        [TestMethod]
        public void ABdcOfAnotherVersionIsNoAgreement()
        {
            GbtRig rig = Rig(true, true);
            rig.Bms.BdcVersion = 2;
            Assert.IsTrue(rig.ToCharging());
            Assert.IsFalse(rig.Session.Discharge.IsAgreed);
            Assert.AreEqual(0.0, rig.Port.LastLimits.MaxDischargeCurrentA);
        }

        [TestMethod]
        public void ABdcWithZeroCurrentIsNoAgreement()
        {
            GbtRig rig = Rig(true, true);
            rig.Bms.BdcCurrentA = 0;
            Assert.IsTrue(rig.ToCharging());
            Assert.IsFalse(rig.Session.Discharge.IsAgreed);
        }

        [TestMethod]
        public void APositiveBclDemandWithoutAgreementIsZeroAmpsAndLogged()
        {
            GbtRig rig = Rig(false, false);
            rig.Bms.BclDemandA = 50;
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(200);
            Expect.Near(0, rig.Port.LastStatus.RequestedCurrentA, 0.001, "discharge demand without agreement");
            Assert.IsTrue(rig.Port.LastStatus.HasCurrentRequest);
            Assert.IsTrue(rig.LoggedFailure("discharge_demand_without_agreement"));
        }

        [TestMethod]
        public void APositiveBclDemandWithAgreementCapsTheDischargeDirection()
        {
            GbtRig rig = Rig(true, true);
            rig.Bms.BclDemandA = 50;
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(200);

            // + 50 A in the standard's sign (discharge accepted up to 50 A) = −50 A in the firmware's.
            Expect.Near(-50, rig.Port.LastStatus.RequestedCurrentA, 0.05, "firmware sign");
        }

        [TestMethod]
        public void CcsReportsADischargeCurrentAsPositive()
        {
            GbtRig rig = Rig(true, true);
            Assert.IsTrue(rig.ToCharging());
            rig.Port.ForcedCurrentA = -40;
            rig.Advance(200);
            Expect.Near(40, rig.Bms.LastCcs.OutputCurrentA, 0.05, "CCS: + = discharge");
        }
    }
}
