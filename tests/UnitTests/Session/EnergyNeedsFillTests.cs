#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;
using V2G.Protocol.Iso15118.Generated.Iso20;
using V2G.Protocol.Iso15118.Secc;
using V2G.UnitTests.TestSupport;
using V2G.UnitTests.GbT.Charger;

namespace V2G.UnitTests.Session
{
    /// <summary>ISO 15118-20 and GB/T 27930 tell the controller the vehicle's energy needs (EvEnergyNeeds) where they carry them.</summary>
    [TestClass]
    public class EnergyNeedsFillTests
    {
        private static RationalNumberType Rational(short value, sbyte exponent)
        {
            RationalNumberType r = new RationalNumberType();
            r.Value = value;
            r.Exponent = exponent;
            return r;
        }

        [TestMethod]
        public void IsoScheduleExchangeDynamicFillsTheWindowDepartureAndEnergies()
        {
            V2G.UnitTests.Iso15118.Secc.FakeSessionPort port = new V2G.UnitTests.Iso15118.Secc.FakeSessionPort();
            SeccContext ctx = new SeccContext(new SeccSettings(), port, 64);
            ScheduleExchangeReqType req = new ScheduleExchangeReqType();
            Dynamic_SEReqControlModeType m = new Dynamic_SEReqControlModeType();
            m.DepartureTime = 7200;
            m.MinimumSOC = 20;
            m.HasMinimumSOC = true;
            m.TargetSOC = 85;
            m.HasTargetSOC = true;
            m.EVTargetEnergyRequest = Rational(2000, 1);
            m.EVMaximumEnergyRequest = Rational(3000, 1);
            m.EVMinimumEnergyRequest = Rational(-500, 1);
            m.EVMaximumV2XEnergyRequest = Rational(4000, 1);
            m.HasEVMaximumV2XEnergyRequest = true;
            m.HasEVMinimumV2XEnergyRequest = false;
            req.Dynamic_SEReqControlMode = m;
            req.HasDynamic_SEReqControlMode = true;

            SeccEnergyNeeds.FromScheduleExchange(req, ctx);

            Assert.AreEqual(1, port.UpdateEnergyNeedsCalls);
            V2G.Protocol.Session.EvEnergyNeeds n = port.LastEnergyNeeds;
            Assert.IsTrue(n.HasDeparture);
            Expect.Near(7200, n.DepartureInS, 1e-9, "n.DepartureInS");
            Expect.Near(20, n.MinimumSocPercent, 1e-9, "n.MinimumSocPercent");
            Expect.Near(85, n.TargetSocPercent, 1e-9, "n.TargetSocPercent");
            Expect.Near(20000, n.TargetEnergyRequestWh, 1e-6, "n.TargetEnergyRequestWh");
            Expect.Near(30000, n.MaximumEnergyRequestWh, 1e-6, "n.MaximumEnergyRequestWh");
            Expect.Near(-5000, n.MinimumEnergyRequestWh, 1e-6, "n.MinimumEnergyRequestWh");
            Expect.Near(40000, n.MaximumV2XEnergyRequestWh, 1e-6, "n.MaximumV2XEnergyRequestWh");
            Assert.IsTrue(double.IsNaN(n.MinimumV2XEnergyRequestWh));
        }

        [TestMethod]
        public void IsoChargeLoopDisplayParametersAndDynamicModeUpdateTheNeeds()
        {
            V2G.UnitTests.Iso15118.Secc.FakeSessionPort port = new V2G.UnitTests.Iso15118.Secc.FakeSessionPort();
            SeccContext ctx = new SeccContext(new SeccSettings(), port, 64);
            DC_ChargeLoopReqType req = new DC_ChargeLoopReqType();
            DisplayParametersType d = new DisplayParametersType();
            d.MinimumSOC = 25;
            d.HasMinimumSOC = true;
            d.TargetSOC = 90;
            d.HasTargetSOC = true;
            req.DisplayParameters = d;
            req.HasDisplayParameters = true;
            Dynamic_DC_CLReqControlModeType m = new Dynamic_DC_CLReqControlModeType();
            m.DepartureTime = 3600;
            m.HasDepartureTime = true;
            m.EVTargetEnergyRequest = Rational(1500, 1);
            m.EVMaximumEnergyRequest = Rational(2500, 1);
            m.EVMinimumEnergyRequest = Rational(0, 0);
            req.Dynamic_DC_CLReqControlMode = m;
            req.HasDynamic_DC_CLReqControlMode = true;

            SeccEnergyNeeds.FromChargeLoop(req, ctx);

            V2G.Protocol.Session.EvEnergyNeeds n = port.LastEnergyNeeds;
            Assert.AreEqual(1, port.UpdateEnergyNeedsCalls);
            Expect.Near(25, n.MinimumSocPercent, 1e-9, "n.MinimumSocPercent");
            Expect.Near(90, n.TargetSocPercent, 1e-9, "n.TargetSocPercent");
            Assert.IsTrue(n.HasDeparture);
            Expect.Near(3600, n.DepartureInS, 1e-9, "n.DepartureInS");
            Expect.Near(15000, n.TargetEnergyRequestWh, 1e-6, "n.TargetEnergyRequestWh");
            Expect.Near(25000, n.MaximumEnergyRequestWh, 1e-6, "n.MaximumEnergyRequestWh");
            Assert.IsTrue(double.IsNaN(n.MaximumV2XEnergyRequestWh), "plain DC carries no V2X energy");
        }

        [TestMethod]
        public void GbtBcpAndBcsGiveTheEnergyToAFullPackAndNothingElse()
        {
            GbtRig rig = GbtRig.Create();
            Assert.IsTrue(rig.ToCharging());
            rig.Advance(2000);
            Assert.IsTrue(rig.Port.UpdateEnergyNeedsCalls > 0);
            V2G.Protocol.Session.EvEnergyNeeds n = rig.Port.LastEnergyNeeds;

            // The script's BCP: 53.3 kWh at 79.6 % (BCS: 1 %/bit).
            Assert.IsTrue(n.MaximumEnergyRequestWh > 10000 && n.MaximumEnergyRequestWh < 11500, n.MaximumEnergyRequestWh.ToString());
            Assert.IsFalse(n.HasDeparture, "GB/T carries no departure");
            Assert.IsTrue(double.IsNaN(n.TargetSocPercent) && double.IsNaN(n.MinimumSocPercent));
            Assert.IsTrue(double.IsNaN(n.TargetEnergyRequestWh));
        }
    }
}
