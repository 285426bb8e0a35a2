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
    /// <summary>Field layouts against the digest's examples (§4) and the charger frames of the hand-made trace, byte for byte.</summary>
    [TestClass]
    public class GbtCodecTests
    {
        private static readonly byte[] Buffer = new byte[64];

        private static string Written(int length)
        {
            return Hex.Of(Buffer, 0, length);
        }

        [TestMethod]
        public void TheR1BcsExampleDecodesTo490VoltsZeroAmperes371Volts97Percent()
        {
            BcsMessage bcs = new BcsMessage();
            Assert.IsTrue(bcs.Read(Hex.Parse("25 13 A0 0F 73 11 61 00 00"), 9));
            Expect.Near(490.1, bcs.MeasuredVoltageV, 1e-6, "U");
            Expect.Near(0.0, bcs.MeasuredCurrentA, 1e-6, "I");
            Expect.Near(3.71, bcs.HighestCellVoltageV, 1e-6, "cell");
            Assert.AreEqual(1, bcs.HighestCellGroup);
            Assert.AreEqual(97, bcs.SocPercent);
            Assert.AreEqual(0, bcs.RemainingTimeMin);
            Assert.AreEqual("2513a00f7311610000", Written(bcs.Write(Buffer)));
        }

        [TestMethod]
        public void TheR1CtsIsSecondsFirstBcd()
        {
            CtsMessage cts = new CtsMessage();
            Assert.IsTrue(cts.Read(Hex.Parse("36 24 08 16 05 15 20"), 7));
            Assert.IsTrue(cts.IsValid);
            Assert.AreEqual(2015, cts.Year);
            Assert.AreEqual(5, cts.Month);
            Assert.AreEqual(16, cts.Day);
            Assert.AreEqual(8, cts.Hour);
            Assert.AreEqual(24, cts.Minute);
            Assert.AreEqual(36, cts.Second);
            Assert.AreEqual("36240816051520", Written(cts.Write(Buffer)));
        }

        [TestMethod]
        public void AnAllFfCtsIsAcceptedAsNoTime()
        {
            CtsMessage cts = new CtsMessage();
            Assert.IsTrue(cts.Read(Hex.Parse("FF FF FF FF FF FF FF"), 7));
            Assert.IsFalse(cts.IsValid);
            Assert.AreEqual("ffffffffffffff", Written(cts.WriteNotAvailable(Buffer)));
        }

        [TestMethod]
        public void TheR2CmlMaximumCurrentIsMinus120Amperes()
        {
            CmlMessage cml = new CmlMessage();
            Assert.IsTrue(cml.Read(Hex.Parse("58 1B D0 07 F0 0A 78 0F"), 8));
            Expect.Near(700.0, cml.MaxOutputVoltageV, 1e-6, "Umax");
            Expect.Near(200.0, cml.MinOutputVoltageV, 1e-6, "Umin");
            Expect.Near(-120.0, cml.MaxOutputCurrentA, 1e-6, "Imax");
            Expect.Near(-4.0, cml.MinOutputCurrentA, 1e-6, "Imin");
        }

        [TestMethod]
        public void TheR1BemReportsACcsTimeout()
        {
            BemMessage bem = new BemMessage();
            Assert.IsTrue(bem.Read(Hex.Parse("F0 F0 F1 FC"), 4));
            Assert.AreEqual(TwoBit.Yes, bem.Get(BemMessage.CcsTimeout));
            Assert.AreEqual(TwoBit.Normal, bem.Get(BemMessage.CstTimeout));
            Assert.AreEqual(TwoBit.Normal, bem.Get(BemMessage.CrmNotRecognisedTimeout));
            Assert.IsTrue(bem.AnyTimeout);
            Assert.AreEqual("f0f0f1fc", Written(bem.Write(Buffer)));
        }

        [TestMethod]
        public void AnAllNormalBemIsF0F0F0FC()
        {
            Assert.AreEqual("f0f0f0fc", Written(new BemMessage().AllNormal().Write(Buffer)));
        }

        [TestMethod]
        public void TheCemBclTimeoutIsFCF0C4FC()
        {
            CemMessage cem = new CemMessage();
            Assert.AreEqual("fcf0c0fc", Written(cem.AllNormal().Write(Buffer)));
            Assert.IsTrue(cem.Set(CemMessage.BclTimeout, TwoBit.Yes));
            Assert.AreEqual("fcf0c4fc", Written(cem.Write(Buffer)));

            CemMessage read = new CemMessage();
            Assert.IsTrue(read.Read(Hex.Parse("FC F0 C4 FC"), 4));
            Assert.AreEqual(TwoBit.Yes, read.Get(CemMessage.BclTimeout));
            Assert.AreEqual(TwoBit.Normal, read.Get(CemMessage.BcsTimeout));
        }

        [TestMethod]
        public void SettingAFillPositionIsRefusedAndStaysFill()
        {
            CemMessage cem = new CemMessage();
            Assert.IsFalse(cem.Set(1, TwoBit.Yes));
            Assert.AreEqual("fcf0c0fc", Written(cem.Write(Buffer)));
        }

        [TestMethod]
        public void NotCredibleIsReportedRaw()
        {
            BsmMessage bsm = new BsmMessage();
            Assert.IsTrue(bsm.Read(Hex.Parse("42 4B 01 4A 1B 00 E0"), 7));
            Assert.AreEqual(TwoBit.NotCredible, bsm.ChargingAllowed);

            CcsMessage ccs = new CcsMessage();
            Assert.IsTrue(ccs.Read(Hex.Parse("2A 00 A0 0F 00 00 FE"), 7));
            Assert.AreEqual(TwoBit.NotCredible, ccs.ChargingPermitted);
        }

        [TestMethod]
        public void TheHandmadeChargerFramesAreWrittenByteForByte()
        {
            ChmMessage chm = new ChmMessage();
            Assert.AreEqual("010100", Written(chm.Write(Buffer)));

            CrmMessage crm = new CrmMessage();
            crm.ChargerNumber = 1;
            Assert.AreEqual("0001000000ffffff", Written(crm.Write(Buffer)));
            crm.Recognition = CrmMessage.Recognised;
            Assert.AreEqual("aa01000000ffffff", Written(crm.Write(Buffer)));

            CtsMessage cts = new CtsMessage();
            cts.Year = 2025;
            cts.Month = 6;
            cts.Day = 1;
            cts.Hour = 12;
            cts.Minute = 34;
            cts.Second = 56;
            Assert.AreEqual("56341201062520", Written(cts.Write(Buffer)));

            CmlMessage cml = new CmlMessage();
            cml.MaxOutputVoltageV = 750;
            cml.MinOutputVoltageV = 200;
            cml.MaxOutputCurrentA = -250;
            cml.MinOutputCurrentA = 0;
            Assert.AreEqual("4c1dd007dc05a00f", Written(cml.Write(Buffer)));

            CroMessage cro = new CroMessage();
            Assert.AreEqual("00", Written(cro.Write(Buffer)));
            cro.Status = CroMessage.Ready;
            Assert.AreEqual("aa", Written(cro.Write(Buffer)));

            CcsMessage ccs = new CcsMessage();
            ccs.OutputVoltageV = 392.1;
            ccs.OutputCurrentA = -150;
            ccs.CumulativeTimeMin = 0;
            ccs.ChargingPermitted = CcsMessage.Permitted;
            Assert.AreEqual("510fc4090000fdff", Written(ccs.Write(Buffer)));

            CstMessage cst = new CstMessage();
            cst.Set(CstMessage.BmsStopped, TwoBit.Yes);
            Assert.AreEqual("4000f0f0", Written(cst.Write(Buffer)));

            CsdMessage csd = new CsdMessage();
            csd.ChargeTimeMin = 1;
            csd.EnergyKWh = 0.2;
            csd.ChargerNumber = 1;
            Assert.AreEqual("0100020001000000", Written(csd.Write(Buffer)));
        }

        [TestMethod]
        public void CcsLengthIsASettingAndBothLengthsAreRead()
        {
            CcsMessage ccs = new CcsMessage();
            ccs.OutputVoltageV = 452.0;
            ccs.OutputCurrentA = 0;
            ccs.Length = CcsMessage.Length2023;
            Assert.AreEqual(7, ccs.Write(Buffer));
            Assert.AreEqual("a811a00f0000fd", Written(7));

            CcsMessage read = new CcsMessage();
            Assert.IsTrue(read.Read(Hex.Parse("a8 11 a0 0f 00 00 fd"), 7));
            Assert.AreEqual(7, read.Length);
            Assert.IsTrue(read.Read(Hex.Parse("2A 00 A0 0F 00 00 FD FF"), 8));
            Assert.AreEqual(8, read.Length);
            Assert.IsFalse(read.Read(Hex.Parse("2A 00 A0 0F 00 00"), 6));
        }

        [TestMethod]
        public void BrmOf41And49BytesIsAcceptedAndVinKept()
        {
            byte[] brm49 = Hex.Parse("010100 06 DC05 E00D 44454D4F 01000000 27 05 14 2A0000 01 FF 4C44454D4F303030303030303030303031 FFFFFFFFFFFFFFFF");
            Assert.AreEqual(49, brm49.Length);
            BrmMessage brm = new BrmMessage();
            Assert.IsTrue(brm.Read(brm49, 49));
            Assert.AreEqual(49, brm.Length);
            Assert.AreEqual(BrmMessage.BatteryNcm, brm.BatteryType);
            Expect.Near(150.0, brm.RatedCapacityAh, 1e-6, "capacity");
            Expect.Near(355.2, brm.RatedVoltageV, 1e-6, "rated voltage");
            Assert.AreEqual(2024, brm.ProductionYear);
            Assert.AreEqual(5, brm.ProductionMonth);
            Assert.AreEqual(20, brm.ProductionDay);
            Assert.AreEqual(42, brm.ChargeCycles);
            Assert.AreEqual(1, brm.Ownership);
            Assert.IsTrue(brm.HasVin);
            Assert.AreEqual("4c44454d4f303030303030303030303031", Hex.Of(brm.Vin));
            Assert.AreEqual(Hex.Of(brm49), Written(brm.Write(Buffer)));

            Assert.IsTrue(brm.Read(brm49, 41));
            Assert.AreEqual(41, brm.Length);
            Assert.AreEqual("ffffffffffffffff", Hex.Of(brm.SoftwareVersion));
            Assert.AreEqual(41, brm.Write(Buffer));
            Assert.IsFalse(brm.Read(brm49, 7));
        }

        [TestMethod]
        public void Crm2011LayoutIsReadWithoutValidation()
        {
            CrmMessage crm = new CrmMessage();
            Assert.IsTrue(crm.Read(Hex.Parse("00 01 FF FF FF FF FF FF"), 8));
            Assert.IsFalse(crm.IsRecognised);
            Assert.AreEqual("01ffffffffffff", Hex.Of(crm.Identification));
            Assert.IsTrue(crm.Read(Hex.Parse("AA 01 FF FF FF FF FF FF"), 8));
            Assert.IsTrue(crm.IsRecognised);
        }

        [TestMethod]
        public void ABstWithReservedBitsSentAsZeroIsAccepted()
        {
            BstMessage bst = new BstMessage();
            Assert.IsTrue(bst.Read(Hex.Parse("40 00 00 00"), 4));
            Assert.AreEqual(TwoBit.Yes, bst.Get(BstMessage.ChargerStopped));
            Assert.AreEqual(TwoBit.Normal, bst.Get(BstMessage.ParameterMismatch));
            Assert.AreEqual("400000c0", Written(bst.Write(Buffer)), "Write fills the undefined pair; the 2023-A one is kept as read");
        }

        [TestMethod]
        public void TheHandmadeBstSocTargetIs010000F0()
        {
            BstMessage bst = new BstMessage();
            bst.Set(BstMessage.SocTargetReached, TwoBit.Yes);
            Assert.AreEqual("010000f0", Written(bst.Write(Buffer)));
        }

        [TestMethod]
        public void UnusedBitsAndBytesAreFilledWithOnes()
        {
            for (int i = 0; i < Buffer.Length; i++)
            {
                Buffer[i] = 0;
            }

            BsmMessage bsm = new BsmMessage();
            bsm.Write(Buffer);
            Assert.AreEqual(0xC0, Buffer[6] & 0xC0, "BSM b7.7 fill");
            new CcsMessage().Write(Buffer);
            Assert.AreEqual(0xFC, Buffer[6] & 0xFC, "CCS b7 bits 3-8 fill");
            Assert.AreEqual(0xFF, (int)Buffer[7], "CCS b8 fill");
            new BrmMessage().Write(Buffer);
            Assert.AreEqual(0xFF, (int)Buffer[23], "BRM b24 reserved");
            Assert.AreEqual("ffffffffffffffffffffffffffffffffff", Hex.Of(Buffer, 24, 17), "VIN not given");
            new CstMessage().Write(Buffer);
            Assert.AreEqual("0000f0f0", Written(4));
        }

        [TestMethod]
        public void TooShortPayloadsAreRefusedWithoutThrowing()
        {
            byte[] b = new byte[8];
            Assert.IsFalse(new ChmMessage().Read(b, 2));
            Assert.IsFalse(new BhmMessage().Read(b, 1));
            Assert.IsFalse(new BclMessage().Read(b, 4));
            Assert.IsFalse(new BsmMessage().Read(b, 6));
            Assert.IsFalse(new BcsMessage().Read(b, 7));
            Assert.IsFalse(new CemMessage().Read(b, 3));
            Assert.IsFalse(new BroMessage().Read(b, 0));
            Assert.IsFalse(new CmlMessage().Read(null, 8));
            Assert.IsFalse(new CsdMessage().Read(b, 9), "length beyond the array");
        }
    }
}
