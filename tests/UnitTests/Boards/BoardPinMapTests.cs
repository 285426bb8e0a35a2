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
    /// The reference boards' pin maps (boards/esp32/PinMap.cs: a CCS and a GB/T variant;
    /// boards/stm32/PinMap.cs: both connectors): no pin used twice except the shared SPI lines, every
    /// function the board's connectors need bound, the module's own pins left alone. The reserved pins and
    /// the firmware targets' channel and routing tables are restated here from their sources, not read
    /// from the map, so a map that drifts from them is caught.
    /// </summary>
    [TestClass]
    public class BoardPinMapTests
    {
        private static BoardPinMap[] AllMaps()
        {
            return new BoardPinMap[] { Esp32PinMap.CreateCcs(), Esp32PinMap.CreateGbt(), Stm32PinMap.Create() };
        }

        private static BoardPinMap[] Esp32Maps()
        {
            return new BoardPinMap[] { Esp32PinMap.CreateCcs(), Esp32PinMap.CreateGbt() };
        }

        [TestMethod]
        public void EveryMapOfEveryBoardPassesTheCheckForItsConnectors()
        {
            BoardPinMap[] maps = AllMaps();
            for (int i = 0; i < maps.Length; i++)
            {
                Assert.IsNull(maps[i].FirstProblem(), maps[i].BoardName);
            }
        }

        [TestMethod]
        public void EachMapIsDrawnForTheConnectorsItsVariantNames()
        {
            Assert.IsTrue(Esp32PinMap.CreateCcs().Connectors == BoardConnectors.Ccs);
            Assert.IsTrue(Esp32PinMap.CreateGbt().Connectors == BoardConnectors.Gbt);
            Assert.IsTrue(Stm32PinMap.Create().Connectors == BoardConnectors.CcsAndGbt);
        }

        [TestMethod]
        public void NoPinOfAnyMapIsUsedTwiceExceptTheSameSpiLineOfOneBus()
        {
            BoardPinMap[] maps = AllMaps();
            for (int i = 0; i < maps.Length; i++)
            {
                CheckNoPinUsedTwice(maps[i]);
            }
        }

        [TestMethod]
        public void EveryMapBindsEveryFunctionItsConnectorsRequire()
        {
            PinFunction[] all = PinFunctions.All();
            BoardPinMap[] maps = AllMaps();
            for (int m = 0; m < maps.Length; m++)
            {
                for (int i = 0; i < all.Length; i++)
                {
                    if (PinFunctions.IsRequired(all[i], maps[m].Connectors))
                    {
                        Assert.IsNotNull(maps[m].Find(all[i]), maps[m].BoardName + ": " + PinFunctions.Name(all[i]));
                    }
                }
            }
        }

        [TestMethod]
        public void TheEsp32CcsVariantBindsNothingOfGbt()
        {
            CheckNothingOf(Esp32PinMap.CreateCcs(), BoardConnectors.Gbt);
            Assert.IsNotNull(Esp32PinMap.CreateCcs().Find(PinFunction.PlcInt));
        }

        [TestMethod]
        public void TheEsp32GbtVariantBindsNothingOfCcs()
        {
            CheckNothingOf(Esp32PinMap.CreateGbt(), BoardConnectors.Ccs);
            Assert.IsNotNull(Esp32PinMap.CreateGbt().Find(PinFunction.CanInt));
        }

        [TestMethod]
        public void TheStm32BindsEveryFunction()
        {
            PinFunction[] all = PinFunctions.All();
            BoardPinMap map = Stm32PinMap.Create();
            for (int i = 0; i < all.Length; i++)
            {
                Assert.IsNotNull(map.Find(all[i]), PinFunctions.Name(all[i]));
            }
        }

        [TestMethod]
        public void TheMonitorAdcSharesTheMeteringBusOnEveryMap()
        {
            BoardPinMap[] maps = AllMaps();
            for (int i = 0; i < maps.Length; i++)
            {
                BoardPinMap map = maps[i];
                Assert.AreEqual(map.PinOf(PinFunction.MeteringSpiSck), map.PinOf(PinFunction.MonitorAdcSpiSck), map.BoardName);
                Assert.AreEqual(map.PinOf(PinFunction.MeteringSpiMosi), map.PinOf(PinFunction.MonitorAdcSpiMosi), map.BoardName);
                Assert.AreEqual(map.PinOf(PinFunction.MeteringSpiMiso), map.PinOf(PinFunction.MonitorAdcSpiMiso), map.BoardName);
                Assert.AreEqual(map.Find(PinFunction.MeteringSpiCs).BusInstance, map.Find(PinFunction.MonitorAdcSpiCs).BusInstance, map.BoardName);
            }
        }

        [TestMethod]
        public void TheMonitorAdcChannelsAreDistinctAndOnTheEightChannels()
        {
            int[] esp32 =
            {
                Esp32PinMap.MonitorConverterVoltageChannel, Esp32PinMap.MonitorConverterCurrentChannel,
                Esp32PinMap.MonitorConnectorVoltageChannel, Esp32PinMap.MonitorHeatsinkTemperatureChannel, Esp32PinMap.MonitorGbtCc1Channel,
            };
            int[] stm32 =
            {
                Stm32PinMap.MonitorConverterVoltageChannel, Stm32PinMap.MonitorConverterCurrentChannel,
                Stm32PinMap.MonitorConnectorVoltageChannel, Stm32PinMap.MonitorHeatsinkTemperatureChannel, Stm32PinMap.MonitorGbtCc1Channel,
            };
            CheckDistinctChannels(esp32);
            CheckDistinctChannels(stm32);
        }

        [TestMethod]
        public void ActiveLowIsMarkedExactlyWhereTheNotesSayActiveLow()
        {
            BoardPinMap[] maps = AllMaps();
            for (int m = 0; m < maps.Length; m++)
            {
                for (int i = 0; i < maps[m].Count; i++)
                {
                    PinAssignment a = maps[m].Get(i);
                    bool saysLow = a.Notes.IndexOf("active low") >= 0 || a.Notes.IndexOf("active-low") >= 0 || a.Notes.IndexOf("low (asserted)") >= 0;
                    Assert.AreEqual(saysLow, a.ActiveLow, maps[m].BoardName + ": " + a.PinName + " " + a.Notes);
                }
            }
        }

        [TestMethod]
        public void ChipSelectsFaultLinesTheCanInterruptAndTheEmergencyStopAreActiveLow()
        {
            PinFunction[] low =
            {
                PinFunction.PowerStageFault, PinFunction.EmergencyStopInput, PinFunction.MonitorAdcSpiCs, PinFunction.MeteringSpiCs,
                PinFunction.CanSpiCs, PinFunction.PlcSpiCs, PinFunction.CanInt, PinFunction.MeteringIrq,
            };
            BoardPinMap[] maps = AllMaps();
            for (int m = 0; m < maps.Length; m++)
            {
                for (int i = 0; i < low.Length; i++)
                {
                    PinAssignment a = maps[m].Find(low[i]);
                    if (a != null)
                    {
                        Assert.IsTrue(a.ActiveLow, maps[m].BoardName + ": " + PinFunctions.Name(low[i]));
                    }
                }

                // The QCA7000's INT is a rising edge (firmware/Drivers/Qca7000/README.md).
                PinAssignment plcInt = maps[m].Find(PinFunction.PlcInt);
                Assert.IsTrue(plcInt == null || !plcInt.ActiveLow, maps[m].BoardName + ": PlcInt");
            }
        }

        [TestMethod]
        public void TheEsp32FlashPinsAndTheDebuggerUartAreUnused()
        {
            int[] modulePins = { 1, 3, 6, 7, 8, 9, 10, 11 };
            CheckUnused(Esp32PinMap.CreateCcs(), modulePins);
            CheckUnused(Esp32PinMap.CreateGbt(), modulePins);
        }

        [TestMethod]
        public void TheEsp32UsesOnlyPinsTheChipBondsOut()
        {
            BoardPinMap[] maps = Esp32Maps();
            for (int m = 0; m < maps.Length; m++)
            {
                for (int i = 0; i < maps[m].Count; i++)
                {
                    int pin = maps[m].Get(i).PinNumber;
                    Assert.IsTrue(pin >= 0 && pin <= 39 && pin != 20 && pin != 24 && (pin < 28 || pin > 31), maps[m].Get(i).PinName);
                }
            }
        }

        [TestMethod]
        public void TheEsp32InputOnlyPinsCarryOnlyInputs()
        {
            BoardPinMap[] maps = Esp32Maps();
            for (int m = 0; m < maps.Length; m++)
            {
                for (int i = 0; i < maps[m].Count; i++)
                {
                    PinAssignment a = maps[m].Get(i);
                    if (a.PinNumber >= 34 && a.PinNumber <= 39)
                    {
                        Assert.IsTrue(IsInput(a.Function), a.PinName + " is input-only but carries " + PinFunctions.Name(a.Function));
                    }
                }
            }
        }

        [TestMethod]
        public void EveryEsp32StrappingPinInUseSaysWhyItsResetLevelIsSafe()
        {
            int[] strapping = { 0, 2, 5, 12, 15 };
            BoardPinMap[] maps = Esp32Maps();
            for (int m = 0; m < maps.Length; m++)
            {
                for (int i = 0; i < maps[m].Count; i++)
                {
                    PinAssignment a = maps[m].Get(i);
                    for (int j = 0; j < strapping.Length; j++)
                    {
                        if (a.PinNumber == strapping[j])
                        {
                            Assert.IsTrue(a.Notes.IndexOf("strapping:") == 0, a.PinName + ": " + a.Notes);
                        }
                    }
                }
            }
        }

        [TestMethod]
        public void TheEsp32AnalogInputsAreOnAdc1WithTheirAdc1Channel()
        {
            // ESP-IDF: ADC1 channel n is GPIO36, 37, 38, 39, 32, 33, 34, 35 for n = 0..7 (ADC2 is lost to Wi-Fi);
            // nanoFramework's ESP32 AdcController channel n < 8 is ADC1 channel n.
            int[] adc1Gpio = { 36, 37, 38, 39, 32, 33, 34, 35 };
            BoardPinMap map = Esp32PinMap.CreateCcs();
            PinFunction[] analog = { PinFunction.ControlPilotAdc, PinFunction.ProximityAdc };
            for (int i = 0; i < analog.Length; i++)
            {
                PinAssignment a = map.Find(analog[i]);
                Assert.IsTrue(a.BusInstance >= 0 && a.BusInstance < adc1Gpio.Length, a.PinName);
                Assert.AreEqual(adc1Gpio[a.BusInstance], a.PinNumber, a.PinName);
            }

            Assert.AreEqual(Esp32PinMap.ControlPilotAdcChannel, map.Find(PinFunction.ControlPilotAdc).BusInstance);
            Assert.AreEqual(Esp32PinMap.ProximityAdcChannel, map.Find(PinFunction.ProximityAdc).BusInstance);
        }

        [TestMethod]
        public void TheStm32AnalogInputsUseTheTargetsAdcChannelTable()
        {
            // nf-Community-Targets ST_NUCLEO144_F746ZG AdcChannels: 0 = PA3, 1 = PC0, 2 = PC3, 3 = PF3, 4 = PF5,
            // 5 = PF10, 6 = PB1, 7 = PC2, 8 = PF4.
            int[] channelPin = { 3, 32 + 0, 32 + 3, 80 + 3, 80 + 5, 80 + 10, 16 + 1, 32 + 2, 80 + 4 };
            BoardPinMap map = Stm32PinMap.Create();
            PinFunction[] analog = { PinFunction.ControlPilotAdc, PinFunction.ProximityAdc };
            for (int i = 0; i < analog.Length; i++)
            {
                PinAssignment a = map.Find(analog[i]);
                Assert.IsTrue(a.BusInstance >= 0 && a.BusInstance < channelPin.Length, a.PinName);
                Assert.AreEqual(channelPin[a.BusInstance], a.PinNumber, a.PinName);
            }
        }

        [TestMethod]
        public void TheStm32SpiAndUartAreOnThePinsTheTargetRoutes()
        {
            // The target enables SPI5 only, on PF7 (SCK), PF8 (MISO), PF9 (MOSI); USART6 on PC6 (TX) / PC7 (RX).
            BoardPinMap map = Stm32PinMap.Create();
            PinFunction[] sck = { PinFunction.MeteringSpiSck, PinFunction.CanSpiSck, PinFunction.PlcSpiSck, PinFunction.MonitorAdcSpiSck };
            PinFunction[] miso = { PinFunction.MeteringSpiMiso, PinFunction.CanSpiMiso, PinFunction.PlcSpiMiso, PinFunction.MonitorAdcSpiMiso };
            PinFunction[] mosi = { PinFunction.MeteringSpiMosi, PinFunction.CanSpiMosi, PinFunction.PlcSpiMosi, PinFunction.MonitorAdcSpiMosi };
            for (int i = 0; i < sck.Length; i++)
            {
                Assert.AreEqual(80 + 7, map.PinOf(sck[i]));
                Assert.AreEqual(80 + 8, map.PinOf(miso[i]));
                Assert.AreEqual(80 + 9, map.PinOf(mosi[i]));
                Assert.AreEqual(5, map.Find(sck[i]).BusInstance);
            }

            Assert.AreEqual(32 + 6, map.PinOf(PinFunction.DiagnosticsUartTx));
            Assert.AreEqual(32 + 7, map.PinOf(PinFunction.DiagnosticsUartRx));
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
                case PinFunction.MonitorAdcSpiMiso:
                case PinFunction.CanSpiMiso:
                case PinFunction.CanInt:
                case PinFunction.PlcSpiMiso:
                case PinFunction.PlcInt:
                case PinFunction.ControlPilotAdc:
                case PinFunction.ProximityAdc:
                case PinFunction.DiagnosticsUartRx:
                case PinFunction.GbtLockFeedback:
                    return true;
                default:
                    return false;
            }
        }

        private static void CheckNothingOf(BoardPinMap map, BoardConnectors other)
        {
            for (int i = 0; i < map.Count; i++)
            {
                PinFunction f = map.Get(i).Function;
                Assert.IsFalse(PinFunctions.ConnectorsServed(f) == other, map.BoardName + " binds " + PinFunctions.Name(f));
            }
        }

        private static void CheckDistinctChannels(int[] channels)
        {
            for (int i = 0; i < channels.Length; i++)
            {
                Assert.IsTrue(channels[i] >= 0 && channels[i] <= 7);
                for (int j = i + 1; j < channels.Length; j++)
                {
                    Assert.IsFalse(channels[i] == channels[j]);
                }
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
