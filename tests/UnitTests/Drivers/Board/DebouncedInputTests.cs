#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Board;
using V2G.Sim.Plant.Board.Pins;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The time debounce every pin-level input driver uses.</summary>
    [TestClass]
    public class DebouncedInputTests
    {
        [TestMethod]
        public void StartsInTheGivenStateWhateverThePinReads()
        {
            DebouncedInput input = new DebouncedInput(new SimDigitalInput(true), 10, 10, false);

            Assert.IsFalse(input.State);
        }

        [TestMethod]
        public void FollowsALevelOnlyAfterItHeldForTheDebounceTime()
        {
            SimDigitalInput pin = new SimDigitalInput(false);
            DebouncedInput input = new DebouncedInput(pin, 10, 10, false);
            pin.Level = true;

            Assert.IsFalse(input.Update(100), "first sample of the new level");
            Assert.IsFalse(input.Update(109), "9 ms later");
            Assert.IsTrue(input.Update(110), "10 ms later");
        }

        [TestMethod]
        public void ABounceBackRestartsTheDebounceTime()
        {
            SimDigitalInput pin = new SimDigitalInput(false);
            DebouncedInput input = new DebouncedInput(pin, 10, 10, false);

            pin.Level = true;
            input.Update(0);
            input.Update(8);
            pin.Level = false;
            input.Update(9);
            pin.Level = true;
            input.Update(10);

            Assert.IsFalse(input.Update(19), "only 9 ms since the bounce");
            Assert.IsTrue(input.Update(20), "10 ms since the bounce");
        }

        [TestMethod]
        public void RiseAndFallUseTheirOwnTimes()
        {
            SimDigitalInput pin = new SimDigitalInput(true);
            DebouncedInput input = new DebouncedInput(pin, 50, 5, true);

            pin.Level = false;
            input.Update(0);
            Assert.IsFalse(input.Update(5), "falls after 5 ms");

            pin.Level = true;
            input.Update(10);
            Assert.IsFalse(input.Update(59), "not risen after 49 ms");
            Assert.IsTrue(input.Update(60), "risen after 50 ms");
        }

        [TestMethod]
        public void ZeroDebounceFollowsEverySample()
        {
            SimDigitalInput pin = new SimDigitalInput(false);
            DebouncedInput input = new DebouncedInput(pin, 0, 0, false);

            pin.Level = true;
            Assert.IsTrue(input.Update(0));
            pin.Level = false;
            Assert.IsFalse(input.Update(0));
        }
    }
}
