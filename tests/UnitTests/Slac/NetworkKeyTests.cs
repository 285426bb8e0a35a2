#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;

namespace V2G.UnitTests.Slac
{
    /// <summary>NMK and NID derivation against the digest's test vectors (§2.7).</summary>
    [TestClass]
    public class NetworkKeyTests
    {
        [TestMethod]
        public void ThePasswordEVerestGivesTheNmkOfEVerestsUnitTest()
        {
            Assert.AreEqual("f70f4e022bb1081bcba1a09df6e08f6b", NmkOf("EVerest"));
        }

        [TestMethod]
        public void EVerestsNmkGivesItsNid()
        {
            Assert.AreEqual("b1c913b5aa0702", NidOf("34522354 45aef2d4 55feff31 a3b303ad"));
        }

        [TestMethod]
        public void ThePasswordHomePlugAV0123GivesTheNmkAndNidOfEvseIni()
        {
            string nmk = NmkOf("HomePlugAV0123");

            Assert.AreEqual("b59319d7e8157ba001b018669ccee30d", nmk);
            Assert.AreEqual("026bcba5354e08", NidOf(nmk));
        }

        [TestMethod]
        public void TheNmkOfPevIniGivesTheNidOfTheTpLinkAdaptor()
        {
            Assert.AreEqual("b0f2e695666b03", NidOf("50D3E4933F855B7040784DF815AA8DB7"));
        }

        [TestMethod]
        public void TheNmkOneToSixteenGivesTheComputedNid()
        {
            Assert.AreEqual("893db683c80001", NidOf("0102030405060708090a0b0c0d0e0f10"));
        }

        [TestMethod]
        public void TheNidsTopTwoBitsAreTheSecurityLevelZero()
        {
            byte[] nmk = new byte[16];
            byte[] nid = new byte[7];
            for (int seed = 0; seed < 50; seed++)
            {
                for (int i = 0; i < 16; i++)
                {
                    nmk[i] = (byte)(seed * 31 + i * 7);
                }

                NetworkKey.DeriveNid(nmk, nid);
                Assert.AreEqual(0, nid[6] & 0xF0);
            }
        }

        [TestMethod]
        public void TheAllocationFreeDerivationGivesTheSameNid()
        {
            byte[] nid = new byte[7];
            NetworkKey.DeriveNid(new Sha256(), new byte[32], Hex.Parse("50D3E4933F855B7040784DF815AA8DB7"), nid);

            Assert.AreEqual("b0f2e695666b03", Hex.Of(nid));
        }

        [TestMethod]
        public void ANewNmkComesFromTheEntropySourceAndIsNeverAllZero()
        {
            byte[] nmk = new byte[16];
            NetworkKey.NewNmk(new SeededEntropy(7), nmk);
            Assert.IsFalse(MmeHeader.IsAllZero(nmk, 0, 16));

            byte[] other = new byte[16];
            NetworkKey.NewNmk(new SeededEntropy(8), other);
            Assert.IsFalse(MmeHeader.BytesEqual(nmk, 0, other, 0, 16));

            SeededEntropy zeros = new SeededEntropy(1);
            zeros.ZeroDraws = 2;
            NetworkKey.NewNmk(zeros, nmk);
            Assert.IsFalse(MmeHeader.IsAllZero(nmk, 0, 16));
        }

        private static string NmkOf(string password)
        {
            byte[] nmk = new byte[16];
            NetworkKey.NmkFromPassword(password, nmk);
            return Hex.Of(nmk);
        }

        private static string NidOf(string nmkHex)
        {
            byte[] nid = new byte[7];
            NetworkKey.DeriveNid(Hex.Parse(nmkHex), nid);
            return Hex.Of(nid);
        }
    }
}
