#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Can;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>The chip model on its own, driven by raw instructions.</summary>
    [TestClass]
    public class Mcp2515ModelTests
    {
        private static readonly byte[] Mosi = new byte[16];
        private static readonly byte[] Miso = new byte[16];
        private static int _edges;

        private static void Send(Mcp2515Model chip, params byte[] bytes)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                Mosi[i] = bytes[i];
            }

            chip.Transfer(Mosi, Miso, bytes.Length);
        }

        private static Mcp2515Model NormalChip()
        {
            Mcp2515Model chip = new Mcp2515Model(new SimClock());
            Send(chip, 0xC0);
            Send(chip, 0x02, 0x2B, 0xFF);          // CANINTE: everything
            Send(chip, 0x02, 0x60, 0x64);          // RXB0CTRL: any message, BUKT
            Send(chip, 0x02, 0x70, 0x60);          // RXB1CTRL: any message
            Send(chip, 0x02, 0x0F, 0x00);          // normal mode
            return chip;
        }

        [TestMethod]
        public void AfterResetTheChipIsInConfigurationModeWithCanctrl87()
        {
            Mcp2515Model chip = new Mcp2515Model(new SimClock());
            Send(chip, 0x03, 0x0E, 0x00, 0x00);
            Assert.AreEqual((byte)0x80, Miso[2], "CANSTAT");
            Assert.AreEqual((byte)0x87, Miso[3], "CANCTRL");
        }

        [TestMethod]
        public void CnfWritesAreIgnoredOutsideConfigurationMode()
        {
            Mcp2515Model chip = NormalChip();
            Send(chip, 0x02, 0x2A, 0x09);
            Assert.AreEqual((byte)0, chip.PeekRegister(0x2A));
            Assert.AreEqual(1, chip.IgnoredConfigurationWrites);
            Send(chip, 0x02, 0x0F, 0x80);
            Send(chip, 0x02, 0x2A, 0x09);
            Assert.AreEqual((byte)0x09, chip.PeekRegister(0x2A));
        }

        [TestMethod]
        public void ReadStatusReportsReceiveFlagsAndTransmitRequests()
        {
            Mcp2515Model chip = NormalChip();
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            chip.DeliverFromBus(ref frame);
            Send(chip, 0x40, 0xC1, 0x2A, 0xF4, 0x56, 0x00);
            Send(chip, 0x81);
            Send(chip, 0xA0, 0x00, 0x00);
            Assert.AreEqual((byte)0x05, Miso[1], "RX0IF and TXB0 TXREQ");
            Assert.AreEqual(Miso[1], Miso[2], "repeated while CS stays low");

            CanFrame sent;
            Assert.IsTrue(chip.TryTakeTransmitted(out sent));
            Assert.AreEqual(Mcp2515Rig.ChmId, sent.Id);
            Send(chip, 0xA0, 0x00);
            Assert.AreEqual((byte)0x09, Miso[1], "RX0IF and TX0IF");
        }

        [TestMethod]
        public void RxStatusReportsBufferTypeAndRolledOverFilter()
        {
            Mcp2515Model chip = NormalChip();
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            chip.DeliverFromBus(ref frame);
            Send(chip, 0xB0, 0x00);
            Assert.AreEqual((byte)0x50, Miso[1], "RXB0, extended data frame, RXF0");

            chip.DeliverFromBus(ref frame);
            Send(chip, 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            Send(chip, 0xB0, 0x00);
            Assert.AreEqual((byte)0x96, Miso[1], "RXB1, extended data frame, RXF0 rolled over");
        }

        [TestMethod]
        public void TheHighestTxpGoesFirstAndEqualTxpTheHighestBuffer()
        {
            Mcp2515Model chip = NormalChip();
            Send(chip, 0x40, 0x00, 0x08, 0x00, 0x00, 0x00);   // TXB0, id 0
            Send(chip, 0x42, 0x00, 0x08, 0x00, 0x01, 0x00);   // TXB1, id 1
            Send(chip, 0x44, 0x00, 0x08, 0x00, 0x02, 0x00);   // TXB2, id 2
            Send(chip, 0x05, 0x30, 0x03, 0x03);               // TXB0: TXP 3
            Send(chip, 0x87);                                  // RTS all
            CanFrame sent;
            chip.TryTakeTransmitted(out sent);
            Assert.AreEqual(0u, sent.Id, "TXP 3 first");
            chip.TryTakeTransmitted(out sent);
            Assert.AreEqual(2u, sent.Id, "then equal TXP: TXB2 before TXB1");
            chip.TryTakeTransmitted(out sent);
            Assert.AreEqual(1u, sent.Id);
        }

        [TestMethod]
        public void TheIntLineFollowsTheEnabledFlagsWithOneEdge()
        {
            Mcp2515Model chip = NormalChip();
            _edges = 0;
            chip.Asserted += OnEdge;
            Send(chip, 0x02, 0x2B, 0x01);                     // only RX0IE
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            chip.DeliverFromBus(ref frame);
            chip.DeliverFromBus(ref frame);
            Assert.IsTrue(chip.IsAsserted);
            Assert.AreEqual(1, _edges);

            Send(chip, 0x90, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
            Assert.IsFalse(chip.IsAsserted, "RX1IF is not enabled");
            chip.Asserted -= OnEdge;
        }

        [TestMethod]
        public void ACorruptedMisoByteIsSeenOnceOnly()
        {
            Mcp2515Model chip = new Mcp2515Model(new SimClock());
            chip.CorruptNextRead(0x0E, 0x20);
            Send(chip, 0x03, 0x0E, 0x00);
            Assert.AreEqual((byte)0xA0, Miso[2]);
            Send(chip, 0x03, 0x0E, 0x00);
            Assert.AreEqual((byte)0x80, Miso[2]);
        }

        [TestMethod]
        public void OnlyTheOverflowBitsOfEflgAreWritable()
        {
            Mcp2515Model chip = NormalChip();
            chip.InjectTransmitErrors(16);
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            chip.DeliverFromBus(ref frame);
            chip.DeliverFromBus(ref frame);
            chip.DeliverFromBus(ref frame);
            Assert.AreEqual((byte)0x95, chip.PeekRegister(0x2D), "RX1OVR, TXEP, TXWAR, EWARN");
            Send(chip, 0x02, 0x2D, 0x00);
            Assert.AreEqual((byte)0x15, chip.PeekRegister(0x2D));
        }

        private static void OnEdge(long timestampMs)
        {
            _edges++;
        }
    }
}
