// The installer's values for this board, compiled into the device application (Stm32Board.nfproj): the connector, the
// network, the broker, the shell and the MCU's ADC. The front ends' calibration is
// boards/common/Device/FrontEndCalibration.cs. Fill every value marked REQUIRED before building: the wiring refuses
// one left unset and names it on the debug console, before any output is energised. The channel numbers are this
// project's allocation (the pin map); nothing here is a sourced chip or standard figure.
using V2G.Boards.Device;
using V2G.Firmware.Runtime;
using V2G.Hal.Board;

namespace V2G.Boards.Stm32
{
    /// <summary>The STM32 board's configuration: which connector, the network, the broker, the shell and the front-end calibration.</summary>
    internal static class Stm32Configuration
    {
        public static DeviceConfiguration Create()
        {
            var c = new DeviceConfiguration();

            // The NUCLEO-F746ZG carries both connectors (one pin map); on the device the CCS path ends at SLAC:
            // see README "What runs on the device".
            c.Connector = BoardConnectors.CcsAndGbt;

            // Network and uplink: the on-board Ethernet with DHCP.
            c.BrokerHost = null;          // null: no uplink
            c.BrokerPort = 8883;
            c.BrokerTls = true;
            c.BrokerCaPem = null;         // REQUIRED with TLS: the broker's CA certificate, PEM
            c.MqttUser = null;
            c.MqttPassword = null;
            c.Runtime.Uplink.ChargerId = "stm32-0001";

            // Storage: the stock ST_NUCLEO144_F746ZG image has no file system (README "What runs on the device"), so
            // Program.cs keeps the records and the outage queue in RAM, lost at each reset.
            c.OutageQueueSectors = 16;  // 64 KiB of the F746's 320 KiB of RAM

            // The technician's shell (USART6, COM6, 115200 8N1).
            c.ShellPin = null;            // 4 to 12 digits; null: challenge-response login only
            c.DeviceSecretHex = null;     // 64 hex digits from provisioning; null: random per boot (PIN login only)

            // The MCU's ADC (pilot and proximity): full scale at the pin (the Nucleo's VREF+ is its 3.3 V supply: measure it).
            c.AdcFullScaleV = double.NaN; // REQUIRED

            // The monitor ADC's channel allocation (Stm32PinMap) and the front ends' calibration (boards/common/Device).
            BoardSettings b = c.Board;
            b.ConverterVoltageChannel = Stm32PinMap.MonitorConverterVoltageChannel;
            b.ConverterCurrentChannel = Stm32PinMap.MonitorConverterCurrentChannel;
            b.ConnectorVoltageChannel = Stm32PinMap.MonitorConnectorVoltageChannel;
            b.HeatsinkTemperatureChannel = Stm32PinMap.MonitorHeatsinkTemperatureChannel;
            b.Cc1Channel = Stm32PinMap.MonitorGbtCc1Channel;
            FrontEndCalibration.Fill(b);

            // The charger's own MAC on the PLC link (SLAC and IPv6 go out with it): unique per device, e.g. from your
            // organisation's OUI or a locally administered address (first byte 0x02).
            b.PlcMacAddress = null;       // REQUIRED

            return c;
        }
    }
}
