using V2G.Firmware.Diagnostics;
using V2G.Firmware.Runtime;
using V2G.Firmware.Session;
using V2G.Protocol.GbT.Bms;
using V2G.Firmware.Settings;
using V2G.Hal.Board;
using V2G.Sim.Plant.Storage;

namespace V2G.Sim.Plant.Board
{
    /// <summary>
    /// A whole board on the host: a pin map's <see cref="BoardWiring"/> on <see cref="PlantPeripherals"/> and the
    /// <see cref="ChargerRuntime"/> composed on it with the plant's clock and in-memory services, stepped one control
    /// period at a time (the plant, the control tick, the other threads' work). The board facts are the plant's own
    /// scalings (<see cref="BoardFacts"/>), not a real board's. Used by the runtime's tests and the bench.
    /// </summary>
    public sealed class PlantBoard
    {
        public PlantBoard(BoardPinMap map, int cc1Channel)
            : this(map, cc1Channel, 40)
        {
        }

        /// <summary>A 60 kWh, 400 V class battery at <paramref name="initialSocPercent"/> on a 50 Hz grid.</summary>
        public PlantBoard(BoardPinMap map, int cc1Channel, double initialSocPercent)
        {
            Settings = BoardFacts(cc1Channel);
            Plant = new PlantPeripherals(Settings, 100, 920, 60, initialSocPercent, 50);
            Wiring = new BoardWiring(map, Plant, Plant.Clock, Settings);
            Runtime = Compose(Wiring, Plant);
        }

        /// <summary>The runtime on <paramref name="wiring"/> with the plant's clock and in-memory services.</summary>
        public static ChargerRuntime Compose(BoardWiring wiring, PlantPeripherals plant)
        {
            var services = new BoardServices
            {
                Clock = plant.Clock,
                WallClock = new SimWallClock(plant.Clock, new System.DateTime(2025, 1, 1, 0, 0, 0)),
                Watchdog = new SimWatchdog(plant.Clock, false),
                RecordFlash = new SimulatedFlash(4096, 2),
                Entropy = new SimEntropySource(7),
                ShellHost = new PlantShellHost(plant.Clock),
                Shell = new ShellSettings(new byte[32]),
            };
            return new ChargerRuntime(new ChargerSettings(), wiring, services, new RuntimeSettings());
        }

        public BoardSettings Settings { get; }

        public PlantPeripherals Plant { get; }

        public BoardWiring Wiring { get; }

        public ChargerRuntime Runtime { get; }

        public void Tick()
        {
            Plant.Advance(Runtime.Settings.TickPeriodMs);
            Runtime.RunControlTick();
            Runtime.RunBackground();
        }

        /// <summary>Runs <paramref name="count"/> ticks.</summary>
        public void Ticks(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Tick();
            }
        }

        /// <summary>A GB/T vehicle on the plant's CAN bus asking for <paramref name="currentA"/> up to <paramref name="targetSocPercent"/>.</summary>
        public PlantBoardGbtVehicle AttachGbtVehicle(double targetSocPercent, double currentA)
        {
            var bms = new GbtBmsSettings();
            bms.TargetSocPercent = targetSocPercent;
            bms.ChargeCurrentA = currentA;
            return new PlantBoardGbtVehicle(Plant, bms);
        }

        /// <summary>Ticks until <paramref name="state"/> or <paramref name="maxTicks"/>; true if reached.</summary>
        public bool TickUntil(ChargerState state, int maxTicks)
        {
            for (int i = 0; i < maxTicks; i++)
            {
                if (Runtime.Controller.State == state)
                {
                    return true;
                }

                Tick();
            }

            return Runtime.Controller.State == state;
        }

        /// <summary>
        /// Board facts for the plant: the scalings its converter interface, monitor ADC, metering model and coupler
        /// circuit are built with (invented for the simulation, not a real board's). Code 0 of the monitor ADC is a
        /// real 0 V here (the plant's monitors are not biased), so it does not mean a dead bus.
        /// </summary>
        public static BoardSettings BoardFacts(int cc1Channel)
        {
            var s = new BoardSettings();
            s.Metering.VoltsPerRmsCode = 1e-5;
            s.Metering.AmpsPerRmsCode = 1e-5;
            s.Metering.WattsPerCode = 1e-2;
            s.Metering.WhPerEnergyCode = 1e-3;
            s.Metering.Phases = 1;
            s.MonitorAdc.ReferenceVoltageV = 4.096;
            s.MonitorAdc.ZeroCodeMeansDeadBus = false;
            s.PowerStage.ReferencePwmFrequencyHz = 20000;
            s.PowerStage.CurrentAtZeroDutyA = -150;
            s.PowerStage.CurrentAtFullDutyA = 150;
            s.PowerStage.VoltageMonitorVPerV = 250;
            s.PowerStage.VoltageMonitorOffsetV = 0;
            s.PowerStage.CurrentMonitorAPerV = 100;
            s.PowerStage.CurrentMonitorOffsetA = -200;
            s.PowerStage.TemperatureMonitorCPerV = 50;
            s.PowerStage.TemperatureMonitorOffsetC = -50;
            s.PowerStage.MonitorMinimumV = -0.1;
            s.PowerStage.MonitorMaximumV = 4.2;
            s.PowerStage.VoltageLoopProportionalAPerV = 2;
            s.PowerStage.VoltageLoopIntegralAPerVs = 20;
            s.ConnectorVoltsPerMonitorVolt = 250;
            s.ConnectorVoltageOffsetV = 0;
            s.Insulation.AlarmThresholdOhm = 100000;
            s.Insulation.MeasurementSettleMs = 500;
            s.Coupler.Cc1VoltsPerAdcVolt = 4;
            s.Coupler.LockTravelTimeoutMs = 200;
            s.ConverterVoltageChannel = 0;
            s.ConverterCurrentChannel = 1;
            s.ConnectorVoltageChannel = 2;
            s.HeatsinkTemperatureChannel = 3;
            s.Cc1Channel = cc1Channel;
            s.MeteringSpiClockHz = 1000000;
            s.MeteringSpiMode = 0;
            s.CanSpiClockHz = 1000000;
            s.MonitorAdcSpiClockHz = 1000000;
            s.MonitorAdcSpiMode = 0;
            s.PlcMacAddress = new byte[] { 0x02, 0x00, 0x00, 0x00, 0x15, 0x01 };
            s.PilotSamplesPerBurst = 64;
            s.Proximity.PullUpOhm = 330;
            s.Proximity.SupplyV = 3.3;
            return s;
        }

        private sealed class PlantShellHost : IShellHost
        {
            private readonly SimClock _clock;

            public PlantShellHost(SimClock clock)
            {
                _clock = clock;
            }

            public string FirmwareVersion => "plant";

            public string BoardName => "plant";

            public long UptimeMs => _clock.NowMs;

            public void Reboot()
            {
            }
        }
    }
}
