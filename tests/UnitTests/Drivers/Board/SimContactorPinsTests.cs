#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Board.Pins;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The pin-level contactor model the contactor driver is tested against.</summary>
    [TestClass]
    public class SimContactorPinsTests
    {
        [TestMethod]
        public void StartsOpenWithTheCoilOff()
        {
            SimContactorPins pins = new SimContactorPins(new SimClock(), 30, 15, 4);

            Assert.IsFalse(pins.State);
            Assert.IsFalse(pins.IsMainClosed);
            Assert.IsFalse(pins.Read());
        }

        [TestMethod]
        public void ClosesAfterThePullInTimeThenChattersForTheBounceTime()
        {
            SimClock clock = new SimClock();
            SimContactorPins pins = new SimContactorPins(clock, 30, 15, 4);
            pins.Write(true);

            clock.Advance(29);
            Assert.IsFalse(pins.IsMainClosed, "29 ms");
            clock.Advance(1);
            Assert.IsTrue(pins.IsMainClosed, "30 ms");
            Assert.IsTrue(pins.Read(), "30 ms: even ms of the bounce read the new position");
            clock.Advance(1);
            Assert.IsFalse(pins.Read(), "31 ms: odd ms read the old one");
            clock.Advance(3);
            Assert.IsTrue(pins.Read(), "34 ms: bounce over");
            clock.Advance(1);
            Assert.IsTrue(pins.Read(), "35 ms");
        }

        [TestMethod]
        public void AWeldedContactStaysClosedWithTheCoilOff()
        {
            SimClock clock = new SimClock();
            SimContactorPins pins = new SimContactorPins(clock, 30, 15, 4);
            pins.Write(true);
            clock.Advance(100);
            pins.Welded = true;

            pins.Write(false);
            clock.Advance(100);

            Assert.IsTrue(pins.Read());
        }

        [TestMethod]
        public void AnOpenCoilNeverPullsIn()
        {
            SimClock clock = new SimClock();
            SimContactorPins pins = new SimContactorPins(clock, 30, 15, 4);
            pins.CoilOpen = true;

            pins.Write(true);
            for (int i = 0; i < 100; i++)
            {
                clock.Advance(1);
                Assert.IsFalse(pins.Read(), "at " + i.ToString() + " ms");
            }
        }
    }
}
