#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Runtime;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Hal.Board;
using V2G.Sim.Plant.Board;

namespace V2G.UnitTests.Runtime
{
    [TestClass]
    public class BoardWiringTests
    {
        [TestMethod]
        public void AMapWithAProblemIsRefused()
        {
            BoardSettings settings = PlantBoard.BoardFacts(4);
            var plant = new PlantPeripherals(settings, 100, 920, 60, 40, 50);
            var broken = new BoardPinMap("broken", "none", "none", BoardConnectors.Gbt, new PinAssignment[0], new int[0]);
            bool refused = false;
            try
            {
                new BoardWiring(broken, plant, plant.Clock, settings);
            }
            catch (System.ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "a map with unbound functions is refused");
        }

        /// <summary>One board fact left unset, as a fresh Configuration.cs leaves it: case <paramref name="unset"/> of the list below.</summary>
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        [DataRow(12)]
        public void AnUnsetBoardFactIsRefusedBeforeAnythingIsEnergised(int unset)
        {
            BoardSettings facts = PlantBoard.BoardFacts(4);
            var plant = new PlantPeripherals(facts, 100, 920, 60, 40, 50);
            BoardSettings settings = PlantBoard.BoardFacts(4);
            bool ccs = Unset(settings, unset);
            BoardPinMap map = ccs ? V2G.Boards.Stm32.Stm32PinMap.Create() : V2G.Boards.Esp32.Esp32PinMap.CreateGbt();
            bool refused = false;
            try
            {
                new BoardWiring(map, plant, plant.Clock, settings);
            }
            catch (System.ArgumentException)
            {
                refused = true;
            }

            plant.Advance(100);
            Assert.IsTrue(refused, "case " + unset.ToString() + " is refused");
            Assert.IsFalse(plant.Stage.IsEnabled, "the converter stays disabled");
            Assert.IsFalse(plant.Positive.IsCommandedClosed || plant.Negative.IsCommandedClosed, "the contactors stay open");
            Assert.IsFalse(plant.Precharge.State, "the precharge relay stays open");
            Assert.IsFalse(plant.Coupler.IsLocked, "the lock stays released");
        }

        // Unsets one fact; true when the case needs a map with CCS.
        private static bool Unset(BoardSettings s, int which)
        {
            switch (which)
            {
                case 0: s.MonitorAdc.ReferenceVoltageV = double.NaN; return false;
                case 1: s.MonitorAdcSpiMode = BoardSettings.Unset; return false;
                case 2: s.PowerStage.CurrentAtFullDutyA = double.NaN; return false;
                case 3: s.PowerStage.VoltageMonitorVPerV = double.NaN; return false;
                case 4: s.PowerStage.VoltageLoopIntegralAPerVs = double.NaN; return false;
                case 5: s.ConnectorVoltsPerMonitorVolt = double.NaN; return false;
                case 6: s.Metering.VoltsPerRmsCode = 0; return false;
                case 7: s.Insulation.AlarmThresholdOhm = double.NaN; return false;
                case 8: s.Coupler.Cc1VoltsPerAdcVolt = double.NaN; return false;
                case 9: s.Coupler.LockTravelTimeoutMs = 0; return false;
                case 10: s.Pilot.AdcOffsetV = double.NaN; return true;
                case 11: s.Proximity.PullUpOhm = double.NaN; return true;
                default: s.PlcMacAddress = null; return true;
            }
        }

        [TestMethod]
        public void TheEsp32GbtMapWiresTheGbtDriversAndNoCcsOnes()
        {
            var rig = new PlantBoard(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), 4);
            Assert.IsNotNull(rig.Wiring.CanController);
            Assert.IsNotNull(rig.Wiring.Coupler);
            Assert.IsNull(rig.Wiring.PlcModem);
            Assert.IsNotNull(rig.Runtime.Gbt);
        }

        [TestMethod]
        public void TheBoardBootsWithoutAFault()
        {
            // The e-stop driver reads "stop" until its chain has read closed for the release debounce: the runtime
            // holds the controller until then, or every boot would latch an emergency-stop fault.
            var rig = new PlantBoard(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), 4);
            rig.Tick();
            Assert.IsFalse(rig.Runtime.IsSettled, "settling during the e-stop's release debounce");
            rig.Ticks(10);
            Assert.IsTrue(rig.Runtime.IsSettled);
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "no fault after boot");
            Assert.AreEqual(ChargerState.Idle, rig.Runtime.Controller.State);
        }

        [TestMethod]
        public void AChainOpenAtBootIsStillAStop()
        {
            var rig = new PlantBoard(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), 4);
            rig.Plant.EmergencyStopPin.Level = true;
            rig.Ticks(10);
            Assert.IsTrue(rig.Wiring.EmergencyStop.IsActive);
            Assert.AreEqual(ChargerState.Fault, rig.Runtime.Controller.State);
        }

        [TestMethod]
        public void TheEmergencyStopPinStopsAChargingSessionWithinTheSettingsBound()
        {
            var rig = new PlantBoard(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), 4);
            var vehicle = rig.AttachGbtVehicle(80, 100);
            rig.Ticks(10);
            vehicle.PlugIn();
            Assert.IsTrue(rig.TickUntil(ChargerState.EnergyTransfer, 500));
            rig.Ticks(250);
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "healthy before the stop");
            Assert.IsTrue(rig.Plant.Positive.IsFeedbackClosed && rig.Plant.Negative.IsFeedbackClosed, "contactors closed before the stop");
            Assert.IsTrue(rig.Plant.Circuit.CurrentA > 50, "charging before the stop: " + rig.Plant.Circuit.CurrentA.ToString() + " A");

            // The promise: the chain's trip debounce, up to one tick to see it, then ContactorOpenDeadlineMs from the
            // converter's disable to the contactors' command; the plant's contactors take their opening time after that.
            ChargerSettings settings = rig.Runtime.Settings;
            long commandBoundMs = rig.Settings.EmergencyStopTripDebounceMs + 2 * settings.TickPeriodMs + settings.ContactorOpenDeadlineMs;
            long openBoundMs = commandBoundMs + ContactorOpeningMs;
            long pressedAtMs = rig.Plant.Clock.NowMs;
            rig.Plant.EmergencyStopPin.Level = true;
            long commandedOpenMs = -1;
            long currentZeroMs = -1;
            for (int i = 0; i < 50 && (commandedOpenMs < 0 || currentZeroMs < 0); i++)
            {
                rig.Plant.Advance(PlantPeripherals.StepMs);
                if (rig.Plant.Clock.NowMs % settings.TickPeriodMs == 0)
                {
                    rig.Runtime.RunControlTick();
                }

                long sinceMs = rig.Plant.Clock.NowMs - pressedAtMs;
                if (commandedOpenMs < 0 && !rig.Plant.Positive.IsCommandedClosed && !rig.Plant.Negative.IsCommandedClosed)
                {
                    commandedOpenMs = sinceMs;
                }

                if (currentZeroMs < 0 && rig.Plant.Circuit.CurrentA < 0.5 && rig.Plant.Circuit.CurrentA > -0.5)
                {
                    currentZeroMs = sinceMs;
                }
            }

            Assert.IsTrue(rig.Wiring.EmergencyStop.IsActive);
            Assert.AreEqual(ChargerState.Fault, rig.Runtime.Controller.State);
            Assert.IsTrue(commandedOpenMs >= 0 && commandedOpenMs <= commandBoundMs, "contactors commanded open " + commandedOpenMs.ToString() + " ms after the press (bound " + commandBoundMs.ToString() + " ms)");
            Assert.IsTrue(currentZeroMs >= 0 && currentZeroMs <= openBoundMs, "current zero " + currentZeroMs.ToString() + " ms after the press (bound " + openBoundMs.ToString() + " ms)");
            rig.Ticks(10);
            Assert.IsFalse(rig.Plant.Positive.IsFeedbackClosed || rig.Plant.Negative.IsFeedbackClosed, "contactors open");
        }

        // The plant's DC contactors' opening time, ms (PlantPeripherals builds them with SimContactor(25, 15)).
        private const int ContactorOpeningMs = 15;

        [TestMethod]
        public void AnInsulationThresholdNoCableCheckCouldPassIsRefused()
        {
            // 100 Ω/V × 920 V = 92 kΩ: an IMD set to alarm below 50 kΩ reports 50 kΩ at best, never enough.
            BoardSettings settings = PlantBoard.BoardFacts(4);
            settings.Insulation.AlarmThresholdOhm = 50000;
            var plant = new PlantPeripherals(settings, 100, 920, 60, 40, 50);
            var wiring = new BoardWiring(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), plant, plant.Clock, settings);
            bool refused = false;
            try
            {
                PlantBoard.Compose(wiring, plant);
            }
            catch (System.ArgumentException)
            {
                refused = true;
            }

            Assert.IsTrue(refused, "a 50 kΩ threshold is refused for a 920 V charger");

            settings.Insulation.AlarmThresholdOhm = 92000;
            plant = new PlantPeripherals(settings, 100, 920, 60, 40, 50);
            wiring = new BoardWiring(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), plant, plant.Clock, settings);
            Assert.IsNotNull(PlantBoard.Compose(wiring, plant), "exactly 100 Ω/V at 920 V is accepted");
        }

        [TestMethod]
        public void TheShellAnswersStatusOnTheUart()
        {
            var rig = new PlantBoard(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), 4);
            rig.Tick();
            rig.Plant.Uart.TakeOutput();
            rig.Plant.Uart.Type("status\r\n");
            for (int i = 0; i < 10; i++)
            {
                rig.Tick();
            }

            string output = rig.Plant.Uart.TakeOutput();
            Assert.IsTrue(output.IndexOf("Hz") >= 0, "[" + output + "]");
        }
    }
}
