using System.Device.Gpio;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Boards.Hal;
using V2G.Sim.Plant.Board;

namespace V2G.BoardAdapters.Tests
{
    /// <summary>The GPIO adapters on dotnet/iot's GpioController over a fake board driver.</summary>
    [TestClass]
    public class GpioAdapterTests
    {
        private const int Pin = 17;

        [TestMethod]
        public void AnActiveHighOutputDrivesHighWhenAsserted()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            var output = new GpioOutputPin(controller, Pin, false, false);

            Assert.AreEqual(PinMode.Output, board.ModeOf(Pin));
            Assert.AreEqual(PinValue.Low, board.LevelOf(Pin));
            output.Write(true);
            Assert.AreEqual(PinValue.High, board.LevelOf(Pin));
            Assert.IsTrue(output.State);
        }

        [TestMethod]
        public void AnActiveLowOutputOpensDeassertedHighAndDrivesLowWhenAsserted()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            var output = new GpioOutputPin(controller, Pin, true, false);

            Assert.AreEqual(PinValue.High, board.LevelOf(Pin));
            Assert.IsFalse(output.State);
            output.Write(true);
            Assert.AreEqual(PinValue.Low, board.LevelOf(Pin));
            output.Write(false);
            Assert.AreEqual(PinValue.High, board.LevelOf(Pin));
        }

        [TestMethod]
        public void AnOutputOpenedAssertedIsDrivenBeforeTheConstructorReturns()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            var output = new GpioOutputPin(controller, Pin, false, true);

            Assert.AreEqual(PinValue.High, board.LevelOf(Pin));
            Assert.IsTrue(output.State);
        }

        [TestMethod]
        public void AnActiveLowInputReadsAssertedWhenTheLineIsLow()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            board.SetInputLevel(Pin, PinValue.High);
            var input = new GpioInputPin(controller, Pin, true, false);

            Assert.AreEqual(PinMode.Input, board.ModeOf(Pin));
            Assert.IsFalse(input.Read());
            board.SetInputLevel(Pin, PinValue.Low);
            Assert.IsTrue(input.Read());
        }

        [TestMethod]
        public void AnActiveHighInputReadsTheLevel()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            var input = new GpioInputPin(controller, Pin, false, false);

            Assert.IsFalse(input.Read());
            board.SetInputLevel(Pin, PinValue.High);
            Assert.IsTrue(input.Read());
        }

        [TestMethod]
        public void AnInputWithPullUpIsOpenedInPullUpMode()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            _ = new GpioInputPin(controller, Pin, true, true);

            Assert.AreEqual(PinMode.InputPullUp, board.ModeOf(Pin));
        }

        [TestMethod]
        public void AnActiveLowInterruptIsAssertedOnTheFallingEdgeWithTheClocksTime()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            board.SetInputLevel(Pin, PinValue.High);
            var clock = new SimClock();
            clock.Advance(1234);
            var line = new GpioInterruptLine(controller, Pin, true, clock);
            long stamp = -1;
            int edges = 0;
            line.Asserted += t => { stamp = t; edges++; };

            Assert.IsFalse(line.IsAsserted);
            board.SetInputLevel(Pin, PinValue.Low);
            Assert.AreEqual(1, edges);
            Assert.AreEqual(1234L, stamp);
            Assert.IsTrue(line.IsAsserted);

            board.SetInputLevel(Pin, PinValue.High);
            Assert.AreEqual(1, edges, "the releasing edge is not an assertion");
            Assert.IsFalse(line.IsAsserted);
        }

        [TestMethod]
        public void AnActiveHighInterruptIsAssertedOnTheRisingEdge()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            var line = new GpioInterruptLine(controller, Pin, false, new SimClock());
            int edges = 0;
            line.Asserted += _ => edges++;

            board.SetInputLevel(Pin, PinValue.High);
            board.SetInputLevel(Pin, PinValue.Low);
            board.SetInputLevel(Pin, PinValue.High);
            Assert.AreEqual(2, edges);
        }

        [TestMethod]
        public void ADisposedInterruptLineStopsListeningAndReleasesThePin()
        {
            var board = new FakeGpioDriver();
            using var controller = new GpioController(board);
            var line = new GpioInterruptLine(controller, Pin, true, new SimClock());
            Assert.IsTrue(board.HasCallback(Pin));

            line.Dispose();
            Assert.IsFalse(board.HasCallback(Pin));
            Assert.IsFalse(board.IsOpen(Pin));
        }
    }
}
