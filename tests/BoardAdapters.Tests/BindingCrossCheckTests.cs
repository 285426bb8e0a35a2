using System;
using Iot.Device.Adc;
using Iot.Device.Mcp25xxx;
using Iot.Device.Mcp25xxx.Models;
using Iot.Device.Mcp25xxx.Register;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Hal.Buses;
using V2G.Sim.Plant.Adc;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Can;

namespace V2G.BoardAdapters.Tests
{
    /// <summary>
    /// Independent checks of our chip models: dotnet/iot's own device bindings (Iot.Device.Bindings 4.2.0, written
    /// from the data sheets by other people) drive the models through an SpiDevice. A disagreement is a finding about
    /// the model (or the binding), never a reason to bend the test. Iot.Device.Bindings 4.2.0 has no ADE9000 and no
    /// QCA7000 binding, so those models have no such check.
    /// </summary>
    [TestClass]
    public class BindingCrossCheckTests
    {
        // MCP2515 register addresses as the data sheet's register map gives them (CANSTAT 0x0E, CNF1 0x2A,
        // CANINTE 0x2B, TXB0CTRL 0x30), used only to peek into the model.
        private const int CanStatAddress = 0x0E;
        private const int Cnf1Address = 0x2A;
        private const int CanIntEAddress = 0x2B;

        // CANSTAT.OPMOD after reset: configuration mode (0b100 in bits 7..5).
        private const byte ConfigurationMode = 0x80;

        private static Mcp2515 Binding(Mcp2515Model chip)
        {
            // No reset, RTS, interrupt, RXnBF or CLKOUT pins wired: -1 each, SPI only.
            return new Mcp2515(new ModelSpiDevice(chip), -1, -1, -1, -1, -1, -1, -1, -1, null, false);
        }

        [TestMethod]
        public void TheMcp25xxxBindingsResetPutsTheModelInConfigurationMode()
        {
            var chip = new Mcp2515Model(new SimClock());
            using Mcp2515 binding = Binding(chip);

            binding.Reset();

            Assert.AreEqual(1, chip.ResetCount);
            Assert.AreEqual(ConfigurationMode, (byte)(binding.Read(Address.CanStat) & 0xE0));
            Assert.AreEqual(ConfigurationMode, (byte)(chip.PeekRegister(CanStatAddress) & 0xE0));
        }

        [TestMethod]
        public void TheMcp25xxxBindingsRegisterWriteIsReadBackByItAndSeenInTheModel()
        {
            var chip = new Mcp2515Model(new SimClock());
            using Mcp2515 binding = Binding(chip);
            binding.Reset();

            binding.WriteByte(Address.Cnf1, 0x03);

            Assert.AreEqual((byte)0x03, chip.PeekRegister(Cnf1Address));
            Assert.AreEqual((byte)0x03, binding.Read(Address.Cnf1));
        }

        [TestMethod]
        public void TheMcp25xxxBindingsBitModifyChangesOnlyTheMaskedBits()
        {
            var chip = new Mcp2515Model(new SimClock());
            using Mcp2515 binding = Binding(chip);
            binding.Reset();
            binding.WriteByte(Address.CanIntE, 0b1010_0101);

            binding.BitModify(Address.CanIntE, 0b0000_1111, 0b0000_1010);

            Assert.AreEqual((byte)0b1010_1010, chip.PeekRegister(CanIntEAddress));
            Assert.AreEqual((byte)0b1010_1010, binding.Read(Address.CanIntE));
        }

        [TestMethod]
        public void AFrameLoadedAndSentByTheMcp25xxxBindingLeavesTheModel()
        {
            var chip = new Mcp2515Model(new SimClock());
            using Mcp2515 binding = Binding(chip);
            binding.Reset();
            binding.SetMode(Iot.Device.Mcp25xxx.Tests.Register.CanControl.OperationMode.NormalOperation);
            for (int i = 0; i < 10 && chip.Mode != 0; i++)
            {
                binding.Read(Address.CanStat);
            }

            Assert.AreEqual(0, chip.Mode, "normal mode (OPMOD 000) reached");

            // The binding writes a standard id's two bytes as they go into TXBnSIDH and SIDL (EID8, EID0 zero): standard id
            // 0x123 is SIDH = 0x123 >> 3 = 0x24 and SIDL = (0x123 & 7) << 5 = 0x60 (the data sheet's layout).
            // SendMessage itself waits for the bus to take the frame; the model's bus side is this test, so the
            // binding's non-waiting half is used and the test plays the bus.
            var message = SendingCanMessage.CreateStandard(new byte[] { 0x24, 0x60 }, new byte[] { 0xDE, 0xAD, 0xBE });
            TransmitBuffer buffer = binding.GetEmptyTxBuffer();
            Assert.AreEqual(TransmitBuffer.Tx0, buffer);
            binding.SendMessageFromBuffer(buffer, message);
            Assert.IsFalse(binding.IsMessageSend(buffer), "pending until the bus takes it");

            Assert.IsTrue(chip.TryTakeTransmitted(out CanFrame sent), "the model sent what the binding requested");
            Assert.IsFalse(sent.IsExtended);
            Assert.AreEqual(3, sent.Length);
            Assert.AreEqual(0xBEADDEUL, sent.Data);
            Assert.AreEqual(0x123u, sent.Id);
            Assert.IsTrue(binding.IsMessageSend(buffer), "TXB0 request cleared and TX0IF set once sent");
        }

        [TestMethod]
        public void TheMcp3208BindingReadsEachChannelOfTheModel()
        {
            var chip = new Mcp3208Model(4.096);
            using var binding = new Mcp3208(new ModelSpiDevice(chip));
            for (int channel = 0; channel < 8; channel++)
            {
                chip.SetChannelVolts(channel, 0.5 * channel + 0.25);
            }

            for (int channel = 0; channel < 8; channel++)
            {
                // 4096 codes per 4.096 V reference: 1 mV per code.
                int expected = (int)((0.5 * channel + 0.25) * 1000);
                Assert.AreEqual(expected, binding.Read(channel), "channel " + channel);
                Assert.AreEqual(channel, chip.LastChannel);
                Assert.IsTrue(chip.LastWasSingleEnded);
            }
        }

        [TestMethod]
        public void TheMcp3208BindingReadsFullScaleAsTheTopCode()
        {
            var chip = new Mcp3208Model(2.5);
            using var binding = new Mcp3208(new ModelSpiDevice(chip));
            chip.SetChannelVolts(7, 2.6);

            Assert.AreEqual(4095, binding.Read(7));
        }
    }
}
