#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Storage;

namespace V2G.UnitTests.Storage
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void CheckValueOfTheStandardTestStringIsCbf43926()
        {
            byte[] text = new byte[] { (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9' };

            Assert.AreEqual(0xCBF43926u, Crc32.Compute(text, 0, text.Length));
        }

        [TestMethod]
        public void CrcFedInPiecesEqualsCrcOfTheWhole()
        {
            byte[] data = StoreTestData.Value(3, 7, 40);

            uint pieces = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Seed, data, 0, 13), data, 13, 27));

            Assert.AreEqual(Crc32.Compute(data, 0, data.Length), pieces);
        }

        [TestMethod]
        public void CrcOfNothingIsZero()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        }
    }
}
