#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Board;
using V2G.Sim.Plant.Board.Pins;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The normally-closed emergency-stop chain on one input.</summary>
    [TestClass]
    public class GpioEmergencyStopTests
    {
        private static void Service(GpioEmergencyStop stop, long fromMs, long toMs)
        {
            for (long t = fromMs; t <= toMs; t++)
            {
                stop.Service(t);
            }
        }

        [TestMethod]
        public void IsActiveUntilTheChainHasReadClosedForTheReleaseTime()
        {
            SimDigitalInput chain = new SimDigitalInput(true);
            GpioEmergencyStop stop = new GpioEmergencyStop(chain, 5, 50);

            Assert.IsTrue(stop.IsActive, "before any sample");
            Service(stop, 0, 49);
            Assert.IsTrue(stop.IsActive, "closed for 49 ms");
            Service(stop, 50, 50);
            Assert.IsFalse(stop.IsActive, "closed for 50 ms");
        }

        [TestMethod]
        public void AnOpenChainTripsAfterTheTripTime()
        {
            SimDigitalInput chain = new SimDigitalInput(true);
            GpioEmergencyStop stop = new GpioEmergencyStop(chain, 5, 50);
            Service(stop, 0, 100);

            chain.Level = false;
            Service(stop, 101, 105);
            Assert.IsFalse(stop.IsActive, "open for 4 ms");
            Service(stop, 106, 106);
            Assert.IsTrue(stop.IsActive, "open for 5 ms");
        }

        [TestMethod]
        public void ASpikeShorterThanTheTripTimeIsIgnored()
        {
            SimDigitalInput chain = new SimDigitalInput(true);
            GpioEmergencyStop stop = new GpioEmergencyStop(chain, 5, 50);
            Service(stop, 0, 100);

            chain.Level = false;
            Service(stop, 101, 104);
            chain.Level = true;
            Service(stop, 105, 200);

            Assert.IsFalse(stop.IsActive);
        }

        [TestMethod]
        public void ABouncingButtonDoesNotReleaseTheStop()
        {
            SimDigitalInput chain = new SimDigitalInput(false);
            GpioEmergencyStop stop = new GpioEmergencyStop(chain);

            for (long t = 0; t < 200; t++)
            {
                chain.Level = (t / 20) % 2 == 0;
                stop.Service(t);
                Assert.IsTrue(stop.IsActive, "at " + t.ToString() + " ms");
            }
        }

        [TestMethod]
        public void ABrokenWireReadsAsAStop()
        {
            SimDigitalInput chain = new SimDigitalInput(true);
            GpioEmergencyStop stop = new GpioEmergencyStop(chain);
            Service(stop, 0, 100);

            chain.Level = false;
            Service(stop, 101, 101 + GpioEmergencyStop.DefaultTripDebounceMs);

            Assert.IsTrue(stop.IsActive);
        }
    }
}
