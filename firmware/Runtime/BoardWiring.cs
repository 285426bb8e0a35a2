using System;
using V2G.Firmware.Control;
using V2G.Firmware.Drivers;
using V2G.Firmware.Drivers.Ade9000;
using V2G.Firmware.Drivers.Board;
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Firmware.Drivers.Mcp3208;
using V2G.Firmware.Drivers.Qca7000;
using V2G.Hal.Board;
using V2G.Hal.Buses;
using V2G.Hal.Comms;
using V2G.Hal.Power;
using V2G.Hal.Timing;

namespace V2G.Firmware.Runtime
{
    /// <summary>
    /// Builds every HAL object of a board from its pin map, what its MCU offers (<see cref="IBoardPeripherals"/>)
    /// and its <see cref="BoardSettings"/>: the same wiring on a device and on the host's plant. Only the drivers
    /// of the map's connectors are built (the CAN controller and the GB/T coupler with GB/T; the PLC modem, the
    /// control pilot and the proximity divider with CCS). A map with a problem is refused before any pin is
    /// opened. <see cref="ServiceTasks"/> are the drivers' per-tick services, in the order the control tick runs
    /// them: pins, chips, the stage's loop, the connector's pins.
    /// </summary>
    public sealed class BoardWiring
    {
        private readonly IControlTask[] _serviceTasks;
        private readonly IControlTask[] _busTasks;

        /// <summary>Wires the board.</summary>
        /// <exception cref="ArgumentException">The map has a problem (<see cref="BoardPinMap.FirstProblem"/>), or a setting the map needs is unset.</exception>
        public BoardWiring(BoardPinMap map, IBoardPeripherals peripherals, IMonotonicClock clock, BoardSettings settings)
        {
            if (map == null || peripherals == null || clock == null || settings == null)
            {
                throw new ArgumentNullException();
            }

            string problem = map.FirstProblem();
            if (problem != null)
            {
                throw new ArgumentException("pin map of " + map.BoardName + ": " + problem, "map");
            }

            Map = map;
            Clock = clock;
            bool gbt = map.Has(BoardConnectors.Gbt);
            bool ccs = map.Has(BoardConnectors.Ccs);
            CheckChannel(settings.ConverterVoltageChannel, "ConverterVoltageChannel");
            CheckChannel(settings.ConverterCurrentChannel, "ConverterCurrentChannel");
            CheckChannel(settings.ConnectorVoltageChannel, "ConnectorVoltageChannel");
            if (gbt)
            {
                CheckChannel(settings.Cc1Channel, "Cc1Channel");
            }

            if (settings.ShellBaudRate <= 0)
            {
                throw new ArgumentException("ShellBaudRate must be positive", "settings");
            }

            // The monitor ADC first: the stage, the connector voltage and CC1 read through it.
            MonitorAdc = new Mcp3208Driver(OpenSpi(peripherals, map, PinFunction.MonitorAdcSpiCs, settings.MonitorAdcSpiClockHz, settings.MonitorAdcSpiMode), settings.MonitorAdc);

            PowerStageEnable = new PwmPowerStageEnable(
                peripherals.OpenOutput(Pin(map, PinFunction.PowerStageEnable), false),
                new IDigitalInput[] { peripherals.OpenInput(Pin(map, PinFunction.PowerStageFault)) },
                new int[] { PowerStageFaults.GateDriver },
                null,
                0);
            IPwmOutput reference = peripherals.OpenPwm(Pin(map, PinFunction.PowerStagePwm), settings.PowerStage.ReferencePwmFrequencyHz);
            IAnalogInput temperature = settings.HeatsinkTemperatureChannel == BoardSettings.Unset ? null : MonitorAdc.Channel(settings.HeatsinkTemperatureChannel);
            PowerStage = new AnalogProgrammedPowerStage(
                PowerStageEnable,
                reference,
                MonitorAdc.Channel(settings.ConverterVoltageChannel),
                MonitorAdc.Channel(settings.ConverterCurrentChannel),
                temperature,
                settings.PowerStage);

            Positive = new GpioContactor(
                peripherals.OpenOutput(Pin(map, PinFunction.DcPlusContactorDrive), false),
                peripherals.OpenInput(Pin(map, PinFunction.DcPlusContactorFeedback)),
                settings.Contactors);
            Negative = new GpioContactor(
                peripherals.OpenOutput(Pin(map, PinFunction.DcMinusContactorDrive), false),
                peripherals.OpenInput(Pin(map, PinFunction.DcMinusContactorFeedback)),
                settings.Contactors);
            Precharge = new UnmonitoredRelay(peripherals.OpenOutput(Pin(map, PinFunction.PrechargeRelayDrive), false));
            ConnectorVoltage = new MonitoredVoltageSense(MonitorAdc.Channel(settings.ConnectorVoltageChannel), settings.ConnectorVoltsPerMonitorVolt, settings.ConnectorVoltageOffsetV);
            Output = new DcOutput(PowerStage, Positive, Negative, Precharge, ConnectorVoltage);

            // The pin is asserted when the stop is pressed or the chain is open; the driver takes the chain's level.
            EmergencyStop = new GpioEmergencyStop(
                new InvertedInput(peripherals.OpenInput(Pin(map, PinFunction.EmergencyStopInput))),
                settings.EmergencyStopTripDebounceMs,
                settings.EmergencyStopReleaseDebounceMs);
            InsulationMonitor = new AlarmInsulationMonitor(
                peripherals.OpenOutput(Pin(map, PinFunction.InsulationMonitorEnable), false),
                peripherals.OpenInput(Pin(map, PinFunction.InsulationMonitorSignal)),
                settings.Insulation);

            Metering = new Ade9000Driver(OpenSpi(peripherals, map, PinFunction.MeteringSpiCs, settings.MeteringSpiClockHz, settings.MeteringSpiMode), settings.Metering);

            if (gbt)
            {
                PinAssignment canInt = map.Find(PinFunction.CanInt);
                CanController = new Mcp2515Driver(
                    OpenSpi(peripherals, map, PinFunction.CanSpiCs, settings.CanSpiClockHz, settings.CanSpiMode),
                    canInt == null ? null : peripherals.OpenInterrupt(canInt),
                    clock,
                    settings.Can);
                Coupler = new GbtCoupler(
                    MonitorAdc.Channel(settings.Cc1Channel),
                    peripherals.OpenOutput(Pin(map, PinFunction.GbtLockDrive), false),
                    peripherals.OpenInput(Pin(map, PinFunction.GbtLockFeedback)),
                    peripherals.OpenOutput(Pin(map, PinFunction.GbtAuxPowerDrive), false),
                    settings.Coupler);
            }

            if (ccs)
            {
                if (settings.PlcMacAddress == null || settings.PlcMacAddress.Length != 6)
                {
                    throw new ArgumentException("PlcMacAddress must be the charger's 6-byte MAC", "settings");
                }

                PinAssignment plcInt = map.Find(PinFunction.PlcInt);
                PlcModem = new Qca7000Driver(
                    OpenSpi(peripherals, map, PinFunction.PlcSpiCs, settings.PlcSpiClockHz, settings.PlcSpiMode),
                    clock,
                    settings.PlcMacAddress,
                    plcInt == null ? null : peripherals.OpenInterrupt(plcInt),
                    settings.Plc);
                PilotSampler = new PilotPhaseSampler(peripherals.OpenAnalog(Pin(map, PinFunction.ControlPilotAdc)), settings.PilotSamplesPerBurst);
                ControlPilot = new PwmControlPilot(
                    peripherals.OpenPwm(Pin(map, PinFunction.ControlPilotPwm), PwmControlPilotSettings.PilotFrequencyHz),
                    PilotSampler.HighPhase,
                    PilotSampler.LowPhase,
                    settings.Pilot);
                Proximity = new DividerProximitySense(peripherals.OpenAnalog(Pin(map, PinFunction.ProximityAdc)), settings.Proximity);
            }

            ShellPort = peripherals.OpenSerial(Pin(map, PinFunction.DiagnosticsUartTx), Pin(map, PinFunction.DiagnosticsUartRx), settings.ShellBaudRate);
            PinAssignment led = map.Find(PinFunction.StatusLed);
            StatusLed = led == null ? null : peripherals.OpenOutput(led, false);

            // The communication chips: serviced by the runtime's bus thread on a device (their receive buffers fill
            // faster than the control period), by the control tick on the host.
            _busTasks = new IControlTask[(gbt ? 1 : 0) + (ccs ? 1 : 0)];
            int b = 0;
            if (gbt)
            {
                _busTasks[b++] = new DriverServiceTask(CanController, clock);
            }

            if (ccs)
            {
                _busTasks[b++] = new DriverServiceTask(PlcModem, clock);
            }

            int count = 4 + (gbt ? 1 : 0) + (ccs ? 1 : 0);
            _serviceTasks = new IControlTask[count];
            int n = 0;
            _serviceTasks[n++] = new DriverServiceTask(new IDriverService[] { EmergencyStop, Positive, Negative }, clock);
            _serviceTasks[n++] = new GridMeteringTask(Metering, clock);
            _serviceTasks[n++] = new DriverServiceTask(PowerStage, clock);
            _serviceTasks[n++] = new DriverServiceTask(InsulationMonitor, clock);
            if (gbt)
            {
                _serviceTasks[n++] = new DriverServiceTask(Coupler, clock);
            }

            if (ccs)
            {
                _serviceTasks[n++] = new PilotSamplerTask(PilotSampler);
            }
        }

        /// <summary>
        /// Time from the first service tick until every debounced input holds its real state, ms: the e-stop reads
        /// "stop" from construction until its chain has read closed for the release debounce (a stop never seen
        /// released is a stop), so the controller must not look at it before then.
        /// </summary>
        public int InputSettleMs => EmergencyStop.ReleaseDebounceMs;

        /// <summary>The pin map wired.</summary>
        public BoardPinMap Map { get; }

        /// <summary>The clock the drivers run on.</summary>
        public IMonotonicClock Clock { get; }

        /// <summary>The DC-side monitor ADC.</summary>
        public Mcp3208Driver MonitorAdc { get; }

        /// <summary>The converter's enable and fault pins.</summary>
        public PwmPowerStageEnable PowerStageEnable { get; }

        /// <summary>The analog-programmed converter.</summary>
        public AnalogProgrammedPowerStage PowerStage { get; }

        /// <summary>The DC+ contactor.</summary>
        public GpioContactor Positive { get; }

        /// <summary>The DC− contactor.</summary>
        public GpioContactor Negative { get; }

        /// <summary>The precharge relay (no mirror contact).</summary>
        public UnmonitoredRelay Precharge { get; }

        /// <summary>The connector-side DC voltage.</summary>
        public MonitoredVoltageSense ConnectorVoltage { get; }

        /// <summary>The DC output as the controller drives it.</summary>
        public DcOutput Output { get; }

        /// <summary>The e-stop chain.</summary>
        public GpioEmergencyStop EmergencyStop { get; }

        /// <summary>The insulation monitor's alarm contact and enable.</summary>
        public AlarmInsulationMonitor InsulationMonitor { get; }

        /// <summary>The grid metering IC: the controller's grid sensor and energy meter.</summary>
        public Ade9000Driver Metering { get; }

        /// <summary>The CAN controller (GB/T), or null.</summary>
        public Mcp2515Driver CanController { get; }

        /// <summary>The GB/T coupler's CC1, lock and auxiliary supply, or null.</summary>
        public GbtCoupler Coupler { get; }

        /// <summary>The PLC modem (CCS), or null.</summary>
        public Qca7000Driver PlcModem { get; }

        /// <summary>The pilot's ADC burst sampler (CCS), or null.</summary>
        public PilotPhaseSampler PilotSampler { get; }

        /// <summary>The control pilot (CCS), or null.</summary>
        public PwmControlPilot ControlPilot { get; }

        /// <summary>The proximity divider (CCS), or null.</summary>
        public DividerProximitySense Proximity { get; }

        /// <summary>The diagnostics shell's UART.</summary>
        public ISerialPort ShellPort { get; }

        /// <summary>The status LED, or null when the map binds none.</summary>
        public IDigitalOutput StatusLed { get; }

        /// <summary>
        /// The communication chips' services (the CAN controller, the PLC modem), in order. A copy. Not part of
        /// <see cref="ServiceTasks"/>: the runtime runs them on a faster thread of their own, or in the control tick.
        /// </summary>
        public IControlTask[] BusTasks
        {
            get
            {
                IControlTask[] copy = new IControlTask[_busTasks.Length];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = _busTasks[i];
                }

                return copy;
            }
        }

        /// <summary>The drivers' per-tick services except the bus chips' (<see cref="BusTasks"/>), in order. A copy.</summary>
        public IControlTask[] ServiceTasks
        {
            get
            {
                IControlTask[] copy = new IControlTask[_serviceTasks.Length];
                for (int i = 0; i < copy.Length; i++)
                {
                    copy[i] = _serviceTasks[i];
                }

                return copy;
            }
        }

        private static PinAssignment Pin(BoardPinMap map, PinFunction function)
        {
            PinAssignment pin = map.Find(function);
            if (pin == null)
            {
                throw new ArgumentException(PinFunctions.Name(function) + " is not bound", "map");
            }

            return pin;
        }

        private static ISpiTransfer OpenSpi(IBoardPeripherals peripherals, BoardPinMap map, PinFunction chipSelect, int clockHz, int mode)
        {
            if (clockHz <= 0 || mode < 0 || mode > 3)
            {
                throw new ArgumentException(PinFunctions.Name(chipSelect) + ": the SPI clock and mode must be set", "settings");
            }

            return peripherals.OpenSpi(Pin(map, chipSelect), clockHz, mode);
        }

        private static void CheckChannel(int channel, string name)
        {
            if (channel < 0 || channel >= Mcp3208Frame.ChannelCount)
            {
                throw new ArgumentException(name + " must be a monitor ADC input 0..7", "settings");
            }
        }
    }
}
