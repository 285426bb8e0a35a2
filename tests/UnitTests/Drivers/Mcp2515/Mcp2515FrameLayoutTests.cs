#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>Identifiers in SIDH/SIDL/EID8/EID0 and frames in a buffer [MCP].</summary>
    [TestClass]
    public class Mcp2515FrameLayoutTests
    {
        private static readonly byte[] Buffer = new byte[Mcp2515FrameLayout.MaxBytes];

        [TestMethod]
        public void GbtChmIdentifierPacksIntoSidhSidlEid8Eid0()
        {
            // 0x1826F456: SID = 0x609, EID = 0x2F456; SIDL = SID2..0 (001) << 5 | EXIDE | EID17..16 (10).
            Mcp2515FrameLayout.PutId(0x1826F456, true, Buffer, 0);
            Assert.AreEqual((byte)0xC1, Buffer[0]);
            Assert.AreEqual((byte)0x2A, Buffer[1]);
            Assert.AreEqual((byte)0xF4, Buffer[2]);
            Assert.AreEqual((byte)0x56, Buffer[3]);
        }

        [TestMethod]
        public void PackedGbtIdentifiersUnpackToTheSameIds()
        {
            uint[] ids = new uint[] { 0x1826F456, 0x182756F4, 0x1801F456, 0x100956F4, 0x081E56F4, 0x1CEC56F4, 0x1FFFFFFF, 0 };
            for (int i = 0; i < ids.Length; i++)
            {
                Mcp2515FrameLayout.PutId(ids[i], true, Buffer, 0);
                bool extended;
                uint back = Mcp2515FrameLayout.GetId(Buffer, 0, out extended);
                Assert.AreEqual(ids[i], back);
                Assert.IsTrue(extended);
            }
        }

        [TestMethod]
        public void StandardIdentifierLeavesExideClear()
        {
            Mcp2515FrameLayout.PutId(0x7FF, false, Buffer, 0);
            Assert.AreEqual((byte)0xFF, Buffer[0]);
            Assert.AreEqual((byte)0xE0, Buffer[1]);
            bool extended;
            Assert.AreEqual(0x7FFu, Mcp2515FrameLayout.GetId(Buffer, 0, out extended));
            Assert.IsFalse(extended);
        }

        [TestMethod]
        public void DlcAboveEightDecodesAsEightBytes()
        {
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 8, 0x0807060504030201);
            Mcp2515FrameLayout.Encode(ref frame, Buffer, 0);
            Buffer[4] = 0x0F;
            CanFrame decoded;
            Assert.IsTrue(Mcp2515FrameLayout.Decode(Buffer, 0, out decoded));
            Assert.AreEqual(8, decoded.Length);
            Assert.AreEqual(0x0807060504030201UL, decoded.Data);
        }

        [TestMethod]
        public void RemoteFramesAreNotDecodedAsData()
        {
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 0, 0);
            Mcp2515FrameLayout.Encode(ref frame, Buffer, 0);
            Buffer[4] = Mcp2515Bits.DlcRemote;
            CanFrame decoded;
            Assert.IsFalse(Mcp2515FrameLayout.Decode(Buffer, 0, out decoded));
        }
    }
}
