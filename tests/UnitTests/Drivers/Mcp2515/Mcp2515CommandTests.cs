#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>The SPI instructions byte for byte [MCP], as built and as the driver puts them on the wire.</summary>
    [TestClass]
    public class Mcp2515CommandTests
    {
        private static readonly byte[] Buffer = new byte[Mcp2515Command.MaxTransferBytes];

        private static void AssertBytes(byte[] expected, int length)
        {
            Assert.AreEqual(expected.Length, length, "transfer length");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], Buffer[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void ResetIsTheSingleByteC0()
        {
            AssertBytes(new byte[] { 0xC0 }, Mcp2515Command.PutReset(Buffer));
        }

        [TestMethod]
        public void ReadSendsInstructionAddressThenOneDummyBytePerRegister()
        {
            Buffer[2] = 0x55;
            AssertBytes(new byte[] { 0x03, 0x0E, 0x00 }, Mcp2515Command.PutRead(Buffer, Mcp2515Register.CanStat, 1));
            AssertBytes(new byte[] { 0x03, 0x2C, 0x00, 0x00 }, Mcp2515Command.PutRead(Buffer, Mcp2515Register.CanIntF, 2));
        }

        [TestMethod]
        public void WriteSendsInstructionAddressAndValues()
        {
            AssertBytes(new byte[] { 0x02, 0x2A, 0x01 }, Mcp2515Command.PutWrite(Buffer, Mcp2515Register.Cnf1, 0x01));
            byte[] values = new byte[] { 0x01, 0xB5, 0x00, 0xBF };
            AssertBytes(new byte[] { 0x02, 0x28, 0x01, 0xB5, 0x00, 0xBF }, Mcp2515Command.PutWrite(Buffer, Mcp2515Register.Cnf3, values, 4));
        }

        [TestMethod]
        public void BitModifySendsInstructionAddressMaskAndData()
        {
            AssertBytes(new byte[] { 0x05, 0x2C, 0x1C, 0x00 }, Mcp2515Command.PutBitModify(Buffer, Mcp2515Register.CanIntF, Mcp2515Interrupt.AnyTransmit, 0));
            AssertBytes(new byte[] { 0x05, 0x40, 0x03, 0x02 }, Mcp2515Command.PutBitModify(Buffer, Mcp2515Register.TxCtrl(1), Mcp2515Bits.TxPriorityMask, 2));
        }

        [TestMethod]
        public void LoadTxBufferStartsAtSidhOfEachBufferAndCarriesOnlyTheFramesBytes()
        {
            // GB/T CHM: 1826F456, 3 bytes, version 1.1 as 01 01 00 [digest §3, S2].
            CanFrame chm = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, 0x000101);
            AssertBytes(new byte[] { 0x40, 0xC1, 0x2A, 0xF4, 0x56, 0x03, 0x01, 0x01, 0x00 }, Mcp2515Command.PutLoadTxBuffer(Buffer, 0, ref chm));
            Assert.AreEqual((byte)0x42, Mcp2515Command.LoadTxBuffer(1));
            Assert.AreEqual((byte)0x44, Mcp2515Command.LoadTxBuffer(2));
        }

        [TestMethod]
        public void RequestToSendSetsOneBufferBit()
        {
            AssertBytes(new byte[] { 0x81 }, Mcp2515Command.PutRequestToSend(Buffer, 0));
            AssertBytes(new byte[] { 0x82 }, Mcp2515Command.PutRequestToSend(Buffer, 1));
            AssertBytes(new byte[] { 0x84 }, Mcp2515Command.PutRequestToSend(Buffer, 2));
        }

        [TestMethod]
        public void ReadRxBufferClocksThirteenBytesFromSidh()
        {
            int length = Mcp2515Command.PutReadRxBuffer(Buffer, 0);
            Assert.AreEqual(14, length);
            Assert.AreEqual((byte)0x90, Buffer[0]);
            for (int i = 1; i < length; i++)
            {
                Assert.AreEqual((byte)0, Buffer[i]);
            }

            Mcp2515Command.PutReadRxBuffer(Buffer, 1);
            Assert.AreEqual((byte)0x94, Buffer[0]);
        }

        [TestMethod]
        public void ReadStatusAndRxStatusAreTwoByteTransfers()
        {
            AssertBytes(new byte[] { 0xA0, 0x00 }, Mcp2515Command.PutReadStatus(Buffer));
            AssertBytes(new byte[] { 0xB0, 0x00 }, Mcp2515Command.PutRxStatus(Buffer));
        }

        [TestMethod]
        public void DriverOpensWithResetThenReadsCanstat()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            Assert.IsTrue(rig.Start());
            Assert.IsTrue(rig.Sent(0, new byte[] { 0xC0 }), "RESET first");
            Assert.IsTrue(rig.Sent(1, new byte[] { 0x03, 0x0E, 0x00 }), "then CANSTAT");
        }

        [TestMethod]
        public void DriverSendsAFrameWithLoadTxBitModifyAndRts()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            Assert.IsTrue(rig.Start());
            rig.Step(1);
            rig.Spi.Clear();
            CanFrame chm = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, 0x000101);
            Assert.IsTrue(rig.Driver.TrySend(ref chm));
            rig.Step(1);

            int load = rig.IndexOf(0x40, -1, 0);
            Assert.IsTrue(rig.Sent(load, new byte[] { 0x40, 0xC1, 0x2A, 0xF4, 0x56, 0x03, 0x01, 0x01, 0x00 }), "LOAD TX BUFFER 0");
            Assert.IsTrue(rig.Sent(load + 1, new byte[] { 0x05, 0x30, 0x03, 0x03 }), "TXP 3 by BIT MODIFY");
            Assert.IsTrue(rig.Sent(load + 2, new byte[] { 0x81 }), "RTS TXB0");
        }

        [TestMethod]
        public void DriverReadsReceivedFramesWithReadRxBuffer()
        {
            Mcp2515Rig rig = new Mcp2515Rig();
            Assert.IsTrue(rig.Start());
            rig.Step(1);
            rig.Spi.Clear();
            CanFrame bhm = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            Assert.IsTrue(rig.Chip.DeliverFromBus(ref bhm));
            rig.Step(1);

            Assert.IsTrue(rig.Sent(0, new byte[] { 0x03, 0x2C, 0x00, 0x00 }), "CANINTF and EFLG first");
            int read = rig.IndexOf(0x90, -1, 0);
            Assert.IsTrue(read > 0);
            byte[] miso = rig.Spi.Miso(read);
            Assert.AreEqual((byte)0xC1, miso[1]);
            Assert.AreEqual((byte)0x2B, miso[2]);
            Assert.AreEqual((byte)0x56, miso[3]);
            Assert.AreEqual((byte)0xF4, miso[4]);
            Assert.AreEqual((byte)2, miso[5]);
            Assert.AreEqual((byte)0x70, miso[6]);
            Assert.AreEqual((byte)0x17, miso[7]);
        }
    }
}
