#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Board;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Board.Pins;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>A contactor on a coil output and an auxiliary input, against the pin-level contactor model.</summary>
    [TestClass]
    public class GpioContactorTests
    {
        private const int PullInMs = 30;
        private const int DropOutMs = 15;
        private const int BounceMs = 8;
        private const int DebounceMs = 10;
        private const int SettleMs = 60;

        /// <summary>The driver on the contactor model, serviced every ms of simulated time.</summary>
        private sealed class Rig
        {
            public readonly SimClock Clock = new SimClock();
            public readonly SimContactorPins Pins;
            public readonly GpioContactor Contactor;

            public Rig()
            {
                Pins = new SimContactorPins(Clock, PullInMs, DropOutMs, BounceMs);
                GpioContactorSettings settings = new GpioContactorSettings();
                settings.FeedbackDebounceMs = DebounceMs;
                settings.FeedbackSettleMs = SettleMs;
                Contactor = new GpioContactor(Pins, Pins, settings);
            }

            /// <summary>Services the driver every ms for <paramref name="ms"/>; returns the first ms (from now) the feedback read closed, or −1.</summary>
            public int RunUntilFeedbackClosed(int ms)
            {
                for (int i = 1; i <= ms; i++)
                {
                    Run(1);
                    if (Contactor.IsFeedbackClosed)
                    {
                        return i;
                    }
                }

                return -1;
            }

            public void Run(int ms)
            {
                for (int i = 0; i < ms; i++)
                {
                    Clock.Advance(1);
                    Contactor.Service(Clock.NowMs);
                }
            }
        }

        [TestMethod]
        public void CloseEnergisesTheCoilAtOnce()
        {
            Rig rig = new Rig();

            rig.Contactor.Close();

            Assert.IsTrue(rig.Pins.State);
            Assert.IsTrue(rig.Contactor.IsCommandedClosed);
            Assert.IsFalse(rig.Contactor.IsFeedbackClosed, "the contact has not moved yet");
        }

        [TestMethod]
        public void FeedbackClosesOnlyAfterTheAuxiliaryContactStoppedBouncing()
        {
            Rig rig = new Rig();
            rig.Contactor.Close();

            int closedAfterMs = rig.RunUntilFeedbackClosed(200);

            // The contact closes at 30 ms, chatters until 38 ms (last open reading at 37), then must hold 10 ms.
            Assert.AreEqual(PullInMs + BounceMs - 1 + DebounceMs + 1, closedAfterMs);
        }

        [TestMethod]
        public void OpeningFollowsTheDropOutAndTheDebounce()
        {
            Rig rig = new Rig();
            rig.Contactor.Close();
            rig.Run(200);

            rig.Contactor.Open();
            rig.Run(DropOutMs + BounceMs + DebounceMs - 1);
            Assert.IsTrue(rig.Contactor.IsFeedbackClosed, "still within drop-out, bounce and debounce");
            rig.Run(1);
            Assert.IsFalse(rig.Contactor.IsFeedbackClosed);
            Assert.IsFalse(rig.Contactor.IsFeedbackMismatch);
        }

        [TestMethod]
        public void ANormalCloseRaisesNoMismatch()
        {
            Rig rig = new Rig();
            rig.Contactor.Close();

            for (int i = 0; i < 200; i++)
            {
                rig.Run(1);
                Assert.IsFalse(rig.Contactor.IsFeedbackMismatch, "at " + i.ToString() + " ms");
            }
        }

        [TestMethod]
        public void ACoilThatDoesNotPullInIsAMismatchAfterTheSettleTime()
        {
            Rig rig = new Rig();
            rig.Pins.CoilOpen = true;
            rig.Contactor.Close();

            rig.Run(SettleMs);
            Assert.IsFalse(rig.Contactor.IsFeedbackMismatch, "within the settle time");
            rig.Run(2);
            Assert.IsTrue(rig.Contactor.IsFeedbackMismatch);
        }

        [TestMethod]
        public void AWeldedContactIsAMismatchAfterOpening()
        {
            Rig rig = new Rig();
            rig.Contactor.Close();
            rig.Run(200);
            rig.Pins.Welded = true;

            rig.Contactor.Open();
            rig.Run(SettleMs + 2);

            Assert.IsTrue(rig.Contactor.IsFeedbackClosed);
            Assert.IsTrue(rig.Contactor.IsFeedbackMismatch);
        }

        [TestMethod]
        public void AContactWeldedAtPowerUpShowsClosedBeforeTheFirstService()
        {
            SimContactorPins pins = new SimContactorPins(new SimClock(), PullInMs, DropOutMs, BounceMs);
            pins.Welded = true;

            GpioContactor contactor = new GpioContactor(pins, pins, new GpioContactorSettings());

            Assert.IsTrue(contactor.IsFeedbackClosed);
            Assert.IsFalse(contactor.IsCommandedClosed);
        }

        [TestMethod]
        public void ANormallyClosedAuxiliaryContactIsReadInverted()
        {
            SimDigitalOutput coil = new SimDigitalOutput();
            SimDigitalInput auxiliary = new SimDigitalInput(true);
            GpioContactorSettings settings = new GpioContactorSettings();
            settings.FeedbackClosedLevel = false;

            GpioContactor contactor = new GpioContactor(coil, auxiliary, settings);

            Assert.IsFalse(contactor.IsFeedbackClosed);
        }
    }
}
