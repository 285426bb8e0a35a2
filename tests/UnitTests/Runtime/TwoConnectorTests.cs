#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Ccs;
using V2G.Firmware.Session;
using V2G.Hal.Board;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Slac;
using V2G.Sim.Plant.Board;

namespace V2G.UnitTests.Runtime
{
    /// <summary>
    /// Both connectors of the STM32 board on the plant at once: the runtime serves one vehicle at a time, the first
    /// to arrive owning the output until its session is back at Unplugged (ChargerRuntime.ActiveConnector).
    /// <para>
    /// The plant has one step-task slot (<see cref="PlantPeripherals.StepTask"/>) which each vehicle's constructor
    /// takes; <see cref="BothVehicles"/> steps both. The plant has one DC circuit, battery and vehicle contactor,
    /// which the GB/T vehicle drives; the CCS vehicle below ISO 15118 has no DC side (its pilot, proximity and SLAC only).
    /// </para>
    /// </summary>
    [TestClass]
    public class TwoConnectorTests
    {
        private const int TickMs = 20;

        [TestMethod]
        public void ACcsVehicleFirstOwnsTheOutputAndTheGbtVehicleChargesAfterIt()
        {
            var rig = new PlantBoard(V2G.Boards.Stm32.Stm32PinMap.Create(), V2G.Boards.Stm32.Stm32PinMap.MonitorGbtCc1Channel, 40);
            PlantBoardGbtVehicle gbt = rig.AttachGbtVehicle(45, 100);
            var ccs = new PlantBoardCcsVehicle(rig.Plant, new SlacPevSettings());
            rig.Plant.StepTask = new BothVehicles(gbt, ccs);
            rig.Ticks(10);
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "healthy before plug-in");
            Assert.AreEqual(BoardConnectors.None, rig.Runtime.ActiveConnector, "no vehicle: no owner");

            // The CCS vehicle arrives first and matches over SLAC.
            ccs.PlugIn();
            int ticks = 0;
            while (!ccs.Vehicle.IsMatched && ticks < 500)
            {
                rig.Tick();
                ticks++;
            }

            Assert.IsTrue(ccs.Vehicle.IsMatched, "the CCS vehicle matched over SLAC");
            Assert.AreEqual(BoardConnectors.Ccs, rig.Runtime.ActiveConnector, "the CCS vehicle owns the output");

            // The GB/T vehicle is plugged meanwhile: 10 s with both plugged, longer than its whole way to energy
            // transfer alone (GbtSessionOnBoardTests: within 10 s).
            gbt.PlugIn();
            for (int i = 0; i < 500; i++)
            {
                rig.Tick();
                Assert.AreEqual(GbtChargerStage.Unplugged, rig.Runtime.Gbt.Stage, "the GB/T session does not start while CCS owns the output");
                Assert.IsFalse(rig.Plant.Coupler.IsOn, "the coupler's auxiliary supply stays off");
                Assert.IsFalse(rig.Plant.Coupler.IsLocked, "the coupler's lock stays released");
                Assert.IsFalse(rig.Plant.Positive.IsFeedbackClosed || rig.Plant.Negative.IsFeedbackClosed, "the contactors stay open");
                Assert.AreEqual(BoardConnectors.Ccs, rig.Runtime.ActiveConnector, "CCS keeps the output");
            }

            Assert.IsTrue(rig.Plant.Coupler.IsPlugged, "the GB/T plug is in all along");
            Assert.IsTrue(rig.Runtime.Ccs.IsLinkReady, "the CCS link went on to link ready");
            Assert.IsTrue(rig.Runtime.Slac.IsMatched, "the charger's SLAC matched");
            Assert.AreEqual(500, rig.Plant.Pilot.DutyCycle, "the pilot's PWM at 5 % on the wire");
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "no fault with both plugged");
            Assert.IsNull(rig.Runtime.Gbt.LastFailure, "no GB/T failure logged");

            // The CCS vehicle leaves: its connection goes back to Unplugged, then the GB/T session starts.
            long ccsUnpluggedMs = rig.Plant.Clock.NowMs;
            ccs.Unplug(ccsUnpluggedMs);
            ticks = 0;
            while (rig.Runtime.Ccs.Phase != CcsPhase.Unplugged && ticks < 100)
            {
                rig.Tick();
                ticks++;
            }

            Assert.AreEqual(CcsPhase.Unplugged, rig.Runtime.Ccs.Phase, "the CCS connection back at Unplugged");
            Assert.AreEqual(BoardConnectors.None, rig.Runtime.ActiveConnector, "CCS released the output, in the tick its connection went back to Unplugged");

            double startWh = rig.Plant.Battery.SocPercent * rig.Plant.Battery.CapacityWh / 100;
            Assert.IsTrue(rig.TickUntil(ChargerState.EnergyTransfer, 500), "GB/T energy transfer within 10 s of the CCS unplug: " + ((int)rig.Runtime.Controller.State).ToString()
                + ", GB/T stage " + ((int)rig.Runtime.Gbt.Stage).ToString());
            Assert.AreEqual(BoardConnectors.Gbt, rig.Runtime.ActiveConnector, "the GB/T vehicle owns the output");
            Assert.IsTrue(rig.Plant.Positive.IsFeedbackClosed && rig.Plant.Negative.IsFeedbackClosed, "contactors closed");
            Assert.IsTrue(rig.Plant.Coupler.IsOn, "aux supply on");
            Assert.IsTrue(rig.Plant.Coupler.IsLocked, "the coupler is locked while charging");

            rig.Ticks(250);
            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Runtime.Controller.State, "still charging 5 s later");
            Assert.AreEqual(GbtChargerStage.Charging, rig.Runtime.Gbt.Stage, "the GB/T session in its charging stage");
            double deliveredWh = rig.Plant.Battery.SocPercent * rig.Plant.Battery.CapacityWh / 100 - startWh;
            Assert.IsTrue(deliveredWh > 10, "energy into the battery: " + deliveredWh.ToString() + " Wh");
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "no fault");
            Assert.IsNull(rig.Runtime.Gbt.LastFailure, "no GB/T failure");
        }

        [TestMethod]
        public void AGbtVehicleChargingOwnsTheOutputAndACcsVehicleIsNotServed()
        {
            var rig = new PlantBoard(V2G.Boards.Stm32.Stm32PinMap.Create(), V2G.Boards.Stm32.Stm32PinMap.MonitorGbtCc1Channel, 40);
            PlantBoardGbtVehicle gbt = rig.AttachGbtVehicle(45, 100);
            var ccs = new PlantBoardCcsVehicle(rig.Plant, new SlacPevSettings());
            rig.Plant.StepTask = new BothVehicles(gbt, ccs);
            rig.Ticks(10);
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "healthy before plug-in");

            gbt.PlugIn();
            Assert.IsTrue(rig.TickUntil(ChargerState.EnergyTransfer, 500), "GB/T energy transfer within 10 s of plug-in: " + ((int)rig.Runtime.Controller.State).ToString());
            Assert.AreEqual(BoardConnectors.Gbt, rig.Runtime.ActiveConnector, "the GB/T vehicle owns the output");

            // The CCS vehicle is plugged meanwhile: 10 s, twice the 5 s it takes to match alone (CcsLinkOnBoardTests).
            double startWh = rig.Plant.Battery.SocPercent * rig.Plant.Battery.CapacityWh / 100;
            double startMeteredWh = rig.Runtime.Controller.Energy.ChargedWh;
            int framesFromHost = rig.Plant.PlcChip.FramesFromHost;
            ccs.PlugIn();
            for (int i = 0; i < 500; i++)
            {
                rig.Tick();
                Assert.IsFalse(ccs.Vehicle.IsMatched, "the CCS vehicle does not match");
                Assert.IsFalse(rig.Runtime.Slac.IsMatched, "the charger's SLAC does not match");
                Assert.IsTrue(rig.Plant.Pilot.DutyCycle != 500, "no 5 % pilot on the wire");
                Assert.AreEqual(CcsPhase.Unplugged, rig.Runtime.Ccs.Phase, "the CCS connection does not start");
                Assert.AreEqual(BoardConnectors.Gbt, rig.Runtime.ActiveConnector, "GB/T keeps the output");
                Assert.AreEqual(ChargerState.EnergyTransfer, rig.Runtime.Controller.State, "the GB/T vehicle keeps charging");
                Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "no fault");
            }

            Assert.IsTrue(ccs.Vehicle.Pilot.IsPlugged, "the CCS plug is in all along");
            Assert.IsTrue(rig.Runtime.Ccs.DutyCycleHundredthsPercent != 500, "the firmware's pilot not at 5 %");
            Assert.AreEqual(framesFromHost, rig.Plant.PlcChip.FramesFromHost, "no SLAC frame went out of the charger's modem");
            Assert.AreEqual(GbtChargerStage.Charging, rig.Runtime.Gbt.Stage, "the GB/T session in its charging stage");
            Assert.IsTrue(rig.Plant.Positive.IsFeedbackClosed && rig.Plant.Negative.IsFeedbackClosed, "contactors closed");
            Assert.IsTrue(rig.Plant.Coupler.IsOn && rig.Plant.Coupler.IsLocked, "aux supply on, coupler locked");
            Assert.IsNull(rig.Runtime.Gbt.LastFailure, "no GB/T failure");
            double deliveredWh = rig.Plant.Battery.SocPercent * rig.Plant.Battery.CapacityWh / 100 - startWh;
            double meteredWh = rig.Runtime.Controller.Energy.ChargedWh - startMeteredWh;
            Assert.IsTrue(deliveredWh > 20, "energy into the battery with both plugged: " + deliveredWh.ToString() + " Wh");
            Assert.IsTrue(meteredWh > deliveredWh * 0.9 && meteredWh < deliveredWh * 1.1, "the controller's count " + meteredWh.ToString() + " Wh against the battery's " + deliveredWh.ToString() + " Wh");
        }

        /// <summary>Steps both vehicles at every plant step: the plant holds one step task.</summary>
        private sealed class BothVehicles : IPlantStepTask
        {
            private readonly PlantBoardGbtVehicle _gbt;
            private readonly PlantBoardCcsVehicle _ccs;

            public BothVehicles(PlantBoardGbtVehicle gbt, PlantBoardCcsVehicle ccs)
            {
                _gbt = gbt;
                _ccs = ccs;
            }

            public void Step(long nowMs)
            {
                _gbt.Step(nowMs);
                _ccs.Step(nowMs);
            }
        }
    }
}
