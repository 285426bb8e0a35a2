using System;
using V2G.Firmware.Runtime;
using V2G.Hal.Board;
using V2G.Hal.Buses;
using V2G.Hal.Comms;
using V2G.Sim.Plant.Adc;
using V2G.Sim.Plant.Board.Pins;
using V2G.Sim.Plant.Can;
using V2G.Sim.Plant.Connector;
using V2G.Sim.Plant.Electrical;
using V2G.Sim.Plant.Grid;
using V2G.Sim.Plant.Metering;
using V2G.Sim.Plant.Pilot;
using V2G.Sim.Plant.Plc;

namespace V2G.Sim.Plant.Board
{
    /// <summary>
    /// A whole board on the host, as <see cref="IBoardPeripherals"/>: each pin function resolved to a model attached
    /// to a plant built to the same <see cref="BoardSettings"/> the wiring is given (the converter through its
    /// analog interface, the contactors, the e-stop chain, the insulation monitor, the GB/T coupler), the SPI chip
    /// selects to chip models (ADE9000, MCP2515 on a <see cref="VirtualCanBus"/>, QCA7000 on a <see cref="VirtualPlcLink"/>,
    /// MCP3208), the pilot's ADC to the pilot circuit as an unsynchronised ADC sees it, the proximity ADC to the plug's
    /// resistor behind the board's pull-up, the UART to an in-memory stream. The pins are logical (asserted = true):
    /// the active-low inversion is the device's pin adapters' job. <see cref="Step"/> advances the plant by one 2 ms step.
    /// </summary>
    public sealed class PlantPeripherals : IBoardPeripherals
    {
        /// <summary>Plant integration step, ms.</summary>
        public const int StepMs = 2;

        /// <summary>The converter's output capacitance as the plant models it, F [U: a plant parameter].</summary>
        public const double OutputCapacitanceF = 0.002;

        /// <summary>The monitor amplifiers' rail at the ADC, V: the ADC's reference.</summary>
        private readonly double _monitorRailV;
        private readonly BoardSettings _settings;
        private readonly SimDigitalOutput _stageEnable;
        private readonly SimPwmOutput _stageReference;
        private readonly ContactorPins _positivePins;
        private readonly ContactorPins _negativePins;
        private readonly SimPwmOutput _pilotPwm;
        private readonly byte[] _plcToMedium = new byte[PlcFrameLayout.MaxFrameLength];
        private readonly byte[] _plcFromMedium = new byte[PlcFrameLayout.MaxFrameLength];
        private int _plcFromMediumLength;

        /// <summary>
        /// Time between two reads of the pilot's ADC in a burst, µs [U: a plant parameter; not a multiple of the 1 ms
        /// period, and below the 50 µs high phase of a 5 % duty, so a burst sees both phases of every duty].
        /// </summary>
        public const int PilotSampleSpacingUs = 37;

        /// <summary>A plant for a board with <paramref name="settings"/>; a 400 V class battery at <paramref name="initialSocPercent"/>.</summary>
        public PlantPeripherals(BoardSettings settings, double maxCurrentA, double maxVoltageV, double batteryKWh, double initialSocPercent, double gridHz)
        {
            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _settings = settings;
            Clock = new SimClock();
            _monitorRailV = settings.MonitorAdc.ReferenceVoltageV;
            Stage = new SimPowerStage(maxCurrentA, maxVoltageV);
            Positive = new SimContactor(25, 15);
            Negative = new SimContactor(25, 15);
            VehicleContactor = new SimContactor(30, 20);
            Connector = new SimVoltageSense();
            Battery = new Battery(batteryKWh, 96, 0.08, initialSocPercent, 25);
            Circuit = new DcCircuit(Stage, Positive, Negative, VehicleContactor, Battery, Connector);
            Grid = new SimGrid(gridHz, gridHz == 60 ? 120 : 230);

            _stageEnable = new SimDigitalOutput(Clock);
            _stageReference = new SimPwmOutput();
            Converter = new SimAnalogConverterInterface(Stage, _stageEnable, _stageReference, null, settings.PowerStage, _monitorRailV, OutputCapacitanceF);
            _positivePins = new ContactorPins(Positive);
            _negativePins = new ContactorPins(Negative);
            Precharge = new SimDigitalOutput(Clock);
            EmergencyStopPin = new SimDigitalInput(false);
            Insulation = new SimAlarmInsulationMonitorPins(Clock, settings.Insulation.AlarmThresholdOhm, settings.Insulation.MeasurementSettleMs, 5000000);
            Coupler = new GbtCouplerCircuit();
            CouplerPins = new SimGbtCouplerPins(Clock, Coupler, settings.Coupler.Cc1VoltsPerAdcVolt, settings.Coupler.LockTravelTimeoutMs / 2);

            MonitorAdc = new Mcp3208Model(_monitorRailV);
            MonitorAdc.AttachSource(settings.ConverterVoltageChannel, Converter.VoltageMonitor);
            MonitorAdc.AttachSource(settings.ConverterCurrentChannel, Converter.CurrentMonitor);
            if (settings.HeatsinkTemperatureChannel >= 0)
            {
                MonitorAdc.AttachSource(settings.HeatsinkTemperatureChannel, Converter.TemperatureMonitor);
            }

            MonitorAdc.AttachSource(settings.ConnectorVoltageChannel, new ConnectorMonitor(this));
            if (settings.Cc1Channel >= 0)
            {
                MonitorAdc.AttachSource(settings.Cc1Channel, CouplerPins.Cc1Adc);
            }

            Metering = new Ade9000Model(settings.Metering);
            Metering.FrequencyHz = gridHz;
            Bus = new VirtualCanBus(Clock, new VirtualCanBusSettings());
            ChargerCanNode = Bus.AddNode("charger");
            CanChip = new Mcp2515Model(Clock);
            Uart = new PlantSerialPort();

            // The CCS connector: the pilot wire with the vehicle's circuit, the plug's proximity resistor, the PLC medium.
            _pilotPwm = new SimPwmOutput();
            Pilot = new PilotCircuit(1u);
            Proximity = new ProximityCircuit();
            PilotAdc = new SimPilotPhaseSamplerSignal(0, 0, 1.0, PilotSampleSpacingUs, 0);
            ProximityAdc = new SimDividerProximityPins(settings.Proximity.PullUpOhm, settings.Proximity.SupplyV);
            byte[] chargerMac = settings.PlcMacAddress != null && settings.PlcMacAddress.Length == 6 ? settings.PlcMacAddress : SimulatedCharger.ChargerMac;
            PlcLink = new VirtualPlcLink(Clock, chargerMac, SimulatedCharger.VehicleMac, new PlcLinkSettings(), PlcLinkImpairments.None());
            PlcChip = new Qca7000Model(Clock);
            UpdateConnectorPins();
        }

        /// <summary>The plant's clock.</summary>
        public SimClock Clock { get; }

        public SimPowerStage Stage { get; }

        public SimAnalogConverterInterface Converter { get; }

        public SimContactor Positive { get; }

        public SimContactor Negative { get; }

        public SimContactor VehicleContactor { get; }

        public SimVoltageSense Connector { get; }

        public Battery Battery { get; }

        public DcCircuit Circuit { get; }

        public SimGrid Grid { get; }

        /// <summary>The precharge relay's coil.</summary>
        public SimDigitalOutput Precharge { get; }

        /// <summary>The e-stop input: true = stop pressed or chain open (asserted).</summary>
        public SimDigitalInput EmergencyStopPin { get; }

        public SimAlarmInsulationMonitorPins Insulation { get; }

        public GbtCouplerCircuit Coupler { get; }

        public SimGbtCouplerPins CouplerPins { get; }

        public Mcp3208Model MonitorAdc { get; }

        public Ade9000Model Metering { get; }

        /// <summary>The GB/T CAN bus; the charger's MCP2515 is its node "charger".</summary>
        public VirtualCanBus Bus { get; }

        /// <summary>The bus node the MCP2515 model is bridged to.</summary>
        public VirtualCanNode ChargerCanNode { get; }

        public Mcp2515Model CanChip { get; }

        /// <summary>The CCS pilot wire with both ends' circuits; its generator follows the board's pilot PWM.</summary>
        public PilotCircuit Pilot { get; }

        /// <summary>The CCS plug's proximity resistor.</summary>
        public ProximityCircuit Proximity { get; }

        /// <summary>The pilot's MCU ADC pin: the pilot seen through the board's divider and level shifter.</summary>
        public SimPilotPhaseSamplerSignal PilotAdc { get; }

        /// <summary>The proximity's MCU ADC pin behind the board's pull-up.</summary>
        public SimDividerProximityPins ProximityAdc { get; }

        /// <summary>The HomePlug Green PHY medium; the charger's QCA7000 model is bridged to its charger modem.</summary>
        public VirtualPlcLink PlcLink { get; }

        /// <summary>The charger's PLC modem at register level.</summary>
        public Qca7000Model PlcChip { get; }

        /// <summary>The shell's UART; the technician's side is its Type/TakeOutput.</summary>
        public PlantSerialPort Uart { get; }

        /// <summary>Runs at every plant step (a vehicle's stack), or null.</summary>
        public IPlantStepTask StepTask { get; set; }

        /// <summary>Advances the plant by one <see cref="StepMs"/> step.</summary>
        public void Step()
        {
            Clock.Advance(StepMs);
            Converter.Step(StepMs);
            Circuit.Step(StepMs);
            Grid.IslandSupported = Stage.IsEnabled && (Circuit.PowerW < -100 || Circuit.PowerW > 100);
            Grid.Step(StepMs);
            Metering.FrequencyHz = Grid.FrequencyHz;
            double powerW = Circuit.PowerW + Stage.LossW;
            Metering.SetPhase(0, Grid.RmsVoltageV, Grid.RmsVoltageV > 0 ? powerW / Grid.RmsVoltageV : 0, powerW);
            Metering.Advance(StepMs);
            BridgeCan();
            if (StepTask != null)
            {
                StepTask.Step(Clock.NowMs);
            }

            UpdateConnectorPins();
            BridgePlc();
        }

        /// <summary>Advances the plant by <paramref name="periodMs"/> in <see cref="StepMs"/> steps.</summary>
        public void Advance(int periodMs)
        {
            for (int t = 0; t < periodMs; t += StepMs)
            {
                Step();
            }
        }

        /// <inheritdoc />
        public IDigitalOutput OpenOutput(PinAssignment pin, bool initiallyAsserted)
        {
            IDigitalOutput output;
            switch (pin.Function)
            {
                case PinFunction.PowerStageEnable: output = _stageEnable; break;
                case PinFunction.DcPlusContactorDrive: output = _positivePins; break;
                case PinFunction.DcMinusContactorDrive: output = _negativePins; break;
                case PinFunction.PrechargeRelayDrive: output = Precharge; break;
                case PinFunction.InsulationMonitorEnable: output = Insulation; break;
                case PinFunction.GbtLockDrive: output = CouplerPins.LockDrive; break;
                case PinFunction.GbtAuxPowerDrive: output = CouplerPins.AuxiliaryPowerDrive; break;
                default: output = new SimDigitalOutput(Clock); break;
            }

            output.Write(initiallyAsserted);
            return output;
        }

        /// <inheritdoc />
        public IDigitalInput OpenInput(PinAssignment pin)
        {
            switch (pin.Function)
            {
                case PinFunction.PowerStageFault: return Converter.OverCurrentFault;
                case PinFunction.DcPlusContactorFeedback: return _positivePins;
                case PinFunction.DcMinusContactorFeedback: return _negativePins;
                case PinFunction.EmergencyStopInput: return EmergencyStopPin;
                case PinFunction.InsulationMonitorSignal: return Insulation;
                case PinFunction.GbtLockFeedback: return CouplerPins.LockFeedback;
                default: throw new ArgumentException(PinFunctions.Name(pin.Function) + " is not an input of this plant");
            }
        }

        /// <inheritdoc />
        public IInterruptInput OpenInterrupt(PinAssignment pin)
        {
            if (pin.Function == PinFunction.CanInt)
            {
                return CanChip;
            }

            if (pin.Function == PinFunction.PlcInt)
            {
                return PlcChip;
            }

            throw new ArgumentException(PinFunctions.Name(pin.Function) + " is not an interrupt of this plant");
        }

        /// <inheritdoc />
        public ISpiTransfer OpenSpi(PinAssignment chipSelect, int clockHz, int mode)
        {
            switch (chipSelect.Function)
            {
                case PinFunction.MonitorAdcSpiCs: return MonitorAdc;
                case PinFunction.MeteringSpiCs: return Metering;
                case PinFunction.CanSpiCs: return CanChip;
                case PinFunction.PlcSpiCs: return PlcChip;
                default: throw new ArgumentException(PinFunctions.Name(chipSelect.Function) + " has no chip on this plant");
            }
        }

        /// <inheritdoc />
        public IPwmOutput OpenPwm(PinAssignment pin, double frequencyHz)
        {
            SimPwmOutput pwm = pin.Function == PinFunction.PowerStagePwm ? _stageReference
                : pin.Function == PinFunction.ControlPilotPwm ? _pilotPwm : new SimPwmOutput();
            pwm.FrequencyHz = frequencyHz;
            return pwm;
        }

        /// <inheritdoc />
        public IAnalogInput OpenAnalog(PinAssignment pin)
        {
            switch (pin.Function)
            {
                case PinFunction.ControlPilotAdc: return PilotAdc;
                case PinFunction.ProximityAdc: return ProximityAdc;
                default: throw new ArgumentException(PinFunctions.Name(pin.Function) + " is not an MCU analog input of this plant");
            }
        }

        /// <inheritdoc />
        public ISerialPort OpenSerial(PinAssignment tx, PinAssignment rx, int baudRate)
        {
            Uart.BaudRate = baudRate;
            return Uart;
        }

        // The bus side of the MCP2515: its transmitted frames onto the bus; the bus's frames into it while it has a
        // free receive buffer. Holding frames on the bus until a buffer is free is a simplification (CAN has no
        // back-pressure): it stands in for frames spaced wider than the driver's service period.
        private void BridgeCan()
        {
            CanFrame frame;
            while (CanChip.TryTakeTransmitted(out frame))
            {
                ChargerCanNode.TrySend(ref frame);
            }

            while ((CanChip.PeekRegister(CanIntF) & RxFlags) != RxFlags && ChargerCanNode.TryReceive(out frame))
            {
                CanChip.DeliverFromBus(ref frame);
            }
        }

        // The pilot's generator follows the board's PWM (stopped = steady −12 V); the ADC pin sees each phase through
        // the board's divider (pilot V = (adc V − offset) × ratio, as PwmControlPilotSettings gives it).
        private void UpdateConnectorPins()
        {
            int duty = _pilotPwm.IsRunning ? (int)(_pilotPwm.DutyCycle * 10000 + 0.5) : 0;
            Pilot.SetDutyCycle(duty);
            double ratio = _settings.Pilot.DividerRatio;
            double offsetV = _settings.Pilot.AdcOffsetV;
            PilotAdc.HighV = Pilot.TrueHighPhaseVoltageV / ratio + offsetV;
            PilotAdc.LowV = Pilot.TrueLowPhaseVoltageV / ratio + offsetV;
            PilotAdc.DutyFraction = Pilot.DutyCycle / 10000.0;
            ProximityAdc.ProximityOhm = Proximity.ResistanceOhm;
        }

        // The medium side of the QCA7000: the frames its host wrote onto the charger's modem; the modem's frames into
        // its read FIFO, one held back while the FIFO is full.
        private void BridgePlc()
        {
            PlcChip.Update();
            int length;
            while ((length = PlcChip.TryTakeSentFrame(_plcToMedium)) > 0)
            {
                PlcLink.Charger.TrySend(_plcToMedium, length);
            }

            while (true)
            {
                if (_plcFromMediumLength == 0)
                {
                    _plcFromMediumLength = PlcLink.Charger.Receive(_plcFromMedium);
                    if (_plcFromMediumLength == 0)
                    {
                        return;
                    }
                }

                if (!PlcChip.DeliverFromMedium(_plcFromMedium, _plcFromMediumLength))
                {
                    return;
                }

                _plcFromMediumLength = 0;
            }
        }

        private const int CanIntF = 0x2C;
        private const int RxFlags = 0x03;

        private sealed class ConnectorMonitor : IAnalogInput
        {
            private readonly PlantPeripherals _owner;

            public ConnectorMonitor(PlantPeripherals owner)
            {
                _owner = owner;
            }

            public double ReadVolts()
            {
                double v = (_owner.Connector.VoltageV - _owner._settings.ConnectorVoltageOffsetV) / _owner._settings.ConnectorVoltsPerMonitorVolt;
                return v < 0 ? 0 : v > _owner._monitorRailV ? _owner._monitorRailV : v;
            }
        }

        private sealed class ContactorPins : IDigitalOutput, IDigitalInput
        {
            private readonly SimContactor _contactor;

            public ContactorPins(SimContactor contactor)
            {
                _contactor = contactor;
            }

            public bool State => _contactor.IsCommandedClosed;

            public void Write(bool asserted)
            {
                if (asserted)
                {
                    _contactor.Close();
                }
                else
                {
                    _contactor.Open();
                }
            }

            public bool Read()
            {
                return _contactor.IsFeedbackClosed;
            }
        }
    }
}
