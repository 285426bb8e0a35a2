#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;

namespace V2G.UnitTests.GbT.Codec
{
    /// <summary>IDs, PF table and byte helpers against the digest's §2-§3 tables and the captures' IDs.</summary>
    [TestClass]
    public class GbtIdentifierTests
    {
        [TestMethod]
        public void MakeGivesTheCapturedIdentifiers()
        {
            Assert.AreEqual(0x1826F456u, GbtCanId.Make(6, GbtPf.Chm, GbtAddress.Bms, GbtAddress.Charger));
            Assert.AreEqual(0x182756F4u, GbtCanId.Make(GbtPf.Bhm, GbtAddress.Charger, GbtAddress.Bms));
            Assert.AreEqual(0x100956F4u, GbtCanId.Make(GbtPf.Bro, GbtAddress.Charger, GbtAddress.Bms));
            Assert.AreEqual(0x081E56F4u, GbtCanId.Make(GbtPf.Bem, GbtAddress.Charger, GbtAddress.Bms));
            Assert.AreEqual(0x081FF456u, GbtCanId.Make(GbtPf.Cem, GbtAddress.Bms, GbtAddress.Charger));
            Assert.AreEqual(0x1CEC56F4u, GbtCanId.Make(GbtPf.TpCm, GbtAddress.Charger, GbtAddress.Bms));
            Assert.AreEqual(0x1CEBF456u, GbtCanId.Make(GbtPf.TpDt, GbtAddress.Bms, GbtAddress.Charger));
            Assert.AreEqual(0x101AF456u, GbtCanId.Make(GbtPf.Cst, GbtAddress.Bms, GbtAddress.Charger));
        }

        [TestMethod]
        public void TheFieldsOfAnIdentifierComeBackOut()
        {
            uint id = 0x1812F456;
            Assert.AreEqual(6, GbtCanId.PriorityOf(id));
            Assert.AreEqual(GbtPf.Ccs, GbtCanId.PfOf(id));
            Assert.AreEqual(GbtAddress.Bms, GbtCanId.DestinationOf(id));
            Assert.AreEqual(GbtAddress.Charger, GbtCanId.SourceOf(id));
            Assert.IsTrue(GbtCanId.IsPdu1(id));
            Assert.IsFalse(GbtCanId.IsPdu1(id | 0x01000000), "data page 1 is not GB/T");
            Assert.IsFalse(GbtCanId.IsPdu1(0x18F00456), "PF 0xF0 is PDU2");
        }

        [TestMethod]
        public void ThePfTableMatchesTheDigest()
        {
            int[] pfs = { GbtPf.Chm, GbtPf.Bhm, GbtPf.Crm, GbtPf.Brm, GbtPf.Bcp, GbtPf.Cts, GbtPf.Cml, GbtPf.Bro, GbtPf.Cro, GbtPf.Bcl, GbtPf.Bcs, GbtPf.Ccs, GbtPf.Bsm, GbtPf.Bmv, GbtPf.Bmt, GbtPf.Bsp, GbtPf.Bst, GbtPf.Cst, GbtPf.Bsd, GbtPf.Csd, GbtPf.Bem, GbtPf.Cem };
            string[] names = { "CHM", "BHM", "CRM", "BRM", "BCP", "CTS", "CML", "BRO", "CRO", "BCL", "BCS", "CCS", "BSM", "BMV", "BMT", "BSP", "BST", "CST", "BSD", "CSD", "BEM", "CEM" };
            int[] priorities = { 6, 6, 6, 7, 7, 6, 6, 4, 4, 6, 7, 6, 6, 7, 7, 7, 4, 4, 6, 6, 2, 2 };
            int[] lengths = { 3, 2, 8, 49, 13, 7, 8, 1, 1, 5, 9, 8, 7, -1, -1, -1, 4, 4, 7, 8, 4, 4 };
            int[] periods = { 250, 250, 250, 250, 500, 500, 250, 250, 250, 50, 250, 50, 250, 10000, 10000, 10000, 10, 10, 250, 250, 250, 250 };
            for (int i = 0; i < pfs.Length; i++)
            {
                Assert.AreEqual(names[i], GbtPf.NameOf(pfs[i]));
                Assert.AreEqual(priorities[i], GbtPf.PriorityOf(pfs[i]), names[i] + " priority");
                Assert.AreEqual(lengths[i], GbtPf.DefinedLength(pfs[i]), names[i] + " length");
                Assert.AreEqual(periods[i], GbtPf.PeriodMs(pfs[i]), names[i] + " period");
                Assert.AreEqual(names[i] == "BRM" || names[i] == "BCP" || names[i] == "BCS" || names[i] == "BMV" || names[i] == "BMT" || names[i] == "BSP", GbtPf.IsMultiPacket(pfs[i]), names[i] + " TP");
            }

            Assert.AreEqual("?", GbtPf.NameOf(0x55));
            Assert.AreEqual(0, GbtPf.DefinedLength(0x55));
            Assert.AreEqual("TP.CM", GbtPf.NameOf(GbtPf.TpCm));
        }

        [TestMethod]
        public void LittleEndianHelpersPutTheLowByteFirst()
        {
            byte[] b = new byte[8];
            GbtBytes.WriteUInt16(b, 0, 0x1325);
            GbtBytes.WriteUInt24(b, 2, 0x0A0B0C);
            Assert.AreEqual(0x25, (int)b[0]);
            Assert.AreEqual(0x13, (int)b[1]);
            Assert.AreEqual(0x0C, (int)b[2]);
            Assert.AreEqual(0x0A0B0C, GbtBytes.ReadUInt24(b, 2));
            GbtBytes.WriteUInt32(b, 4, 0xDEADBEEF);
            Assert.AreEqual(0xDEADBEEFu, GbtBytes.ReadUInt32(b, 4));
            Assert.AreEqual(0xEF, (int)b[4]);
        }

        [TestMethod]
        public void TwoBitAccessorsTouchOnlyTheirPair()
        {
            byte[] b = { 0xFF };
            GbtBytes.Set2Bits(b, 0, 1, TwoBit.Yes);
            Assert.AreEqual(0xF7, (int)b[0]);
            Assert.AreEqual(TwoBit.Yes, GbtBytes.Get2Bits(b, 0, 1));
            Assert.AreEqual(TwoBit.Fill, GbtBytes.Get2Bits(b, 0, 0));
            GbtBytes.Set2Bits(b, 0, 3, TwoBit.Normal);
            Assert.AreEqual(0x37, (int)b[0]);
        }

        [TestMethod]
        public void CurrentsUseTheMinus400AmpereOffsetAndTheStandardsSign()
        {
            Assert.AreEqual(2500, GbtBytes.CurrentToRaw(-150.0));
            Assert.AreEqual(4000, GbtBytes.CurrentToRaw(0.0));
            Assert.AreEqual(0x0AF0, GbtBytes.CurrentToRaw(-120.0));
            Assert.AreEqual(0, GbtBytes.CurrentToRaw(-500.0), "out of range clamps, never wraps");
            V2G.UnitTests.TestSupport.Expect.Near(-4.0, GbtBytes.CurrentFromRaw(0x0F78), 1e-9, "R2 78 0F");
            V2G.UnitTests.TestSupport.Expect.Near(25.0, GbtBytes.CurrentFromRaw(4250), 1e-9, "+ = discharge");
        }

        [TestMethod]
        public void BcdHelpersPackTwoDigits()
        {
            Assert.AreEqual(0x56, (int)GbtBytes.ToBcd(56));
            Assert.AreEqual(20, GbtBytes.FromBcd(0x20));
            Assert.IsTrue(GbtBytes.IsBcd(0x99));
            Assert.IsFalse(GbtBytes.IsBcd(0xFF));
            Assert.IsFalse(GbtBytes.IsBcd(0x1A));
        }
    }
}
