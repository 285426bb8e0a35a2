using V2G.Firmware.Control;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Sim.Plant.Electrical;
using V2G.Sim.Plant.Grid;
using V2G.Sim.Plant.Vehicle;

namespace V2G.Sim.Plant.Board
{
    /// <summary>
    /// The simulator board: the controller wired to the plant models through the HAL, plus the
    /// simulated vehicle on the EV session port. <see cref="RunTick"/> advances the plant by one
    /// control period in small steps, lets the vehicle speak, then runs the controller's tick,
    /// as the device's control thread would find the world at each period.
    /// </summary>
    public sealed class SimulatedCharger
    {
        /// <summary>Plant integration step, ms: well below the converter's 15 ms time constant.</summary>
        public const int PlantStepMs = 2;

        public SimulatedCharger(ChargerSettings settings, double batteryKWh, double initialSocPercent, double gridNominalHz)
        {
            Settings = settings;
            Clock = new SimClock();
            Stage = new SimPowerStage(settings.MaxChargeCurrentA, settings.MaxVoltageV);
            Positive = new SimContactor(25, 15);
            Negative = new SimContactor(25, 15);
            VehicleContactor = new SimContactor(30, 20);
            Connector = new SimVoltageSense();

            // A 400 V class pack: 96 cells in series.
            Battery = new Battery(batteryKWh, 96, 0.08, initialSocPercent, 25);
            Circuit = new DcCircuit(Stage, Positive, Negative, VehicleContactor, Battery, Connector);
            Insulation = new SimInsulationMonitor(5000000);
            EmergencyStop = new SimEmergencyStop();
            Grid = new SimGrid(gridNominalHz, gridNominalHz == 60 ? 120 : 230);
            Meter = new SimEnergyMeter();
            Watchdog = new SimWatchdog(Clock, false);

            DcOutput output = new DcOutput(Stage, Positive, Negative, null, Connector);
            Hardware = new ChargerHardware(Clock, output, Insulation, EmergencyStop, Grid, Meter, Watchdog);
            Controller = new ChargeController(settings, Hardware);
            Vehicle = new SimVehicle(Controller, Battery, VehicleContactor);
        }

        public ChargerSettings Settings { get; }

        public SimClock Clock { get; }

        public SimPowerStage Stage { get; }

        public SimContactor Positive { get; }

        public SimContactor Negative { get; }

        public SimContactor VehicleContactor { get; }

        public SimVoltageSense Connector { get; }

        public Battery Battery { get; }

        public DcCircuit Circuit { get; }

        public SimInsulationMonitor Insulation { get; }

        public SimEmergencyStop EmergencyStop { get; }

        public SimGrid Grid { get; }

        public SimEnergyMeter Meter { get; }

        public SimWatchdog Watchdog { get; }

        public ChargerHardware Hardware { get; }

        public ChargeController Controller { get; }

        public SimVehicle Vehicle { get; }

        /// <summary>
        /// When true (the default) the plain vehicle model speaks on the EV session port during the
        /// plant steps; false when a protocol stack (the ISO 15118-20 EV simulator) drives the session.
        /// </summary>
        public bool SimpleVehicleEnabled { get; set; } = true;

        /// <summary>One control period: plant steps (with the plain vehicle's messages), then the controller's tick.</summary>
        public void RunTick()
        {
            StepPlant();
            TickController();
        }

        /// <summary>Advances the plant by one control period in <see cref="PlantStepMs"/> steps.</summary>
        public void StepPlant()
        {
            int period = Settings.TickPeriodMs;
            for (int t = 0; t < period; t += PlantStepMs)
            {
                Clock.Advance(PlantStepMs);
                Circuit.Step(PlantStepMs);
                Insulation.Step(PlantStepMs);
                Grid.Step(PlantStepMs);
                Meter.Step(Circuit.PowerW + Stage.LossW, PlantStepMs);
                Watchdog.Check();
                if (SimpleVehicleEnabled)
                {
                    Vehicle.Step(Clock.NowMs);
                }
            }
        }

        /// <summary>The controller's tick, as the device's control thread runs it at the end of each period.</summary>
        public void TickController()
        {
            Controller.Tick();
        }
    }
}
