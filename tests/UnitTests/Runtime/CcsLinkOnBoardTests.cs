#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Ccs;
using V2G.Firmware.Pilot;
using V2G.Firmware.Session;
using V2G.Hal.Board;
using V2G.Protocol.Slac;
using V2G.Sim.Plant.Board;

namespace V2G.UnitTests.Runtime
{
    /// <summary>
    /// The CCS connector below ISO 15118 through a board's wiring on the plant: the pilot through its PWM and the
    /// ADC burst sampler, the proximity through its divider, SLAC through the QCA7000 model on the PLC link, with
    /// the simulated vehicle's pilot circuit and SlacPev. The runtime stops at "link ready".
    /// </summary>
    [TestClass]
    public class CcsLinkOnBoardTests
    {
        [TestMethod]
        public void TheEsp32CcsBoardMatchesTheVehicleOverSlac()
        {
            MatchesOverSlac(V2G.Boards.Esp32.Esp32PinMap.CreateCcs(), V2G.Boards.Esp32.Esp32PinMap.MonitorGbtCc1Channel);
        }

        [TestMethod]
        public void TheStm32BoardMatchesACcsVehicleOverSlac()
        {
            MatchesOverSlac(V2G.Boards.Stm32.Stm32PinMap.Create(), V2G.Boards.Stm32.Stm32PinMap.MonitorGbtCc1Channel);
        }

        private static void MatchesOverSlac(BoardPinMap map, int cc1Channel)
        {
            var rig = new PlantBoard(map, cc1Channel, 40);
            var vehicle = new PlantBoardCcsVehicle(rig.Plant, new SlacPevSettings());
            rig.Ticks(10);
            Assert.AreEqual(PilotState.A, rig.Runtime.Ccs.PilotState, "nothing plugged: state A through the ADC sampler");
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "healthy before plug-in");

            long pluggedAtMs = rig.Plant.Clock.NowMs;
            vehicle.PlugIn();
            Assert.IsTrue(rig.TickUntil(ChargerState.EvConnected, 20), "the pilot's state B seen");
            Assert.IsTrue(rig.Runtime.Wiring.Proximity.ResistanceOhm > 1000 && rig.Runtime.Wiring.Proximity.ResistanceOhm < 2000, "the plug's 1.5 kΩ through the divider");

            int ticks = 0;
            while (!vehicle.Vehicle.IsMatched && ticks < 500)
            {
                rig.Tick();
                ticks++;
            }

            long matchedMs = rig.Plant.Clock.NowMs - pluggedAtMs;
            Assert.IsTrue(vehicle.Vehicle.IsMatched, "the vehicle's SlacPev matched");
            Assert.AreEqual(500, rig.Runtime.Ccs.DutyCycleHundredthsPercent, "5 % duty: digital communication offered");
            Assert.IsTrue(matchedMs < 5000, "matched " + matchedMs.ToString() + " ms after plug-in");

            // The modems then form one network (the PLC link's join time): "link ready", where the runtime stops.
            ticks = 0;
            while (!rig.Runtime.Ccs.IsLinkReady && ticks < 1000)
            {
                rig.Tick();
                ticks++;
            }

            Assert.IsTrue(rig.Runtime.Ccs.IsLinkReady, "link ready");
            Assert.IsTrue(rig.Runtime.Slac.IsMatched, "the charger's SLAC matched over the QCA7000 model");
            Assert.AreEqual(CcsPhase.LinkReady, rig.Runtime.Ccs.Phase);
            Assert.AreEqual(0, rig.Runtime.Controller.ActiveFaultCount, "no fault");
            Assert.IsTrue(rig.Plant.PlcChip.FramesFromHost > 0 && rig.Plant.PlcChip.FramesToHost > 0, "frames went through the chip model both ways");
        }
    }
}
