#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;
using V2G.Protocol.Telemetry;
using V2G.UnitTests.Slac;

namespace V2G.UnitTests.Diagnostics
{
    /// <summary>HMAC-SHA256 against the test vectors of RFC 4231 §4.</summary>
    [TestClass]
    public class HmacSha256Tests
    {
        [TestMethod]
        public void TestCase1ShortKeyHiThere()
        {
            Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", Mac(Repeat(0x0b, 20), Utf8.Encode("Hi There")));
        }

        [TestMethod]
        public void TestCase2KeyShorterThanTheOutput()
        {
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Mac(Utf8.Encode("Jefe"), Utf8.Encode("what do ya want for nothing?")));
        }

        [TestMethod]
        public void TestCase3CombinedKeyAndDataOf50Bytes()
        {
            Assert.AreEqual("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe", Mac(Repeat(0xaa, 20), Repeat(0xdd, 50)));
        }

        [TestMethod]
        public void TestCase4KeyOf25CountingBytes()
        {
            Assert.AreEqual("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b", Mac(Hex.Parse("0102030405060708090a0b0c0d0e0f10111213141516171819"), Repeat(0xcd, 50)));
        }

        [TestMethod]
        public void TestCase5TruncatedTo128Bits()
        {
            Assert.AreEqual("a3b6167473100ee06e0c796c2955552b", Mac(Repeat(0x0c, 20), Utf8.Encode("Test With Truncation")).Substring(0, 32));
        }

        [TestMethod]
        public void TestCase6KeyLongerThanABlockIsHashedFirst()
        {
            Assert.AreEqual("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54", Mac(Repeat(0xaa, 131), Utf8.Encode("Test Using Larger Than Block-Size Key - Hash Key First")));
        }

        [TestMethod]
        public void TestCase7KeyAndDataLongerThanABlock()
        {
            Assert.AreEqual(
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
                Mac(Repeat(0xaa, 131), Utf8.Encode("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")));
        }

        [TestMethod]
        public void OneInstanceGivesTheSameMacTwiceAndAfterALongerMessage()
        {
            HmacSha256 hmac = new HmacSha256();
            byte[] mac = new byte[32];
            byte[] key = Utf8.Encode("Jefe");
            byte[] data = Utf8.Encode("what do ya want for nothing?");
            hmac.Compute(key, Repeat(0x11, 300), 0, 300, mac);
            hmac.Compute(key, data, 0, data.Length, mac);
            Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Hex.Of(mac));
        }

        private static string Mac(byte[] key, byte[] data)
        {
            byte[] mac = new byte[HmacSha256.MacLength];
            new HmacSha256().Compute(key, data, 0, data.Length, mac);
            return Hex.Of(mac);
        }

        private static byte[] Repeat(int value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)value;
            }

            return bytes;
        }
    }
}
