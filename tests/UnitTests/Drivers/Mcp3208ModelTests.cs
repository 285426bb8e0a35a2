#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Sim.Plant.Adc;
using V2G.Sim.Plant.Board.Pins;

namespace V2G.UnitTests.Drivers
{
    /// <summary>The MCP3208 model's frame decoding, independent of our driver.</summary>
    [TestClass]
    public class Mcp3208ModelTests
    {
        private const double ReferenceV = 2.5;

        private static int Code(byte[] response)
        {
            return ((response[1] & 0x0F) << 8) | response[2];
        }

        [TestMethod]
        public void ACodeIsFourThousandNinetySixTimesVinOverVref()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            chip.SetChannelVolts(0, 1.25);
            byte[] response = new byte[3];

            chip.Transfer(new byte[] { 0x06, 0x00, 0x00 }, response, 3);

            Assert.AreEqual(2048, Code(response));
            Assert.AreEqual(0, response[1] & 0x10, "null bit");
        }

        [TestMethod]
        public void AStartBitOneClockLaterShiftsTheAnswerByOneClock()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            chip.SetChannelVolts(1, 0.625);
            byte[] response = new byte[4];

            // Start at clock 6 instead of 5: 000000S M | D2D1D0xxxxx ...
            chip.Transfer(new byte[] { 0x03, 0x20, 0x00, 0x00 }, response, 4);

            int word = (response[1] << 16) | (response[2] << 8) | response[3];
            Assert.AreEqual(1024, (word >> 7) & 0xFFF);
            Assert.AreEqual(0, (word >> 19) & 1, "null bit one clock later");
            Assert.AreEqual(1, chip.LastChannel);
        }

        [TestMethod]
        public void ADifferentialPairConvertsInPlusMinusInMinus()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            chip.SetChannelVolts(2, 1.5);
            chip.SetChannelVolts(3, 0.25);
            byte[] response = new byte[3];

            // SGL/DIFF = 0, D2..D0 = 010: CH2 = IN+, CH3 = IN−.
            chip.Transfer(new byte[] { 0x04, 0x80, 0x00 }, response, 3);
            Assert.AreEqual(2048, Code(response));
            Assert.IsFalse(chip.LastWasSingleEnded);

            // D0 = 1 swaps them: a negative difference reads 0.
            chip.Transfer(new byte[] { 0x04, 0xC0, 0x00 }, response, 3);
            Assert.AreEqual(0, Code(response));
        }

        [TestMethod]
        public void AnAttachedSourceIsReadAtEachConversion()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            SimAnalogInput pin = new SimAnalogInput(0.5);
            chip.AttachSource(7, pin);
            byte[] response = new byte[3];

            chip.Transfer(new byte[] { 0x07, 0xC0, 0x00 }, response, 3);
            int first = Code(response);
            pin.Volts = 2.0;
            chip.Transfer(new byte[] { 0x07, 0xC0, 0x00 }, response, 3);

            Assert.AreEqual(819, first);
            Assert.AreEqual(3276, Code(response));
            Assert.AreEqual(2, chip.ConversionCount);
        }

        [TestMethod]
        public void AFrameWithoutAStartBitConvertsNothingAndTheLineFloatsHigh()
        {
            Mcp3208Model chip = new Mcp3208Model(ReferenceV);
            byte[] response = new byte[3];

            chip.Transfer(new byte[] { 0x00, 0x00, 0x00 }, response, 3);

            Assert.AreEqual(0, chip.ConversionCount);
            Assert.AreEqual((byte)0xFF, response[1]);
        }
    }
}
