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

        /// <summary>The complete set minus every function that serves none of <paramref name="connectors"/>.</summary>
        private static PinAssignment[] For(BoardConnectors connectors)
        {
            PinAssignment[] complete = Complete(1);
            int n = 0;
            for (int i = 0; i < complete.Length; i++)
            {
                if (PinFunctions.Serves(complete[i].Function, connectors))
                {
                    n++;
                }
            }

            PinAssignment[] pins = new PinAssignment[n];
            n = 0;
            for (int i = 0; i < complete.Length; i++)
            {
                if (PinFunctions.Serves(complete[i].Function, connectors))
                {
                    pins[n++] = complete[i];
                }
            }

            return pins;
        }

        private static PinAssignment[] Without(PinAssignment[] pins, PinFunction function)
        {
            int n = 0;
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i].Function != function)
                {
                    n++;
                }
            }

            PinAssignment[] result = new PinAssignment[n];
            n = 0;
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i].Function != function)
                {
                    result[n++] = pins[i];
                }
            }

            return result;
        }

        private static BoardPinMap Map(BoardConnectors connectors, PinAssignment[] pins)
        {
            return new BoardPinMap("test", "test", "TEST", connectors, pins, new int[0]);
        }

        [TestMethod]
        public void TheOldConstructorMeansBothConnectors()
        {
            BoardPinMap map = Map(Complete(1), new int[0]);
            Assert.IsTrue(map.Connectors == BoardConnectors.CcsAndGbt);
            Assert.IsTrue(map.Has(BoardConnectors.Ccs));
            Assert.IsTrue(map.Has(BoardConnectors.Gbt));
        }

        [TestMethod]
        public void ASingleConnectorMapHasOnlyItsConnector()
        {
            BoardPinMap ccs = Map(BoardConnectors.Ccs, For(BoardConnectors.Ccs));
            Assert.IsTrue(ccs.Has(BoardConnectors.Ccs));
            Assert.IsFalse(ccs.Has(BoardConnectors.Gbt));
            Assert.IsFalse(ccs.Has(BoardConnectors.CcsAndGbt));
            Assert.IsFalse(ccs.Has(BoardConnectors.None));
        }

        [TestMethod]
        public void EachConnectorsFunctionsAloneHaveNoProblem()
        {
            Assert.IsNull(Map(BoardConnectors.Ccs, For(BoardConnectors.Ccs)).FirstProblem());
            Assert.IsNull(Map(BoardConnectors.Gbt, For(BoardConnectors.Gbt)).FirstProblem());
        }

        [TestMethod]
        public void AMapForNoConnectorIsAProblem()
        {
            Assert.AreEqual("the map is drawn for no connector", Map(BoardConnectors.None, For(BoardConnectors.CcsAndGbt)).FirstProblem());
        }

        [TestMethod]
        public void AFunctionOfTheOtherConnectorIsAProblem()
        {
            Assert.AreEqual("CanSpiSck is bound but serves none of the board's connectors", Map(BoardConnectors.Ccs, Complete(1)).FirstProblem());
        }

        [TestMethod]
        public void EachConnectorNeedsItsOwnFunctions()
        {
            Assert.AreEqual("GbtLockFeedback is not bound", Map(BoardConnectors.Gbt, Without(For(BoardConnectors.Gbt), PinFunction.GbtLockFeedback)).FirstProblem());
            Assert.AreEqual("ProximityAdc is not bound", Map(BoardConnectors.Ccs, Without(For(BoardConnectors.Ccs), PinFunction.ProximityAdc)).FirstProblem());
            Assert.AreEqual("MonitorAdcSpiCs is not bound", Map(BoardConnectors.Ccs, Without(For(BoardConnectors.Ccs), PinFunction.MonitorAdcSpiCs)).FirstProblem());
        }

        [TestMethod]
        public void TheChipInterruptLinesAreOptionalForEveryConnector()
        {
            PinFunction[] lines = { PinFunction.MeteringIrq, PinFunction.CanInt, PinFunction.PlcInt };
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsFalse(PinFunctions.IsRequired(lines[i], BoardConnectors.Ccs));
                Assert.IsFalse(PinFunctions.IsRequired(lines[i], BoardConnectors.Gbt));
                Assert.IsFalse(PinFunctions.IsRequired(lines[i], BoardConnectors.CcsAndGbt));
            }

            PinAssignment[] pins = Without(Without(Without(Complete(1), PinFunction.MeteringIrq), PinFunction.CanInt), PinFunction.PlcInt);
            Assert.IsNull(Map(pins, new int[0]).FirstProblem());
        }

        [TestMethod]
        public void RequiredFunctionsFollowTheConnectors()
        {
            Assert.IsTrue(PinFunctions.IsRequired(PinFunction.PlcSpiCs, BoardConnectors.Ccs));
            Assert.IsFalse(PinFunctions.IsRequired(PinFunction.PlcSpiCs, BoardConnectors.Gbt));
            Assert.IsTrue(PinFunctions.IsRequired(PinFunction.ControlPilotPwm, BoardConnectors.Ccs));
            Assert.IsTrue(PinFunctions.IsRequired(PinFunction.CanSpiCs, BoardConnectors.Gbt));
            Assert.IsFalse(PinFunctions.IsRequired(PinFunction.CanSpiCs, BoardConnectors.Ccs));
            Assert.IsTrue(PinFunctions.IsRequired(PinFunction.GbtAuxPowerDrive, BoardConnectors.Gbt));
            Assert.IsFalse(PinFunctions.IsRequired(PinFunction.GbtLockDrive, BoardConnectors.Ccs));
            Assert.IsTrue(PinFunctions.IsRequired(PinFunction.MonitorAdcSpiCs, BoardConnectors.Ccs));
            Assert.IsTrue(PinFunctions.IsRequired(PinFunction.EmergencyStopInput, BoardConnectors.Gbt));
            Assert.IsFalse(PinFunctions.IsRequired(PinFunction.StatusLed, BoardConnectors.CcsAndGbt));
            Assert.IsFalse(PinFunctions.IsRequired(PinFunction.None, BoardConnectors.CcsAndGbt));
        }

        [TestMethod]
        public void TheMonitorAdcLinesAreSpiBusLines()
        {
            Assert.AreEqual(PinFunctions.SpiClockLine, PinFunctions.BusLineKind(PinFunction.MonitorAdcSpiSck));
            Assert.AreEqual(PinFunctions.SpiMosiLine, PinFunctions.BusLineKind(PinFunction.MonitorAdcSpiMosi));
            Assert.AreEqual(PinFunctions.SpiMisoLine, PinFunctions.BusLineKind(PinFunction.MonitorAdcSpiMiso));
            Assert.AreEqual(PinFunctions.NotABusLine, PinFunctions.BusLineKind(PinFunction.MonitorAdcSpiCs));
        }

        [TestMethod]
        public void AllListsEveryFunctionInDeclarationOrder()
        {
            PinFunction[] all = PinFunctions.All();
            Assert.AreEqual(40, all.Length);
            for (int i = 1; i < all.Length; i++)
            {
                Assert.IsTrue((int)all[i - 1] < (int)all[i], PinFunctions.Name(all[i]));
            }

            Assert.IsTrue(all[3] == PinFunction.MonitorAdcSpiCs);
            Assert.IsTrue(all[all.Length - 1] == PinFunction.GbtAuxPowerDrive);
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

            Assert.AreEqual("pin P107 is used by both DcPlusContactorDrive and DcMinusContactorDrive", Map(pins, new int[0]).FirstProblem());
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
