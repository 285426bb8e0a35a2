#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Drivers.Mcp3208;
using V2G.Hal.Buses;
using V2G.Sim.Plant.Adc;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Drivers
{
    /// <summary>The MCP3208 driver against the chip model: frames on the wire, scaling, a dead bus.</summary>
    [TestClass]
    public class Mcp3208DriverTests
    {
        private const double ReferenceV = 4.096;
        private const double LsbV = ReferenceV / 4096;

        private static Mcp3208Driver Driver(ISpiTransfer spi, bool zeroCodeMeansDeadBus)
        {
            Mcp3208Settings settings = new Mcp3208Settings();
            settings.ReferenceVoltageV = ReferenceV;
            settings.ZeroCodeMeansDeadBus = zeroCodeMeansDeadBus;
            return new Mcp3208Driver(spi, settings);
        }

        [TestMethod]
        public void TheRequestIsStartSingleEndedAndTheChannelBitsWhereTheDataSheetPutsThem()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            RecordingSpi wire = new RecordingSpi(chip);
            Mcp3208Driver adc = Driver(wire, false);

            adc.ReadCode(0);
            adc.ReadCode(5);
            adc.ReadCode(3);
            adc.ReadCode(7);

            // 00000SMD2 D1D0xxxxxx xxxxxxxx
            Assert.AreEqual((byte)0x06, wire.Mosi(0)[0]);
            Assert.AreEqual((byte)0x00, wire.Mosi(0)[1]);
            Assert.AreEqual((byte)0x07, wire.Mosi(1)[0]);
            Assert.AreEqual((byte)0x40, wire.Mosi(1)[1]);
            Assert.AreEqual((byte)0x06, wire.Mosi(2)[0]);
            Assert.AreEqual((byte)0xC0, wire.Mosi(2)[1]);
            Assert.AreEqual((byte)0x07, wire.Mosi(3)[0]);
            Assert.AreEqual((byte)0xC0, wire.Mosi(3)[1]);
            Assert.AreEqual(3, wire.Mosi(3).Length);
        }

        [TestMethod]
        public void TheResultIsTheTwelveBitsAfterTheNullBit()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            RecordingSpi wire = new RecordingSpi(chip);
            Mcp3208Driver adc = Driver(wire, false);
            chip.SetChannelVolts(2, (0xABC + 0.5) * LsbV);

            Assert.AreEqual(0xABC, adc.ReadCode(2));

            // DOUT floats (high) until the null bit (byte 1, bit 4), then B11..B8, then B7..B0.
            Assert.AreEqual((byte)0xFF, wire.Miso(0)[0]);
            Assert.AreEqual((byte)0xEA, wire.Miso(0)[1]);
            Assert.AreEqual((byte)0xBC, wire.Miso(0)[2]);
        }

        [TestMethod]
        public void EveryChannelReadsItsOwnVoltage()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            Mcp3208Driver adc = Driver(chip, true);
            for (int channel = 0; channel < 8; channel++)
            {
                chip.SetChannelVolts(channel, 0.3 + 0.45 * channel);
            }

            for (int channel = 0; channel < 8; channel++)
            {
                Expect.Near(0.3 + 0.45 * channel, adc.Channel(channel).ReadVolts(), LsbV, "channel " + channel.ToString());
                Assert.AreEqual(channel, chip.LastChannel);
                Assert.IsTrue(chip.LastWasSingleEnded);
            }
        }

        [TestMethod]
        public void AnInputAtOrAboveTheReferenceReadsFullScale()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            Mcp3208Driver adc = Driver(chip, true);
            chip.SetChannelVolts(4, ReferenceV + 0.2);
            chip.SetChannelVolts(6, ReferenceV - 0.5 * LsbV);

            Assert.AreEqual(4095, adc.ReadCode(4));
            Assert.AreEqual(4095, adc.ReadCode(6));
            Expect.Near(4095 * LsbV, adc.ReadVolts(4), 1e-9, "full scale, V");
        }

        [TestMethod]
        public void AChannelReadsFreshOnEachCall()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            Mcp3208Driver adc = Driver(chip, true);
            IAnalogInput input = adc.Channel(1);
            chip.SetChannelVolts(1, 1.0);
            double first = input.ReadVolts();
            chip.SetChannelVolts(1, 2.0);

            Expect.Near(1.0, first, LsbV, "first read, V");
            Expect.Near(2.0, input.ReadVolts(), LsbV, "second read, V");
            Assert.AreEqual(2, chip.ConversionCount);
            Assert.IsTrue(object.ReferenceEquals(input, adc.Channel(1)), "one object per channel");
        }

        [TestMethod]
        public void AChipThatDoesNotAnswerIsReportedNotReadAsAVoltage()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            Mcp3208Driver adc = Driver(chip, true);
            chip.SetChannelVolts(0, 1.0);
            chip.NoAnswer = true;

            Assert.IsTrue(double.IsNaN(adc.ReadVolts(0)), "all ones is not full scale");
            Assert.IsFalse(adc.LastReadValid);
            Assert.AreEqual(1, adc.InvalidReadCount);

            chip.NoAnswer = false;
            Expect.Near(1.0, adc.ReadVolts(0), LsbV, "recovered, V");
            Assert.IsTrue(adc.LastReadValid);
            Assert.AreEqual(1, adc.InvalidReadCount);
        }

        [TestMethod]
        public void AMisoHeldLowIsReportedWhileCodeZeroMeansADeadBus()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            Mcp3208Driver adc = Driver(chip, true);
            chip.SetChannelVolts(0, 1.0);
            chip.MisoStuckLow = true;

            Assert.IsTrue(double.IsNaN(adc.ReadVolts(0)));
            Assert.IsFalse(adc.LastReadValid);
            Assert.AreEqual(1, adc.InvalidReadCount);
        }

        [TestMethod]
        public void ZeroVoltsReadsAsZeroWhereTheBoardAllowsCodeZero()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            Mcp3208Driver adc = Driver(chip, false);

            Assert.AreEqual(0.0, adc.ReadVolts(3));
            Assert.IsTrue(adc.LastReadValid);
        }

        [TestMethod]
        public void AStuckChannelReadsItsStuckCode()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            Mcp3208Driver adc = Driver(chip, true);
            chip.SetChannelVolts(5, 3.0);
            chip.SetChannelVolts(6, 3.0);
            chip.StuckChannel = 5;
            chip.StuckCode = 100;

            Assert.AreEqual(100, adc.ReadCode(5));
            Expect.Near(3.0, adc.ReadVolts(6), LsbV, "the other channels convert, V");
        }

        [TestMethod]
        public void AMissingReferenceVoltageIsRefused()
        {
            try
            {
                new Mcp3208Driver(new Mcp3208Model(ReferenceV), new Mcp3208Settings());
                Assert.Fail("constructed without a reference voltage");
            }
            catch (ArgumentException)
            {
            }
        }

        [TestMethod]
        public void AChannelOutsideZeroToSevenIsRefused()
        {
            Mcp3208Driver adc = Driver(new Mcp3208Model(ReferenceV), true);
            try
            {
                adc.Channel(8);
                Assert.Fail("channel 8 accepted");
            }
            catch (ArgumentOutOfRangeException)
            {
            }
        }

        [TestMethod]
        public void ReadsAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            Mcp3208Driver adc = Driver(chip, true);
            IAnalogInput input = adc.Channel(2);
            for (int channel = 0; channel < 8; channel++)
            {
                chip.SetChannelVolts(channel, 1.5);
            }

            input.ReadVolts();

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            double sum = 0;
            for (int i = 0; i < 1000; i++)
            {
                sum += input.ReadVolts();
                sum += adc.ReadVolts(i & 7);
            }

            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(sum > 0);
#endif
        }
    }
}
