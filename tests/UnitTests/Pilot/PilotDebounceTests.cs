#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Pilot;

namespace V2G.UnitTests.Pilot
{
    /// <summary>Debounce of the pilot state: noise at a band edge must not flap it, a real change must come through quickly.</summary>
    [TestClass]
    public class PilotDebounceTests
    {
        private static PilotRig InStateB(uint seed)
        {
            PilotRig rig = new PilotRig(seed);
            rig.Vehicle.Plug();
            rig.Settle();
            Assert.AreEqual(PilotState.B, rig.Pilot.State);
            return rig;
        }

        [TestMethod]
        public void AReadingAlternatingAcrossABandEdgeDoesNotChangeTheState()
        {
            PilotRig rig = InStateB(1);
            long since = rig.Pilot.StateSinceMs;

            // 8.98 V read as 8.03 V (in B) and 7.93 V (in no band), one after the other.
            for (int i = 0; i < 100; i++)
            {
                rig.Circuit.MeasurementOffsetV = (i % 2 == 0) ? -0.95 : -1.05;
                rig.Tick();
                Assert.AreEqual(PilotState.B, rig.Pilot.State);
            }

            Assert.AreEqual(since, rig.Pilot.StateSinceMs);
        }

        [TestMethod]
        public void ARealChangeIsConfirmedAfterDebounceSamplesEqualReadings()
        {
            PilotRig rig = InStateB(1);

            rig.Vehicle.SetS2(true);
            rig.Ticks(rig.Settings.DebounceSamples - 1);
            Assert.AreEqual(PilotState.B, rig.Pilot.State);

            rig.Tick();
            Assert.AreEqual(PilotState.C, rig.Pilot.State);
            Assert.AreEqual(PilotState.B, rig.Pilot.PreviousState);
            Assert.AreEqual(rig.NowMs, rig.Pilot.StateSinceMs);
        }

        [TestMethod]
        public void TheDefaultDebounceConfirmsAChangeWithinAHundredMilliseconds()
        {
            // C→B must switch power off within 100 ms [V:E8]: the debounce may take only part of that.
            PilotSettings settings = new PilotSettings();
            Assert.IsTrue(settings.DebounceSamples * PilotRig.TickMs <= 60);
            Assert.IsTrue(settings.DebounceSamples >= 2);
        }

        [TestMethod]
        public void RandomNoiseAtABandEdgeChangesTheStateOnlyAfterDebounceSamplesEqualReadings()
        {
            PilotRig rig = InStateB(20261101);
            rig.Circuit.NoiseAmplitudeMv = 200;
            rig.Circuit.MeasurementOffsetV = -0.98; // centred on the B band's lower edge, 8.0 V
            int needed = rig.Settings.DebounceSamples;
            PilotState[] recent = new PilotState[needed];
            int rawChanges = 0;
            PilotState lastRaw = PilotState.B;

            for (int i = 0; i < 400; i++)
            {
                PilotState before = rig.Pilot.State;
                rig.Tick();
                for (int k = needed - 1; k > 0; k--)
                {
                    recent[k] = recent[k - 1];
                }

                recent[0] = rig.Pilot.RawState;
                if (rig.Pilot.RawState != lastRaw)
                {
                    rawChanges++;
                    lastRaw = rig.Pilot.RawState;
                }

                if (rig.Pilot.State != before)
                {
                    Assert.IsTrue(i + 1 >= needed);
                    for (int k = 0; k < needed; k++)
                    {
                        Assert.AreEqual(rig.Pilot.State, recent[k]);
                    }
                }
            }

            // The readings did cross the edge many times, or the test would prove nothing.
            Assert.IsTrue(rawChanges > 50);
        }

        [TestMethod]
        public void NoiseWellInsideABandNeverLeavesIt()
        {
            PilotRig rig = InStateB(7);
            rig.Circuit.NoiseAmplitudeMv = 300;

            for (int i = 0; i < 300; i++)
            {
                rig.Tick();
                Assert.AreEqual(PilotState.B, rig.Pilot.RawState);
                Assert.AreEqual(PilotState.B, rig.Pilot.State);
            }
        }
    }
}
