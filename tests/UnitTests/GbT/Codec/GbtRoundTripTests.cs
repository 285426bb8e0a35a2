#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;
using V2G.UnitTests.Slac;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.GbT.Codec
{
    /// <summary>Every message: Write then Read gives the same fields, and Write of the read message the same bytes.</summary>
    [TestClass]
    public class GbtRoundTripTests
    {
        private static readonly byte[] A = new byte[600];
        private static readonly byte[] B = new byte[600];

        private static void SameBytes(int lengthA, int lengthB, string what)
        {
            Assert.AreEqual(lengthA, lengthB, what + " length");
            Assert.AreEqual(Hex.Of(A, 0, lengthA), Hex.Of(B, 0, lengthB), what + " bytes");
        }

        [TestMethod]
        public void HandshakeAndRecognitionMessagesRoundTrip()
        {
            ChmMessage chm = new ChmMessage();
            chm.VersionMinor = 2;
            ChmMessage chm2 = new ChmMessage();
            Assert.IsTrue(chm2.Read(A, chm.Write(A)));
            Assert.AreEqual(2, chm2.VersionMinor);
            SameBytes(chm.Write(A), chm2.Write(B), "CHM");

            BhmMessage bhm = new BhmMessage();
            bhm.MaxChargeVoltageV = 603.0;
            BhmMessage bhm2 = new BhmMessage();
            Assert.IsTrue(bhm2.Read(A, bhm.Write(A)));
            Expect.Near(603.0, bhm2.MaxChargeVoltageV, 1e-6, "BHM");
            SameBytes(bhm.Write(A), bhm2.Write(B), "BHM");

            CrmMessage crm = new CrmMessage();
            crm.Recognition = CrmMessage.Recognised;
            crm.ChargerNumber = 0x12345678;
            crm.RegionCode[0] = (byte)'B';
            CrmMessage crm2 = new CrmMessage();
            Assert.IsTrue(crm2.Read(A, crm.Write(A)));
            Assert.AreEqual(0x12345678u, crm2.ChargerNumber);
            Assert.AreEqual((int)'B', (int)crm2.RegionCode[0]);
            SameBytes(crm.Write(A), crm2.Write(B), "CRM");

            BrmMessage brm = new BrmMessage();
            brm.BatteryType = BrmMessage.BatteryLfp;
            brm.RatedCapacityAh = 152.0;
            brm.RatedVoltageV = 512.3;
            brm.ProductionYear = 2023;
            brm.ChargeCycles = 70000;
            brm.Vin[0] = (byte)'L';
            brm.SoftwareVersion[7] = 0x01;
            BrmMessage brm2 = new BrmMessage();
            Assert.IsTrue(brm2.Read(A, brm.Write(A)));
            Assert.AreEqual(BrmMessage.BatteryLfp, brm2.BatteryType);
            Expect.Near(512.3, brm2.RatedVoltageV, 1e-6, "BRM V");
            Assert.AreEqual(2023, brm2.ProductionYear);
            Assert.AreEqual(70000, brm2.ChargeCycles);
            SameBytes(brm.Write(A), brm2.Write(B), "BRM");
        }

        [TestMethod]
        public void ParameterMessagesRoundTrip()
        {
            BcpMessage bcp = new BcpMessage();
            bcp.MaxCellVoltageV = 4.2;
            bcp.MaxChargeCurrentA = -200;
            bcp.NominalEnergyKWh = 53.3;
            bcp.MaxTotalVoltageV = 403.2;
            bcp.MaxTemperatureC = 55;
            bcp.SocPercent = 79.6;
            bcp.PresentVoltageV = 392.0;
            BcpMessage bcp2 = new BcpMessage();
            Assert.IsTrue(bcp2.Read(A, bcp.Write(A)));
            Expect.Near(-200, bcp2.MaxChargeCurrentA, 1e-6, "BCP I");
            Expect.Near(79.6, bcp2.SocPercent, 1e-6, "BCP SOC");
            Assert.AreEqual(55, bcp2.MaxTemperatureC);
            SameBytes(bcp.Write(A), bcp2.Write(B), "BCP");

            CtsMessage cts = new CtsMessage();
            cts.Year = 2099;
            cts.Second = 59;
            CtsMessage cts2 = new CtsMessage();
            Assert.IsTrue(cts2.Read(A, cts.Write(A)));
            Assert.AreEqual(2099, cts2.Year);
            SameBytes(cts.Write(A), cts2.Write(B), "CTS");

            CmlMessage cml = new CmlMessage();
            cml.MaxOutputVoltageV = 1000;
            cml.MinOutputVoltageV = 150;
            cml.MaxOutputCurrentA = -400;
            cml.MinOutputCurrentA = -1;
            CmlMessage cml2 = new CmlMessage();
            Assert.IsTrue(cml2.Read(A, cml.Write(A)));
            Expect.Near(-400, cml2.MaxOutputCurrentA, 1e-6, "CML Imax");
            SameBytes(cml.Write(A), cml2.Write(B), "CML");

            BroMessage bro = new BroMessage();
            bro.Status = BroMessage.Ready;
            BroMessage bro2 = new BroMessage();
            Assert.IsTrue(bro2.Read(A, bro.Write(A)));
            Assert.IsTrue(bro2.IsReady);

            CroMessage cro = new CroMessage();
            cro.Status = CroMessage.Invalid;
            CroMessage cro2 = new CroMessage();
            Assert.IsTrue(cro2.Read(A, cro.Write(A)));
            Assert.AreEqual(CroMessage.Invalid, cro2.Status);
        }

        [TestMethod]
        public void ChargingMessagesRoundTrip()
        {
            BclMessage bcl = new BclMessage();
            bcl.VoltageDemandV = 403.2;
            bcl.CurrentDemandA = -150;
            bcl.Mode = BclMessage.ModeConstantVoltage;
            BclMessage bcl2 = new BclMessage();
            Assert.IsTrue(bcl2.Read(A, bcl.Write(A)));
            Expect.Near(-150, bcl2.CurrentDemandA, 1e-6, "BCL I");
            Assert.AreEqual(BclMessage.ModeConstantVoltage, bcl2.Mode);
            Assert.AreEqual("c00fc40901", Hex.Of(A, 0, 5));

            BcsMessage bcs = new BcsMessage();
            bcs.MeasuredVoltageV = 392.1;
            bcs.MeasuredCurrentA = -149.9;
            bcs.HighestCellVoltageV = 4.09;
            bcs.HighestCellGroup = 15;
            bcs.SocPercent = 80;
            bcs.RemainingTimeMin = 9999;
            BcsMessage bcs2 = new BcsMessage();
            Assert.IsTrue(bcs2.Read(A, bcs.Write(A)));
            Assert.AreEqual(15, bcs2.HighestCellGroup);
            Assert.AreEqual(600, bcs2.RemainingTimeMin, "capped at 600");
            Expect.Near(-149.9, bcs2.MeasuredCurrentA, 1e-6, "BCS I");
            SameBytes(bcs.Write(A), bcs2.Write(B), "BCS");

            CcsMessage ccs = new CcsMessage();
            ccs.OutputVoltageV = 400;
            ccs.OutputCurrentA = 20;
            ccs.CumulativeTimeMin = 61;
            ccs.ChargingPermitted = CcsMessage.Paused;
            CcsMessage ccs2 = new CcsMessage();
            Assert.IsTrue(ccs2.Read(A, ccs.Write(A)));
            Expect.Near(20, ccs2.OutputCurrentA, 1e-6, "CCS + = discharge");
            Assert.AreEqual(CcsMessage.Paused, ccs2.ChargingPermitted);
            SameBytes(ccs.Write(A), ccs2.Write(B), "CCS");

            BsmMessage bsm = new BsmMessage();
            bsm.HighestCellNumber = 67;
            bsm.HighestTemperatureC = 30;
            bsm.HighestTemperatureProbe = 5;
            bsm.LowestTemperatureC = -20;
            bsm.LowestTemperatureProbe = 12;
            bsm.SocState = BsmMessage.StateLow;
            bsm.ChargingAllowed = BsmMessage.Forbidden;
            BsmMessage bsm2 = new BsmMessage();
            Assert.IsTrue(bsm2.Read(A, bsm.Write(A)));
            Assert.AreEqual(67, bsm2.HighestCellNumber);
            Assert.AreEqual(-20, bsm2.LowestTemperatureC);
            Assert.AreEqual(BsmMessage.StateLow, bsm2.SocState);
            Assert.IsTrue(bsm2.AnyAbnormal);
            SameBytes(bsm.Write(A), bsm2.Write(B), "BSM");
        }

        [TestMethod]
        public void VariableLengthMessagesRoundTrip()
        {
            BmvMessage bmv = new BmvMessage();
            bmv.CellCount = 96;
            for (int i = 0; i < 96; i++)
            {
                bmv.CellVoltageV[i] = 3.0 + i * 0.01;
                bmv.CellGroup[i] = (byte)(i % 16);
            }

            BmvMessage bmv2 = new BmvMessage();
            int n = bmv.Write(A);
            Assert.AreEqual(192, n);
            Assert.IsTrue(bmv2.Read(A, n));
            Assert.AreEqual(96, bmv2.CellCount);
            Expect.Near(3.95, bmv2.CellVoltageV[95], 1e-6, "cell 96");
            SameBytes(n, bmv2.Write(B), "BMV");
            Assert.IsFalse(bmv2.Read(A, 513));

            BmtMessage bmt = new BmtMessage();
            bmt.ProbeCount = 16;
            for (int i = 0; i < 16; i++)
            {
                bmt.TemperatureC[i] = 20 + i;
            }

            BmtMessage bmt2 = new BmtMessage();
            Assert.IsTrue(bmt2.Read(A, bmt.Write(A)));
            Assert.AreEqual(35, bmt2.TemperatureC[15]);
            SameBytes(bmt.Write(A), bmt2.Write(B), "BMT");

            BspMessage bsp = new BspMessage();
            bsp.Length = 16;
            bsp.Data[3] = 0x42;
            BspMessage bsp2 = new BspMessage();
            Assert.IsTrue(bsp2.Read(A, bsp.Write(A)));
            Assert.AreEqual(0x42, (int)bsp2.Data[3]);
            Assert.IsFalse(bsp2.Read(A, 17));
        }

        [TestMethod]
        public void StopAndStatisticsMessagesRoundTrip()
        {
            BstMessage bst = new BstMessage();
            bst.Set(BstMessage.InsulationFault, TwoBit.Yes);
            bst.Set(BstMessage.VoltageAbnormal, TwoBit.NotCredible);
            BstMessage bst2 = new BstMessage();
            Assert.IsTrue(bst2.Read(A, bst.Write(A)));
            Assert.AreEqual(TwoBit.Yes, bst2.Get(BstMessage.InsulationFault));
            Assert.AreEqual(TwoBit.NotCredible, bst2.Get(BstMessage.VoltageAbnormal));
            SameBytes(bst.Write(A), bst2.Write(B), "BST");

            CstMessage cst = new CstMessage();
            cst.Set(CstMessage.EmergencyStop, TwoBit.Yes);
            cst.Set(CstMessage.PrechargeFault, TwoBit.Normal);
            CstMessage cst2 = new CstMessage();
            Assert.IsTrue(cst2.Read(A, cst.Write(A)));
            Assert.AreEqual(TwoBit.Yes, cst2.Get(CstMessage.EmergencyStop));
            Assert.AreEqual(TwoBit.Normal, cst2.Get(CstMessage.PrechargeFault));
            Assert.AreEqual(TwoBit.Fill, cst2.Get(CstMessage.SelfCheckFault));
            SameBytes(cst.Write(A), cst2.Write(B), "CST");

            BsdMessage bsd = new BsdMessage();
            bsd.EndSocPercent = 80;
            bsd.MinCellVoltageV = 4.05;
            bsd.MaxCellVoltageV = 4.09;
            bsd.MinTemperatureC = 27;
            bsd.MaxTemperatureC = 30;
            BsdMessage bsd2 = new BsdMessage();
            Assert.IsTrue(bsd2.Read(A, bsd.Write(A)));
            Assert.AreEqual("50950199014d50", Hex.Of(A, 0, 7), "the hand-made trace's BSD");
            SameBytes(bsd.Write(A), bsd2.Write(B), "BSD");

            CsdMessage csd = new CsdMessage();
            csd.ChargeTimeMin = 300;
            csd.EnergyKWh = 123.4;
            csd.ChargerNumber = 7;
            CsdMessage csd2 = new CsdMessage();
            Assert.IsTrue(csd2.Read(A, csd.Write(A)));
            Expect.Near(123.4, csd2.EnergyKWh, 1e-6, "CSD energy");
            SameBytes(csd.Write(A), csd2.Write(B), "CSD");

            BemMessage bem = new BemMessage();
            bem.Set(BemMessage.CroTimeout, TwoBit.Yes);
            BemMessage bem2 = new BemMessage();
            Assert.IsTrue(bem2.Read(A, bem.Write(A)));
            Assert.AreEqual(TwoBit.Yes, bem2.Get(BemMessage.CroTimeout));
            SameBytes(bem.Write(A), bem2.Write(B), "BEM");

            CemMessage cem = new CemMessage();
            cem.Set(CemMessage.BsdTimeout, TwoBit.Yes);
            CemMessage cem2 = new CemMessage();
            Assert.IsTrue(cem2.Read(A, cem.Write(A)));
            Assert.AreEqual(TwoBit.Yes, cem2.Get(CemMessage.BsdTimeout));
            SameBytes(cem.Write(A), cem2.Write(B), "CEM");
        }
    }
}
