#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Firmware.Drivers.Board;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Board.Pins;
using V2G.Sim.Plant.Connector;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Drivers.Board
{
    /// <summary>The GB/T coupler driver on its pins, against the plant's coupler circuit.</summary>
    [TestClass]
    public class GbtCouplerTests
    {
        private const double Cc1Ratio = 4.0;
        private const int LockTravelMs = 80;
        private const int DebounceMs = 10;
        private const int TravelTimeoutMs = 150;

        private sealed class Rig
        {
            public readonly SimClock Clock = new SimClock();
            public readonly GbtCouplerCircuit Circuit = new GbtCouplerCircuit();
            public readonly SimGbtCouplerPins Pins;
            public readonly GbtCoupler Coupler;

            public Rig()
            {
                Pins = new SimGbtCouplerPins(Clock, Circuit, Cc1Ratio, LockTravelMs);
                Coupler = new GbtCoupler(Pins.Cc1Adc, Pins.LockDrive, Pins.LockFeedback, Pins.AuxiliaryPowerDrive, Settings());
            }

            public void Run(int ms)
            {
                for (int i = 0; i < ms; i++)
                {
                    Clock.Advance(1);
                    Coupler.Service(Clock.NowMs);
                }
            }

            /// <summary>Services every ms until the lock reads locked; returns the ms it took, or −1.</summary>
            public int RunUntilLocked(int ms)
            {
                for (int i = 1; i <= ms; i++)
                {
                    Run(1);
                    if (Coupler.IsLocked)
                    {
                        return i;
                    }
                }

                return -1;
            }
        }

        private static GbtCouplerSettings Settings()
        {
            GbtCouplerSettings settings = new GbtCouplerSettings();
            settings.Cc1VoltsPerAdcVolt = Cc1Ratio;
            settings.FeedbackDebounceMs = DebounceMs;
            settings.LockTravelTimeoutMs = TravelTimeoutMs;
            return settings;
        }

        [TestMethod]
        public void Cc1ReadsTwelveVoltsWithNothingPlugged()
        {
            Rig rig = new Rig();

            Expect.Near(GbtCouplerCircuit.PullUpV, rig.Coupler.VoltageV, 1e-9, "before any service");
        }

        [TestMethod]
        public void Cc1FollowsThePlugAndItsLatchAtEachService()
        {
            Rig rig = new Rig();

            rig.Circuit.Plug();
            Expect.Near(12.0, rig.Coupler.VoltageV, 1e-9, "not yet serviced");
            rig.Run(1);
            Expect.Near(4.0, rig.Coupler.VoltageV, 1e-9, "latched");

            rig.Circuit.PressLatch();
            rig.Run(1);
            Expect.Near(6.0, rig.Coupler.VoltageV, 1e-9, "latch pressed");
        }

        [TestMethod]
        public void ConstructionReleasesTheLockAndTheAuxiliarySupply()
        {
            Rig rig = new Rig();

            Assert.IsFalse(rig.Pins.LockDrive.State);
            Assert.IsFalse(rig.Pins.AuxiliaryPowerDrive.State);
            Assert.IsFalse(rig.Coupler.IsLocked);
            Assert.IsFalse(rig.Coupler.IsOn);
        }

        [TestMethod]
        public void IsLockedIsTheFeedbackNotTheCommand()
        {
            Rig rig = new Rig();
            rig.Circuit.Plug();

            rig.Coupler.Lock();
            Assert.IsTrue(rig.Coupler.IsLockCommanded);
            Assert.IsFalse(rig.Coupler.IsLocked, "the lock has not moved yet");

            int lockedAfterMs = rig.RunUntilLocked(500);
            Assert.AreEqual(LockTravelMs + DebounceMs, lockedAfterMs);
            Assert.IsFalse(rig.Coupler.IsLockFault);
        }

        [TestMethod]
        public void AJammedLockIsReportedAfterTheTravelTimeout()
        {
            Rig rig = new Rig();
            rig.Circuit.Plug();
            rig.Circuit.LockJammed = true;

            rig.Coupler.Lock();
            rig.Run(TravelTimeoutMs);
            Assert.IsFalse(rig.Coupler.IsLockFault, "within the timeout");
            rig.Run(2);

            Assert.IsTrue(rig.Coupler.IsLockFault);
            Assert.IsFalse(rig.Coupler.IsLocked);
        }

        [TestMethod]
        public void UnlockingClearsTheFaultOfTheOldCommand()
        {
            Rig rig = new Rig();
            rig.Circuit.LockJammed = true;
            rig.Coupler.Lock();
            rig.Run(TravelTimeoutMs + 2);

            rig.Coupler.Unlock();

            Assert.IsFalse(rig.Coupler.IsLockFault);
            rig.Run(5);
            Assert.IsFalse(rig.Coupler.IsLockFault, "unlocked is where it is");
        }

        [TestMethod]
        public void UnlockReleasesTheLockAfterTravelAndDebounce()
        {
            Rig rig = new Rig();
            rig.Circuit.Plug();
            rig.Coupler.Lock();
            rig.Run(300);

            rig.Coupler.Unlock();
            rig.Run(LockTravelMs + DebounceMs - 1);
            Assert.IsTrue(rig.Coupler.IsLocked, "still within travel and debounce");
            rig.Run(1);
            Assert.IsFalse(rig.Coupler.IsLocked);
        }

        [TestMethod]
        public void TheAuxiliarySupplyFollowsTheCommand()
        {
            Rig rig = new Rig();
            rig.Circuit.Plug();

            rig.Coupler.Switch(true);
            Assert.IsTrue(rig.Coupler.IsOn);
            Assert.IsTrue(rig.Circuit.IsOn, "K3/K4 closed in the plant");

            rig.Coupler.Switch(false);
            Assert.IsFalse(rig.Coupler.IsOn);
            Assert.IsFalse(rig.Circuit.IsOn);
        }

        [TestMethod]
        public void TheCc1ScalingAndTheTravelTimeoutAreRequired()
        {
            Rig rig = new Rig();
            GbtCouplerSettings noScaling = Settings();
            noScaling.Cc1VoltsPerAdcVolt = double.NaN;
            GbtCouplerSettings noTimeout = Settings();
            noTimeout.LockTravelTimeoutMs = 0;

            Assert.IsTrue(Refuses(rig.Pins, noScaling), "scaling unset");
            Assert.IsTrue(Refuses(rig.Pins, noTimeout), "timeout unset");
            Assert.IsTrue(Refuses(rig.Pins, new GbtCouplerSettings()), "defaults");
        }

        private static bool Refuses(SimGbtCouplerPins pins, GbtCouplerSettings settings)
        {
            try
            {
                new GbtCoupler(pins.Cc1Adc, pins.LockDrive, pins.LockFeedback, pins.AuxiliaryPowerDrive, settings);
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return true;
            }
        }

        [TestMethod]
        public void ServiceAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            Rig rig = new Rig();
            rig.Circuit.Plug();
            rig.Coupler.Lock();
            rig.Run(300);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            rig.Run(1000);
            double cc1V = rig.Coupler.VoltageV;
            long allocated = System.GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated);
            Assert.IsTrue(cc1V > 0 && rig.Coupler.IsLocked);
#endif
        }
    }
}
