#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Board;

namespace V2G.UnitTests.Boards
{
    /// <summary>The pin-map check itself: each kind of mistake a board file can make is found.</summary>
    [TestClass]
    public class BoardPinMapCheckTests
    {
        private static PinAssignment[] Complete(int spiBusOfPlc)
        {
            PinFunction[] all = PinFunctions.All();
            PinAssignment[] pins = new PinAssignment[all.Length];
            for (int i = 0; i < all.Length; i++)
            {
                int pin = 100 + i;
                int bus = 0;
                int kind = PinFunctions.BusLineKind(all[i]);
                if (kind != PinFunctions.NotABusLine)
                {
                    bool plc = all[i] == PinFunction.PlcSpiSck || all[i] == PinFunction.PlcSpiMosi || all[i] == PinFunction.PlcSpiMiso;
                    bus = plc ? spiBusOfPlc : 1;
                    pin = kind;
                }

                pins[i] = new PinAssignment(all[i], pin, "P" + pin.ToString(), bus, "");
            }

            return pins;
        }

        private static BoardPinMap Map(PinAssignment[] pins, int[] reserved)
        {
            return new BoardPinMap("test", "test", "TEST", pins, reserved);
        }

        [TestMethod]
        public void AMapBindingEveryFunctionOnceWithOneSharedSpiBusHasNoProblem()
        {
            Assert.IsNull(Map(Complete(1), new int[0]).FirstProblem());
        }

        [TestMethod]
        public void SpiLinesOfDifferentBusesOnOnePinAreAProblem()
        {
            string problem = Map(Complete(2), new int[0]).FirstProblem();
            Assert.IsNotNull(problem);
            Assert.IsTrue(problem.IndexOf("is used by both") >= 0, problem);
        }

        [TestMethod]
        public void TwoFunctionsOnOnePinAreAProblem()
        {
            PinAssignment[] pins = Complete(1);
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i].Function == PinFunction.DcMinusContactorDrive)
                {
                    int dcPlus = Map(pins, new int[0]).PinOf(PinFunction.DcPlusContactorDrive);
                    pins[i] = new PinAssignment(PinFunction.DcMinusContactorDrive, dcPlus, "P" + dcPlus.ToString(), 0, "");
                }
            }

            Assert.AreEqual("pin P103 is used by both DcPlusContactorDrive and DcMinusContactorDrive", Map(pins, new int[0]).FirstProblem());
        }

        [TestMethod]
        public void AnUnboundRequiredFunctionIsAProblem()
        {
            PinAssignment[] complete = Complete(1);
            PinAssignment[] pins = new PinAssignment[complete.Length - 1];
            int n = 0;
            for (int i = 0; i < complete.Length; i++)
            {
                if (complete[i].Function != PinFunction.EmergencyStopInput)
                {
                    pins[n++] = complete[i];
                }
            }

            Assert.AreEqual("EmergencyStopInput is not bound", Map(pins, new int[0]).FirstProblem());
        }

        [TestMethod]
        public void AnUnboundOptionalFunctionIsNoProblem()
        {
            PinAssignment[] complete = Complete(1);
            PinAssignment[] pins = new PinAssignment[complete.Length - 1];
            int n = 0;
            for (int i = 0; i < complete.Length; i++)
            {
                if (complete[i].Function != PinFunction.StatusLed)
                {
                    pins[n++] = complete[i];
                }
            }

            Assert.IsNull(Map(pins, new int[0]).FirstProblem());
        }

        [TestMethod]
        public void AReservedPinInUseIsAProblem()
        {
            BoardPinMap map = Map(Complete(1), new int[] { 0, 100 });
            Assert.AreEqual("PowerStagePwm uses reserved pin P100", map.FirstProblem());
        }

        [TestMethod]
        public void AFunctionBoundTwiceIsAProblem()
        {
            PinAssignment[] complete = Complete(1);
            PinAssignment[] pins = new PinAssignment[complete.Length + 1];
            for (int i = 0; i < complete.Length; i++)
            {
                pins[i] = complete[i];
            }

            pins[complete.Length] = new PinAssignment(PinFunction.StatusLed, 99, "P99", 0, "");
            Assert.AreEqual("StatusLed is bound twice", Map(pins, new int[0]).FirstProblem());
        }

        [TestMethod]
        public void EveryFunctionHasItsOwnName()
        {
            PinFunction[] all = PinFunctions.All();
            for (int i = 0; i < all.Length; i++)
            {
                Assert.IsFalse(PinFunctions.Name(all[i]) == "None");
                for (int j = i + 1; j < all.Length; j++)
                {
                    Assert.IsFalse(PinFunctions.Name(all[i]) == PinFunctions.Name(all[j]));
                }
            }
        }
    }
}
