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
    /// <summary>Bus-off, error passive, message errors and SPI failures.</summary>
    [TestClass]
    public class Mcp2515ErrorTests
    {
        private static Mcp2515Rig Running()
        {
            Mcp2515Rig rig = new Mcp2515Rig(true, false, null);
            Assert.IsTrue(rig.Start());
            rig.Step(1);
            return rig;
        }

        [TestMethod]
        public void BusOffIsDetectedAndRecoveredByReinitialisingAfterTheDelay()
        {
            Mcp2515Rig rig = Running();
            CanFrame frame = Mcp2515Rig.Frame(Mcp2515Rig.ChmId, 3, 0x000101);
            rig.Driver.TrySend(ref frame);
            rig.Driver.TrySend(ref frame);
            rig.Step(1);

            rig.Chip.InjectTransmitErrors(32);
            Assert.IsTrue(rig.Chip.IsBusOff);
            rig.Step(1);
            Assert.IsTrue(rig.Driver.IsBusOff);
            Assert.AreEqual(1, rig.Driver.Status.BusOffEvents);
            Assert.AreEqual(2, rig.Driver.Status.TxDroppedFrames, "the frames in the chip are lost");
            Assert.AreEqual(Mcp2515Mode.Configuration, (byte)rig.Chip.Mode, "held off the bus");
            Assert.IsFalse(rig.Driver.TrySend(ref frame), "nothing is queued while bus-off");

            rig.Run(rig.Settings.BusOffRecoveryDelayMs - 1);
            Assert.IsTrue(rig.Driver.IsBusOff, "not before the recovery delay");
            rig.Step(1);
            Assert.IsFalse(rig.Driver.IsBusOff);
            Assert.AreEqual(Mcp2515State.Running, rig.Driver.State);
            Assert.AreEqual(2, rig.Driver.Status.Initialisations);
            Assert.AreEqual(0, rig.Chip.TransmitErrorCount, "RESET cleared TEC");

            Assert.IsTrue(rig.Driver.TrySend(ref frame));
            rig.Step(1);
            CanFrame sent;
            Assert.IsTrue(rig.Chip.TryTakeTransmitted(out sent), "frames flow again");
        }

        [TestMethod]
        public void ErrorPassiveIsCountedOnceAndTheCountersAreRead()
        {
            Mcp2515Rig rig = Running();
            rig.Chip.InjectTransmitErrors(16);
            rig.Step(1);
            Assert.AreEqual(1, rig.Driver.Status.ErrorPassiveEvents);
            Assert.AreEqual(1, rig.Driver.Status.ErrorWarningEvents);
            Assert.AreEqual(128, rig.Driver.Status.TransmitErrorCount);
            Assert.IsFalse(rig.Driver.IsBusOff);

            rig.Chip.InjectTransmitErrors(1);
            rig.Step(1);
            Assert.AreEqual(1, rig.Driver.Status.ErrorPassiveEvents, "still passive: no new event");
            Assert.AreEqual(136, rig.Driver.Status.TransmitErrorCount);
        }

        [TestMethod]
        public void AMessageErrorIsCountedAndItsFlagCleared()
        {
            Mcp2515Rig rig = Running();
            rig.Chip.InjectMessageError();
            Assert.IsTrue(rig.Chip.IsAsserted);
            rig.Step(1);
            Assert.AreEqual(1, rig.Driver.Status.MessageErrors);
            Assert.AreEqual((byte)0, rig.Chip.PeekRegister(0x2C));
            Assert.IsFalse(rig.Chip.IsAsserted);
        }

        [TestMethod]
        public void AnSpiErrorStopsTheDriverUntilTheRetryDelay()
        {
            SimClock clock = new SimClock();
            Mcp2515Model chip = new Mcp2515Model(clock);
            FlakySpi spi = new FlakySpi(chip);
            Mcp2515Settings settings = new Mcp2515Settings();
            Mcp2515Driver driver = new Mcp2515Driver(spi, chip, clock, settings);
            Assert.IsTrue(driver.Initialise(clock.NowMs));

            spi.Failing = true;
            clock.Advance(1);
            driver.Service(clock.NowMs);
            Assert.AreEqual(1, driver.Status.SpiErrors);
            Assert.AreEqual(Mcp2515State.Stopped, driver.State);

            spi.Failing = false;
            clock.Advance(settings.InitRetryDelayMs);
            driver.Service(clock.NowMs);
            Assert.AreEqual(Mcp2515State.Running, driver.State);
            Assert.AreEqual(2, chip.ResetCount);
        }
    }
}
