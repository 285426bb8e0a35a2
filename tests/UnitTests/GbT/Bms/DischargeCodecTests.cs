#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT.Discharge;
using V2G.UnitTests.Slac;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.GbT.Bms
{
    /// <summary>The discharge extension's CDC/BDC frames, byte for byte against its wire spec.</summary>
    [TestClass]
    public class DischargeCodecTests
    {
        [TestMethod]
        public void TheExtensionUsesProprietaryAWithPriority6InBothDirections()
        {
            Assert.AreEqual((uint)0x18EFF456, DischargeExtension.CdcCanId);
            Assert.AreEqual((uint)0x18EF56F4, DischargeExtension.BdcCanId);
        }

        [TestMethod]
        public void ACdcOf100AmpsDischargeIsRaw5000()
        {
            CdcMessage cdc = new CdcMessage();
            cdc.MaxDischargeCurrentA = 100;
            cdc.MaxDischargePowerKw = 60;
            cdc.MinDischargeVoltageV = 300;
            byte[] payload = new byte[8];

            Assert.AreEqual(8, cdc.Write(payload));
            Assert.AreEqual("0101" + "8813" + "5802" + "b80b", Hex.Of(payload, 0, 8));
        }

        [TestMethod]
        public void ABdcOfZeroAmpsIsRaw4000AndReadsBackAsNoDischarge()
        {
            BdcMessage bdc = new BdcMessage();
            byte[] payload = new byte[8];
            bdc.Write(payload);
            Assert.AreEqual("0201" + "a00f" + "0000" + "0000", Hex.Of(payload, 0, 8));

            BdcMessage read = new BdcMessage();
            read.MaxDischargeCurrentA = 5;
            Assert.IsTrue(read.Read(payload, 8));
            Expect.Near(0, read.MaxDischargeCurrentA, 1e-9, "current");
            Assert.AreEqual(1, read.Version);
        }

        [TestMethod]
        public void ABdcRoundTripsItsFields()
        {
            BdcMessage bdc = new BdcMessage();
            bdc.MaxDischargeCurrentA = 125.5;
            bdc.MaxDischargePowerKw = 11.1;
            bdc.MinPackVoltageV = 320.4;
            byte[] payload = new byte[8];
            bdc.Write(payload);

            BdcMessage read = new BdcMessage();
            Assert.IsTrue(read.Read(payload, 8));
            Expect.Near(125.5, read.MaxDischargeCurrentA, 1e-6, "current");
            Expect.Near(11.1, read.MaxDischargePowerKw, 1e-6, "power");
            Expect.Near(320.4, read.MinPackVoltageV, 1e-6, "voltage");
        }

        [TestMethod]
        public void ReadRefusesTheOtherMessageAShortFrameAndNull()
        {
            byte[] payload = new byte[8];
            new CdcMessage().Write(payload);

            Assert.AreEqual(DischargeExtension.CdcId, DischargeExtension.IdOf(payload, 8));
            Assert.AreEqual(-1, DischargeExtension.IdOf(payload, 7));
            Assert.AreEqual(-1, DischargeExtension.IdOf(null, 8));
            Assert.IsFalse(new BdcMessage().Read(payload, 8));
            Assert.IsFalse(new CdcMessage().Read(payload, 7));
            Assert.IsTrue(new CdcMessage().Read(payload, 8));
        }

        [TestMethod]
        public void ReadKeepsAForeignVersionForTheAgreementToRefuse()
        {
            byte[] payload = Hex.Parse("02 02 88 13 58 02 b8 0b");
            BdcMessage bdc = new BdcMessage();

            Assert.IsTrue(bdc.Read(payload, 8));
            Assert.AreEqual(2, bdc.Version);
        }

        [TestMethod]
        public void TheSettingsAreOffByDefault()
        {
            Assert.IsFalse(new DischargeExtensionSettings().Enabled);
        }
    }
}
