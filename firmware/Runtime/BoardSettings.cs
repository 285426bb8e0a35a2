using V2G.Firmware.Drivers.Ade9000;
using V2G.Firmware.Drivers.Board;
using V2G.Firmware.Drivers.Mcp2515;
using V2G.Firmware.Drivers.Mcp3208;
using V2G.Firmware.Drivers.Qca7000;

namespace V2G.Firmware.Runtime
{
    /// <summary>
    /// Every board fact <see cref="BoardWiring"/> needs beyond the pin map: each driver's settings, the monitor ADC's
    /// channel allocation, the SPI clocks and modes, the shell's baud rate. Facts no public source gives are left
    /// unset (NaN, 0 or −1) and the driver or <see cref="BoardWiring"/> refuses them so; a board fills them in from
    /// its schematic and calibration.
    /// </summary>
    public sealed class BoardSettings
    {
        /// <summary>A channel number not set.</summary>
        public const int Unset = -1;

        /// <summary>The grid metering IC (its per-code scalings are required).</summary>
        public Ade9000Settings Metering { get; set; } = new Ade9000Settings();

        /// <summary>The CAN controller of the GB/T connector.</summary>
        public Mcp2515Settings Can { get; set; } = new Mcp2515Settings();

        /// <summary>The PLC modem of the CCS connector.</summary>
        public Qca7000Settings Plc { get; set; } = new Qca7000Settings();

        /// <summary>The charger's host MAC on the PLC link, 6 bytes (per device: required with CCS).</summary>
        public byte[] PlcMacAddress { get; set; }

        /// <summary>The DC-side monitor ADC (its reference voltage is required).</summary>
        public Mcp3208Settings MonitorAdc { get; set; } = new Mcp3208Settings();

        /// <summary>The analog-programmed converter: scalings and the voltage loop (required).</summary>
        public AnalogProgrammedPowerStageSettings PowerStage { get; set; } = new AnalogProgrammedPowerStageSettings();

        /// <summary>The connector-side DC voltage: volts per volt at the monitor ADC input (the front end's gain seen backwards). Required (NaN).</summary>
        public double ConnectorVoltsPerMonitorVolt { get; set; } = double.NaN;

        /// <summary>The connector-side DC voltage when its monitor reads 0 V, V. Required (NaN).</summary>
        public double ConnectorVoltageOffsetV { get; set; } = double.NaN;

        /// <summary>The DC+ and DC− contactors' auxiliary contacts.</summary>
        public GpioContactorSettings Contactors { get; set; } = new GpioContactorSettings();

        /// <summary>The e-stop chain must read open this long to stop, ms.</summary>
        public int EmergencyStopTripDebounceMs { get; set; } = GpioEmergencyStop.DefaultTripDebounceMs;

        /// <summary>The e-stop chain must read closed this long to release, ms.</summary>
        public int EmergencyStopReleaseDebounceMs { get; set; } = GpioEmergencyStop.DefaultReleaseDebounceMs;

        /// <summary>The insulation monitor's alarm contact (threshold and settle time required).</summary>
        public AlarmInsulationMonitorSettings Insulation { get; set; } = new AlarmInsulationMonitorSettings();

        /// <summary>The GB/T coupler's CC1 divider and lock (required with GB/T).</summary>
        public GbtCouplerSettings Coupler { get; set; } = new GbtCouplerSettings();

        /// <summary>The control pilot's divider.</summary>
        public PwmControlPilotSettings Pilot { get; set; } = new PwmControlPilotSettings();

        /// <summary>Reads of the pilot's ADC per control tick (see <see cref="PilotPhaseSampler"/>); required with CCS (0).</summary>
        public int PilotSamplesPerBurst { get; set; }

        /// <summary>The proximity divider (required with CCS).</summary>
        public DividerProximitySenseSettings Proximity { get; set; } = new DividerProximitySenseSettings();

        /// <summary>Monitor ADC input of the converter's voltage monitor (the board's PinMap constant).</summary>
        public int ConverterVoltageChannel { get; set; } = Unset;

        /// <summary>Monitor ADC input of the converter's current monitor.</summary>
        public int ConverterCurrentChannel { get; set; } = Unset;

        /// <summary>Monitor ADC input of the converter's heatsink temperature; <see cref="Unset"/> = no sensor.</summary>
        public int HeatsinkTemperatureChannel { get; set; } = Unset;

        /// <summary>Monitor ADC input of the connector-side (vehicle-side) DC voltage.</summary>
        public int ConnectorVoltageChannel { get; set; } = Unset;

        /// <summary>Monitor ADC input of GB/T CC1 (required with GB/T).</summary>
        public int Cc1Channel { get; set; } = Unset;

        /// <summary>The diagnostics shell's UART, baud (8N1). Our choice, not a standard's: 115 200 is what terminal tools default to.</summary>
        public int ShellBaudRate { get; set; } = 115200;

        /// <summary>The metering IC's SCK, Hz: from its data sheet (not established here; required).</summary>
        public int MeteringSpiClockHz { get; set; }

        /// <summary>The metering IC's SPI mode 0..3 (not established here; required, −1).</summary>
        public int MeteringSpiMode { get; set; } = Unset;

        /// <summary>The CAN controller's SCK, Hz: at most 10 MHz [MCP, see Mcp2515Driver]; required.</summary>
        public int CanSpiClockHz { get; set; }

        /// <summary>The CAN controller's SPI mode: 0 (or 3) [MCP, see Mcp2515Driver].</summary>
        public int CanSpiMode { get; set; }

        /// <summary>The PLC modem's SCK, Hz: 8 MHz, the Linux qcaspi default, at most 16 MHz [V:L4, L5 in the Qca7000 README].</summary>
        public int PlcSpiClockHz { get; set; } = 8000000;

        /// <summary>The PLC modem's SPI mode: 3 [V:L4, L5 in the Qca7000 README].</summary>
        public int PlcSpiMode { get; set; } = 3;

        /// <summary>The monitor ADC's SCK, Hz: from its data sheet at the board's supply (required).</summary>
        public int MonitorAdcSpiClockHz { get; set; }

        /// <summary>The monitor ADC's SPI mode (0 or 3 for the MCP3208 family; required, −1).</summary>
        public int MonitorAdcSpiMode { get; set; } = Unset;
    }
}
