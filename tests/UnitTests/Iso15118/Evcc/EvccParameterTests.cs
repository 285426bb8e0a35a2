#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;

namespace V2G.UnitTests.Iso15118.Evcc
{
    [TestClass]
    public class EvccParameterTests
    {
        private static void AssertRational(int exponent, int value, RationalNumberType actual, string what)
        {
            Assert.AreEqual(exponent, (int)actual.Exponent, what + " exponent");
            Assert.AreEqual(value, (int)actual.Value, what + " value");
        }

        private static BPT_DC_CPDReqEnergyTransferModeType RunToParameterDiscovery(bool negative)
        {
            EvccSettings settings = new EvccSettings();
            settings.SendDischargeLimitsNegative = negative;
            EvccRig rig = new EvccRig(settings).Start();
            for (int i = 0; i < 1000 && rig.Charger.IndexOf("DC_ChargeParameterDiscoveryReq") < 0; i++)
            {
                rig.Tick();
            }

            DC_ChargeParameterDiscoveryReqType req = rig.Charger.Dc.DC_ChargeParameterDiscoveryReq;
            Assert.IsNotNull(req, "the charger decoded a DC_ChargeParameterDiscoveryReq");
            Assert.IsTrue(req.HasBPT_DC_CPDReqEnergyTransferMode, "BPT variant");
            Assert.IsFalse(req.HasDC_CPDReqEnergyTransferMode, "not the DC variant");
            return req.BPT_DC_CPDReqEnergyTransferMode;
        }

        [TestMethod]
        public void ParameterDiscoveryCarriesThePlantsLimitsAsRationalNumbers()
        {
            // FakeEvPlant: 450/320 V, 30 A / 11 kW charge, 25 A / 9 kW discharge; target SoC 80 %.
            BPT_DC_CPDReqEnergyTransferModeType m = RunToParameterDiscovery(false);
            AssertRational(0, 11000, m.EVMaximumChargePower, "EVMaximumChargePower");
            AssertRational(0, 0, m.EVMinimumChargePower, "EVMinimumChargePower");
            AssertRational(-1, 300, m.EVMaximumChargeCurrent, "EVMaximumChargeCurrent");
            AssertRational(-1, 4500, m.EVMaximumVoltage, "EVMaximumVoltage");
            AssertRational(-1, 3200, m.EVMinimumVoltage, "EVMinimumVoltage");
            AssertRational(0, 9000, m.EVMaximumDischargePower, "EVMaximumDischargePower");
            AssertRational(-1, 250, m.EVMaximumDischargeCurrent, "EVMaximumDischargeCurrent");
            Assert.IsTrue(m.HasTargetSOC);
            Assert.AreEqual(80, (int)m.TargetSOC);
        }

        [TestMethod]
        public void DischargeLimitsAreSentNegativeWhenConfigured()
        {
            BPT_DC_CPDReqEnergyTransferModeType m = RunToParameterDiscovery(true);
            AssertRational(0, -9000, m.EVMaximumDischargePower, "EVMaximumDischargePower");
            AssertRational(-1, -250, m.EVMaximumDischargeCurrent, "EVMaximumDischargeCurrent");
            AssertRational(-1, 300, m.EVMaximumChargeCurrent, "charge limits stay positive");
        }

        [TestMethod]
        public void ABigBatteryGetsACoarserExponentInsteadOfOverflowing()
        {
            EvccSettings settings = new EvccSettings();
            EvccRig rig = new EvccRig(settings);
            rig.Plant.MaxChargePowerW = 150000;
            rig.Start();
            for (int i = 0; i < 1000 && rig.Charger.IndexOf("DC_ChargeParameterDiscoveryReq") < 0; i++)
            {
                rig.Tick();
            }

            AssertRational(1, 15000, rig.Charger.Dc.DC_ChargeParameterDiscoveryReq.BPT_DC_CPDReqEnergyTransferMode.EVMaximumChargePower, "150 kW");
        }

        [TestMethod]
        public void APlainDcVehicleAsksForServiceTwoAndSendsTheDcVariant()
        {
            EvccSettings settings = new EvccSettings();
            settings.UseBidirectional = false;
            EvccRig rig = new EvccRig(settings).Start();
            rig.RunToLoop(2, 2000);
            Assert.AreEqual(2, (int)rig.Charger.Common.ServiceDetailReq.ServiceID);
            Assert.IsTrue(rig.Charger.Dc.DC_ChargeParameterDiscoveryReq.HasDC_CPDReqEnergyTransferMode);
            Assert.IsTrue(rig.Charger.Dc.DC_ChargeLoopReq.HasDynamic_DC_CLReqControlMode, "DC Dynamic loop variant");
        }

        [TestMethod]
        public void ScheduledModeSendsTheTargetCurrentOfTheRequestedPowerNegativeForDischarge()
        {
            EvccSettings settings = new EvccSettings();
            settings.UseDynamicMode = false;
            EvccRig rig = new EvccRig(settings);
            rig.Plant.BatteryVoltageV = 400;
            rig.Start();
            rig.Session.RequestedPowerW = -6000;
            rig.RunToLoop(3, 2000);

            Assert.IsFalse(rig.Session.IsDynamicMode);
            Assert.AreEqual(2, (int)rig.Session.SelectedParameterSetId, "the Scheduled parameter set");
            Assert.AreEqual(7L, (long)rig.Charger.Common.PowerDeliveryReq.EVPowerProfile.Scheduled_EVPPTControlMode.SelectedScheduleTupleID, "the charger's schedule tuple");
            DC_ChargeLoopReqType loop = rig.Charger.Dc.DC_ChargeLoopReq;
            Assert.IsTrue(loop.HasBPT_Scheduled_DC_CLReqControlMode, "BPT Scheduled loop variant");
            AssertRational(-1, -150, loop.BPT_Scheduled_DC_CLReqControlMode.EVTargetCurrent, "−6 kW at 400 V");

            // Beyond the battery's discharge limit the request is cut to it (25 A).
            rig.Session.RequestedPowerW = -20000;
            rig.RunToLoop(rig.Charger.LoopRequests + 2, 2000);
            AssertRational(-1, -250, rig.Charger.Dc.DC_ChargeLoopReq.BPT_Scheduled_DC_CLReqControlMode.EVTargetCurrent, "cut to 25 A");
        }
    }
}
