#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Boards.Esp32;
using V2G.Boards.Stm32;
using V2G.Hal.Board;

namespace V2G.UnitTests.Boards
{
    /// <summary>
    /// The two reference boards' pin maps (boards/esp32/PinMap.cs, boards/stm32/PinMap.cs): no pin
    /// used twice except the shared SPI lines, every function the HAL needs bound, the module's own
    /// pins left alone. The reserved pins are restated here from the data sheets, not read from the map,
    /// so a map that drops one from its reserved list is still caught.
    /// </summary>
    [TestClass]
    public class BoardPinMapTests
    {
        [TestMethod]
        public void TheEsp32MapPassesTheCheck()
        {
            Assert.IsNull(Esp32PinMap.Create().FirstProblem());
        }

        [TestMethod]
        public void TheStm32MapPassesTheCheck()
        {
            Assert.IsNull(Stm32PinMap.Create().FirstProblem());
        }

        [TestMethod]
        public void NoPinOfEitherBoardIsUsedTwiceExceptTheSameSpiLineOfOneBus()
        {
            CheckNoPinUsedTwice(Esp32PinMap.Create());
            CheckNoPinUsedTwice(Stm32PinMap.Create());
        }

        [TestMethod]
        public void EveryRequiredFunctionIsBoundOnBothBoards()
        {
            PinFunction[] all = PinFunctions.All();
            BoardPinMap esp32 = Esp32PinMap.Create();
            BoardPinMap stm32 = Stm32PinMap.Create();
            for (int i = 0; i < all.Length; i++)
            {
                if (PinFunctions.IsRequired(all[i]))
                {
                    Assert.IsNotNull(esp32.Find(all[i]), "ESP32: " + PinFunctions.Name(all[i]));
                    Assert.IsNotNull(stm32.Find(all[i]), "STM32: " + PinFunctions.Name(all[i]));
                }
            }
        }

        [TestMethod]
        public void TheEsp32FlashPinsAndTheDebuggerUartAreUnused()
        {
            int[] modulePins = { 1, 3, 6, 7, 8, 9, 10, 11 };
            CheckUnused(Esp32PinMap.Create(), modulePins);
        }

        [TestMethod]
        public void TheEsp32UsesOnlyPinsTheChipBondsOut()
        {
            BoardPinMap map = Esp32PinMap.Create();
            for (int i = 0; i < map.Count; i++)
            {
                int pin = map.Get(i).PinNumber;
                Assert.IsTrue(pin >= 0 && pin <= 39 && pin != 20 && pin != 24 && (pin < 28 || pin > 31), map.Get(i).PinName);
            }
        }

        [TestMethod]
        public void TheEsp32InputOnlyPinsCarryOnlyInputs()
        {
            BoardPinMap map = Esp32PinMap.Create();
            for (int i = 0; i < map.Count; i++)
            {
                PinAssignment a = map.Get(i);
                if (a.PinNumber >= 34 && a.PinNumber <= 39)
                {
                    Assert.IsTrue(IsInput(a.Function), a.PinName + " is input-only but carries " + PinFunctions.Name(a.Function));
                }
            }
        }

        [TestMethod]
        public void EveryEsp32StrappingPinInUseSaysWhyItsResetLevelIsSafe()
        {
            int[] strapping = { 0, 2, 5, 12, 15 };
            BoardPinMap map = Esp32PinMap.Create();
            for (int i = 0; i < map.Count; i++)
            {
                PinAssignment a = map.Get(i);
                for (int j = 0; j < strapping.Length; j++)
                {
                    if (a.PinNumber == strapping[j])
                    {
                        Assert.IsTrue(a.Notes.IndexOf("strapping:") == 0, a.PinName + ": " + a.Notes);
                    }
                }
            }
        }

        [TestMethod]
        public void TheEsp32AnalogInputsAreOnAdc1BecauseAdc2IsLostToWiFi()
        {
            BoardPinMap map = Esp32PinMap.Create();
            int cp = map.PinOf(PinFunction.ControlPilotAdc);
            int pp = map.PinOf(PinFunction.ProximityAdc);
            Assert.IsTrue(cp >= 32 && cp <= 39);
            Assert.IsTrue(pp >= 32 && pp <= 39);
        }

        [TestMethod]
        public void TheStm32EthernetDebuggerAndSwdPinsAreUnused()
        {
            // RMII: PA1, PA2, PA7, PB13, PC1, PC4, PC5, PG11, PG13; USART3 VCP: PD8, PD9; SWD: PA13, PA14.
            int[] boardPins = { 1, 2, 7, 16 + 13, 32 + 1, 32 + 4, 32 + 5, 96 + 11, 96 + 13, 48 + 8, 48 + 9, 13, 14 };
            CheckUnused(Stm32PinMap.Create(), boardPins);
        }

        [TestMethod]
        public void TheStm32PinNumbersMatchTheirPortNames()
        {
            BoardPinMap map = Stm32PinMap.Create();
            string ports = "ABCDEFGHI";
            for (int i = 0; i < map.Count; i++)
            {
                PinAssignment a = map.Get(i);
                string expected = "P" + ports[a.PinNumber / 16].ToString() + (a.PinNumber % 16).ToString();
                Assert.AreEqual(expected, a.PinName);
            }
        }

        [TestMethod]
        public void ThePilotPwmIsNotThePowerStagePwmTimerOnTheStm32()
        {
            BoardPinMap map = Stm32PinMap.Create();
            Assert.IsFalse(map.Find(PinFunction.PowerStagePwm).BusInstance == map.Find(PinFunction.ControlPilotPwm).BusInstance);
        }

        private static bool IsInput(PinFunction function)
        {
            switch (function)
            {
                case PinFunction.PowerStageFault:
                case PinFunction.DcPlusContactorFeedback:
                case PinFunction.DcMinusContactorFeedback:
                case PinFunction.EmergencyStopInput:
                case PinFunction.InsulationMonitorSignal:
                case PinFunction.MeteringSpiMiso:
                case PinFunction.MeteringIrq:
                case PinFunction.CanSpiMiso:
                case PinFunction.CanInt:
                case PinFunction.PlcSpiMiso:
                case PinFunction.PlcInt:
                case PinFunction.ControlPilotAdc:
                case PinFunction.ProximityAdc:
                case PinFunction.DiagnosticsUartRx:
                    return true;
                default:
                    return false;
            }
        }

        private static void CheckUnused(BoardPinMap map, int[] pins)
        {
            for (int i = 0; i < map.Count; i++)
            {
                for (int j = 0; j < pins.Length; j++)
                {
                    Assert.IsFalse(pins[j] == map.Get(i).PinNumber, map.BoardName + ": " + PinFunctions.Name(map.Get(i).Function) + " on " + map.Get(i).PinName);
                }
            }
        }

        private static void CheckNoPinUsedTwice(BoardPinMap map)
        {
            for (int i = 0; i < map.Count; i++)
            {
                for (int j = i + 1; j < map.Count; j++)
                {
                    PinAssignment a = map.Get(i);
                    PinAssignment b = map.Get(j);
                    if (a.PinNumber == b.PinNumber)
                    {
                        int kind = PinFunctions.BusLineKind(a.Function);
                        Assert.IsFalse(kind == PinFunctions.NotABusLine, map.BoardName + ": " + a.PinName);
                        Assert.AreEqual(kind, PinFunctions.BusLineKind(b.Function), map.BoardName + ": " + a.PinName);
                        Assert.AreEqual(a.BusInstance, b.BusInstance, map.BoardName + ": " + a.PinName);
                    }
                }
            }
        }
    }
}
