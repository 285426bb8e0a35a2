#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Hal.Buses;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Can;

namespace V2G.UnitTests.Drivers.Mcp2515
{
    /// <summary>Interrupt-driven and polled service.</summary>
    [TestClass]
    public class Mcp2515ServiceModeTests
    {
        private static Mcp2515Settings SlowPoll()
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.InterruptPollPeriodMs = 1000;
            return settings;
        }

        [TestMethod]
        public void AnInterruptEdgeMakesServiceReadTheFlags()
        {
            Mcp2515Rig rig = new Mcp2515Rig(true, true, SlowPoll());
            Assert.IsTrue(rig.Start());
            rig.Step(1);
            int polled = rig.Driver.Status.PolledServices;

            CanFrame bhm = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            rig.Chip.DeliverFromBus(ref bhm);
            rig.Step(1);
            CanFrame received;
            Assert.IsTrue(rig.Driver.TryReceive(out received));
            Assert.AreEqual(1, rig.Driver.Status.EdgeServices);
            Assert.AreEqual(polled, rig.Driver.Status.PolledServices);
        }

        [TestMethod]
        public void WithTheInterruptQuietServiceMakesNoSpiTransfer()
        {
            Mcp2515Rig rig = new Mcp2515Rig(true, true, SlowPoll());
            Assert.IsTrue(rig.Start());
            rig.Step(1);
            rig.Spi.Clear();
            rig.Run(50);
            Assert.AreEqual(0, rig.Spi.Count);
        }

        [TestMethod]
        public void AnAssertedLineWithAMissedEdgeIsStillServiced()
        {
            SimClock clock = new SimClock();
            Mcp2515Model chip = new Mcp2515Model(clock);
            Mcp2515Driver driver = new Mcp2515Driver(chip, new EdgelessInterrupt(chip), clock, SlowPoll());
            Assert.IsTrue(driver.Initialise(clock.NowMs));
            clock.Advance(1);
            driver.Service(clock.NowMs);

            CanFrame bhm = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            chip.DeliverFromBus(ref bhm);
            clock.Advance(1);
            driver.Service(clock.NowMs);
            CanFrame received;
            Assert.IsTrue(driver.TryReceive(out received));
            Assert.AreEqual(1, driver.Status.LevelServices);
            Assert.AreEqual(0, driver.Status.EdgeServices);
        }

        [TestMethod]
        public void ThePollPeriodCatchesFlagsEvenWithoutTheLine()
        {
            Mcp2515Settings settings = new Mcp2515Settings();
            settings.InterruptPollPeriodMs = 20;
            SimClock clock = new SimClock();
            Mcp2515Model chip = new Mcp2515Model(clock);
            FakeDeadLine line = new FakeDeadLine();
            Mcp2515Driver driver = new Mcp2515Driver(chip, line, clock, settings);
            Assert.IsTrue(driver.Initialise(clock.NowMs));
            clock.Advance(1);
            driver.Service(clock.NowMs);

            CanFrame bhm = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            chip.DeliverFromBus(ref bhm);
            CanFrame received;
            for (int i = 0; i < 19; i++)
            {
                clock.Advance(1);
                driver.Service(clock.NowMs);
            }

            Assert.IsFalse(driver.TryReceive(out received), "not before the poll period");
            clock.Advance(1);
            driver.Service(clock.NowMs);
            Assert.IsTrue(driver.TryReceive(out received));
        }

        [TestMethod]
        public void WithoutAnInterruptLineEveryServicePollsAndFramesFlowBothWays()
        {
            Mcp2515Rig rig = new Mcp2515Rig(false, false, null);
            Assert.IsTrue(rig.Start());
            CanFrame bhm = Mcp2515Rig.Frame(Mcp2515Rig.BhmId, 2, 0x1770);
            CanFrame chm = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, 0x000101);
            rig.Chip.DeliverFromBus(ref bhm);
            Assert.IsTrue(rig.Driver.TrySend(ref chm));
            rig.Step(1);

            CanFrame received;
            Assert.IsTrue(rig.Driver.TryReceive(out received));
            Assert.IsTrue(Mcp2515Rig.Same(bhm, received));
            CanFrame sent;
            Assert.IsTrue(rig.Chip.TryTakeTransmitted(out sent));
            Assert.IsTrue(Mcp2515Rig.Same(chm, sent));
            rig.Step(1);
            Assert.AreEqual(1, rig.Driver.Status.FramesSent);
            Assert.AreEqual(2, rig.Driver.Status.PolledServices);
            Assert.AreEqual(0, rig.Driver.Status.EdgeServices);
        }

        /// <summary>An INT line that never asserts (a broken wire).</summary>
        private sealed class FakeDeadLine : IInterruptInput
        {
            public bool IsAsserted => false;

            public event InterruptHandler Asserted
            {
                add
                {
                }

                remove
                {
                }
            }
        }
    }
}
