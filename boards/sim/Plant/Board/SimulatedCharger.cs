using V2G.Firmware.Ccs;
using V2G.Firmware.Control;
using V2G.Firmware.Pilot;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;
using V2G.Sim.Plant.Pilot;
using V2G.Sim.Plant.Plc;
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
        /// <summary>Plant integration step, ms: well below the converter's 20 ms time constant.</summary>
        public const int PlantStepMs = 2;

        public SimulatedCharger(ChargerSettings settings, double batteryKWh, double initialSocPercent, double gridNominalHz)
        {
            Settings = settings;
            Clock = new SimClock();
            Stage = new SimPowerStage(settings.MaxChargeCurrentA, settings.MaxVoltageV);
            if (settings.ConverterTimeConstantMs <= 0)
            {
                // The board knows its converter: the simulator's is the plant model's.
                settings.ConverterTimeConstantMs = Stage.CurrentTimeConstantMs;
            }

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
            settings.GridNominalVoltageV = Grid.RmsVoltageV;
            Meter = new SimEnergyMeter();
            Watchdog = new SimWatchdog(Clock, false);

            DcOutput output = new DcOutput(Stage, Positive, Negative, null, Connector);
            Hardware = new ChargerHardware(Clock, output, Insulation, EmergencyStop, Grid, Meter, Watchdog);
            Controller = new ChargeController(settings, Hardware);

            // The board's record store on its flash (blank at the start of a run): droop settings applied
            // during the run are stored there, as on a device, where they survive a reboot.
            Flash = new V2G.Sim.Plant.Storage.SimulatedFlash(4096, 2);
            Store = new V2G.Firmware.Storage.FlashRecordStore(Flash, 16, 128);
            Controller.UseDroopStore(new V2G.Firmware.Grid.DroopSettingsStore(Store, V2G.Firmware.Grid.DroopSettingsStore.DefaultRecordId));

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

        /// <summary>The board's flash, holding its record store (droop settings).</summary>
        public V2G.Sim.Plant.Storage.SimulatedFlash Flash { get; }

        /// <summary>The board's record store on <see cref="Flash"/> (droop settings, the uplink's boot counter).</summary>
        public V2G.Firmware.Storage.FlashRecordStore Store { get; }

        /// <summary>
        /// The flash partition of the uplink's store-and-forward queue: 1 MiB of 4 KiB sectors, as a data
        /// partition on a 4 MiB ESP32 module (made when first asked for: most runs have no uplink).
        /// </summary>
        public V2G.Sim.Plant.Storage.SimulatedFlash UplinkFlash
        {
            get
            {
                if (_uplinkFlash == null)
                {
                    _uplinkFlash = new V2G.Sim.Plant.Storage.SimulatedFlash(UplinkFlashSectorBytes, UplinkFlashSectors);
                }

                return _uplinkFlash;
            }
        }

        public const int UplinkFlashSectorBytes = 4096;

        public const int UplinkFlashSectors = 256;

        private V2G.Sim.Plant.Storage.SimulatedFlash _uplinkFlash;

        public SimVehicle Vehicle { get; }

        /// <summary>The charger's host MAC on the PLC link (locally administered).</summary>
        public static readonly byte[] ChargerMac = { 0x02, 0x00, 0x00, 0x00, 0x15, 0x01 };

        /// <summary>The vehicle's host MAC on the PLC link (locally administered).</summary>
        public static readonly byte[] VehicleMac = { 0x02, 0x00, 0x00, 0x00, 0x15, 0x02 };

        /// <summary>The CCS connector's lower layers (pilot, proximity, SLAC), once <see cref="AttachCcs(MessageLog, PlcLinkSettings, PlcLinkImpairments, uint, CcsSettings)"/> ran; else null.</summary>
        public CcsConnection Ccs { get; private set; }

        /// <summary>The pilot wire with both ends' circuits (null without CCS).</summary>
        public PilotCircuit PilotCircuit { get; private set; }

        /// <summary>The plug's proximity resistor as the charger measures it (null without CCS).</summary>
        public ProximityCircuit ProximityCircuit { get; private set; }

        /// <summary>The HomePlug Green PHY medium and both modems (null without CCS).</summary>
        public VirtualPlcLink PlcLink { get; private set; }

        /// <summary>
        /// Wires the CCS connector below ISO 15118-20: the pilot circuit and the proximity contact to the
        /// firmware's <see cref="ControlPilot"/> and <see cref="ProximityMonitor"/>, the charger's modem to
        /// <see cref="SlacMatching"/>, and all of it to the controller through <see cref="CcsConnection"/>,
        /// which from then on says when a vehicle is connected and when communication may start.
        /// </summary>
        public CcsConnection AttachCcs(MessageLog log, PlcLinkSettings linkSettings, PlcLinkImpairments impairments, uint seed)
        {
            return AttachCcs(log, linkSettings, impairments, seed, null);
        }

        /// <summary>As <see cref="AttachCcs(MessageLog, PlcLinkSettings, PlcLinkImpairments, uint)"/>, with the connection's own settings (null: the defaults).</summary>
        public CcsConnection AttachCcs(MessageLog log, PlcLinkSettings linkSettings, PlcLinkImpairments impairments, uint seed, CcsSettings ccsSettings)
        {
            PilotCircuit = new PilotCircuit(seed);
            ProximityCircuit = new ProximityCircuit();
            PlcLink = new VirtualPlcLink(Clock, ChargerMac, VehicleMac, linkSettings ?? new PlcLinkSettings(), impairments ?? PlcLinkImpairments.None());
            var pilotSettings = new PilotSettings();
            var slac = new SlacMatching(new SlacSettings(), PlcLink.Charger, new SimEntropySource(seed), log);
            Ccs = new CcsConnection(ccsSettings ?? new CcsSettings(), Controller, new ControlPilot(PilotCircuit, pilotSettings), new ProximityMonitor(ProximityCircuit, pilotSettings), slac, Clock, log);
            return Ccs;
        }

        /// <summary>
        /// When true (the default) the plain vehicle model speaks on the EV session port during the
        /// plant steps; false when a protocol stack (the ISO 15118-20 EV simulator) drives the session.
        /// </summary>
        public bool SimpleVehicleEnabled { get; set; } = true;

        /// <summary>Run at every plant step (a protocol stack with short periods), or null.</summary>
        public IPlantStepTask StepTask { get; set; }

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
                // An island lives only while the converter feeds it: when the charger ceases to energize,
                // the island's voltage collapses.
                Grid.IslandSupported = Stage.IsEnabled && (Circuit.PowerW < -100 || Circuit.PowerW > 100);
                Grid.Step(PlantStepMs);
                Meter.Step(Circuit.PowerW + Stage.LossW, PlantStepMs);
                Watchdog.Check();
                if (SimpleVehicleEnabled)
                {
                    Vehicle.Step(Clock.NowMs);
                }

                if (StepTask != null)
                {
                    StepTask.Step(Clock.NowMs);
                }
            }
        }

        /// <summary>The controller's tick, as the device's control thread runs it at the end of each period.</summary>
        public void TickController()
        {
            // The connector's layers first, as on the device's control thread: the controller then
            // sees this period's pilot.
            if (Ccs != null)
            {
                Ccs.Tick();
            }

            Controller.Tick();

            // The board's housekeeping thread, which may wait for the flash, runs after the tick here.
            Controller.WritePendingBatteryState();
        }
    }
}
