#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Session;
using V2G.Hal.Board;
using V2G.Protocol.GbT.Bms;
using V2G.Protocol.GbT.Charger;
using V2G.Sim.Plant.Board;

namespace V2G.UnitTests.Runtime
{
    /// <summary>
    /// A whole GB/T 27930 session through a board's wiring on the plant: the BMS simulator on the plant's CAN bus,
    /// the firmware through the MCP2515 model, CC1 through the monitor ADC model, the lock and aux supply through
    /// their pins, the converter through its analog interface, the contactors through their coils and mirrors.
    /// </summary>
    [TestClass]
    public class GbtSessionOnBoardTests
    {
        // 60 kWh from 40 % to 40.3 %: 180 Wh, about 25 s of simulated charging at the 30 kW the controller allows.
        private const double StartSocPercent = 40;
        private const double TargetSocPercent = 40.3;

        [TestMethod]
        public void TheEsp32GbtBoardChargesAWholeSessionAndEndsItCleanly()
        {
            AWholeSession(V2G.Boards.Esp32.Esp32PinMap.CreateGbt(), V2G.Boards.Esp32.Esp32PinMap.MonitorGbtCc1Channel);
        }

        [TestMethod]
        public void TheStm32BoardChargesAWholeGbtSessionAndEndsItCleanly()
        {
            AWholeSession(V2G.Boards.Stm32.Stm32PinMap.Create(), V2G.Boards.Stm32.Stm32PinMap.MonitorGbtCc1Channel);
        }

        private static void AWholeSession(BoardPinMap map, int cc1Channel)
        {
            var rig = new PlantBoard(map, cc1Channel, StartSocPercent);
            PlantBoardGbtVehicle vehicle = rig.AttachGbtVehicle(TargetSocPercent, 100);
            rig.Ticks(10);
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "healthy before plug-in");
            double startWh = rig.Plant.Battery.SocPercent * rig.Plant.Battery.CapacityWh / 100;

            vehicle.PlugIn();
            Assert.IsTrue(rig.TickUntil(ChargerState.EnergyTransfer, 500), "energy transfer within 10 s of plug-in: " + ((int)rig.Runtime.Controller.State).ToString());
            Assert.IsTrue(rig.Plant.Positive.IsFeedbackClosed && rig.Plant.Negative.IsFeedbackClosed, "contactors closed");
            Assert.IsTrue(rig.Runtime.Wiring.Coupler.IsLocked, "the coupler is locked while charging");

            int ticks = 0;
            while (rig.Runtime.Gbt.Stage != GbtChargerStage.Ended && ticks < 3000)
            {
                rig.Tick();
                ticks++;
            }

            Assert.AreEqual(GbtChargerStage.Ended, rig.Runtime.Gbt.Stage, "the session ended within 60 s of charging");
            Assert.IsNull(rig.Runtime.Gbt.LastFailure, "no failure on the way");
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "no fault");

            double deliveredWh = rig.Plant.Battery.SocPercent * rig.Plant.Battery.CapacityWh / 100 - startWh;
            double meteredWh = rig.Runtime.Controller.Energy.ChargedWh;
            Assert.IsTrue(rig.Plant.Battery.SocPercent >= TargetSocPercent, "the BMS's target was reached: " + rig.Plant.Battery.SocPercent.ToString());
            Assert.IsTrue(deliveredWh > 150, "energy into the battery: " + deliveredWh.ToString() + " Wh");
            Assert.IsTrue(meteredWh > deliveredWh * 0.9 && meteredWh < deliveredWh * 1.1, "the controller's count " + meteredWh.ToString() + " Wh against the battery's " + deliveredWh.ToString() + " Wh");

            for (int i = 0; i < 50; i++)
            {
                rig.Tick();
            }

            Assert.IsFalse(rig.Plant.Positive.IsFeedbackClosed || rig.Plant.Negative.IsFeedbackClosed, "contactors open");
            Assert.IsFalse(rig.Plant.Coupler.IsOn, "aux supply off");
            Assert.IsFalse(rig.Plant.Coupler.IsLocked, "lock released");
            Assert.IsTrue(rig.Plant.Circuit.CurrentA < 0.5 && rig.Plant.Circuit.CurrentA > -0.5, "no current");

            vehicle.Unplug();
            Assert.IsTrue(rig.TickUntil(ChargerState.Idle, 100), "idle after unplug: " + ((int)rig.Runtime.Controller.State).ToString());
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "no fault after unplug");
        }
    }
}
