#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Drivers.Board;
using V2G.Sim.Plant.Board.Pins;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The proximity resistance from the pull-up divider's voltage, against the divider model.</summary>
    [TestClass]
    public class DividerProximitySenseTests
    {
        // Test values only: the real pull-up and supply are board facts (settings without defaults).
        private const double PullUpOhm = 330;
        private const double SupplyV = 3.3;

        private static DividerProximitySense Sense(SimDividerProximityPins pins)
        {
            DividerProximitySenseSettings settings = new DividerProximitySenseSettings();
            settings.PullUpOhm = PullUpOhm;
            settings.SupplyV = SupplyV;
            return new DividerProximitySense(pins, settings);
        }

        [TestMethod]
        public void NothingInsertedReadsOpen()
        {
            SimDividerProximityPins pins = new SimDividerProximityPins(PullUpOhm, SupplyV);

            Assert.IsTrue(double.IsPositiveInfinity(Sense(pins).ResistanceOhm));
        }

        [TestMethod]
        [DataRow(100.0)]
        [DataRow(220.0)]
        [DataRow(680.0)]
        [DataRow(1500.0)]
        public void ACodingResistorIsRecovered(double proximityOhm)
        {
            SimDividerProximityPins pins = new SimDividerProximityPins(PullUpOhm, SupplyV);
            pins.ProximityOhm = proximityOhm;

            Expect.Near(proximityOhm, Sense(pins).ResistanceOhm, proximityOhm * 1e-9, "PP–PE");
        }

        [TestMethod]
        public void EachReadingIsFresh()
        {
            SimDividerProximityPins pins = new SimDividerProximityPins(PullUpOhm, SupplyV);
            DividerProximitySense sense = Sense(pins);
            pins.ProximityOhm = 220;
            Expect.Near(220, sense.ResistanceOhm, 1e-6, "inserted");

            pins.ProximityOhm = double.PositiveInfinity;

            Assert.IsTrue(double.IsPositiveInfinity(sense.ResistanceOhm));
        }

        [TestMethod]
        public void AReadingAboveTheSupplyIsOpen()
        {
            SimAnalogInput adc = new SimAnalogInput(SupplyV + 0.05);
            DividerProximitySenseSettings settings = new DividerProximitySenseSettings();
            settings.PullUpOhm = PullUpOhm;
            settings.SupplyV = SupplyV;

            Assert.IsTrue(double.IsPositiveInfinity(new DividerProximitySense(adc, settings).ResistanceOhm));
        }

        [TestMethod]
        public void AShortReadsZeroOhm()
        {
            SimDividerProximityPins pins = new SimDividerProximityPins(PullUpOhm, SupplyV);
            pins.ProximityOhm = 0;

            Assert.AreEqual(0.0, Sense(pins).ResistanceOhm);
        }

        [TestMethod]
        public void ThePullUpAndTheSupplyAreRequired()
        {
            SimAnalogInput adc = new SimAnalogInput(1.0);
            DividerProximitySenseSettings noPullUp = new DividerProximitySenseSettings();
            noPullUp.SupplyV = SupplyV;
            DividerProximitySenseSettings noSupply = new DividerProximitySenseSettings();
            noSupply.PullUpOhm = PullUpOhm;

            Assert.IsTrue(Refuses(adc, noPullUp), "pull-up unset");
            Assert.IsTrue(Refuses(adc, noSupply), "supply unset");
        }

        private static bool Refuses(SimAnalogInput adc, DividerProximitySenseSettings settings)
        {
            try
            {
                new DividerProximitySense(adc, settings);
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return true;
            }
        }
    }
}
