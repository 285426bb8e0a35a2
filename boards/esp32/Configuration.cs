// The installer's values for this board, compiled into the device application (Esp32Board.nfproj): the connector, the
// network, the broker, the shell and the MCU's ADC. The front ends' calibration is
// boards/common/Device/FrontEndCalibration.cs. Fill every value marked REQUIRED before building: the wiring refuses
// one left unset and names it on the debug console, before any output is energised. The channel numbers are this
// project's allocation (the pin map); nothing here is a sourced chip or standard figure.
using V2G.Boards.Device;
using V2G.Firmware.Runtime;
using V2G.Hal.Board;

namespace V2G.Boards.Esp32
{
    /// <summary>The ESP32 board's configuration: which variant, the network, the broker, the shell and the front-end calibration.</summary>
    internal static class Esp32Configuration
    {
        public static DeviceConfiguration Create()
        {
            var c = new DeviceConfiguration();

            // The variant the board was assembled as: Gbt (MCP2515, lock, aux supply) or Ccs (QCA7000, pilot, proximity;
            // on the device the CCS path ends at SLAC: see README "What runs on the device").
            c.Connector = BoardConnectors.Gbt;

            // Network and uplink. A null SSID runs without the network (and without an uplink).
            c.WifiSsid = null;            // REQUIRED for the uplink
            c.WifiPassword = null;
            c.BrokerHost = null;          // null: no uplink
            c.BrokerPort = 8883;
            c.BrokerTls = true;
            c.BrokerCaPem = null;         // REQUIRED with TLS: the broker's CA certificate, PEM
            c.MqttUser = null;
            c.MqttPassword = null;
            c.Runtime.Uplink.ChargerId = "esp32-0001";

            // The technician's shell (UART2, COM2, 115200 8N1).
            c.ShellPin = null;            // 4 to 12 digits; null: challenge-response login only
            c.DeviceSecretHex = null;     // 64 hex digits from provisioning; null: random per boot (PIN login only)

            // The MCU's ADC (pilot and proximity on the CCS variant): full scale at the pin for the firmware's attenuation.
            c.AdcFullScaleV = double.NaN; // REQUIRED on the CCS variant (not used by the GB/T variant's wiring)

            // The monitor ADC's channel allocation (Esp32PinMap) and the front ends' calibration (boards/common/Device).
            BoardSettings b = c.Board;
            b.ConverterVoltageChannel = Esp32PinMap.MonitorConverterVoltageChannel;
            b.ConverterCurrentChannel = Esp32PinMap.MonitorConverterCurrentChannel;
            b.ConnectorVoltageChannel = Esp32PinMap.MonitorConnectorVoltageChannel;
            b.HeatsinkTemperatureChannel = Esp32PinMap.MonitorHeatsinkTemperatureChannel;
            b.Cc1Channel = Esp32PinMap.MonitorGbtCc1Channel;
            FrontEndCalibration.Fill(b);

            // The charger's own MAC on the PLC link (SLAC and IPv6 go out with it): unique per device, e.g. from your
            // organisation's OUI or a locally administered address (first byte 0x02).
            b.PlcMacAddress = null;       // REQUIRED on the CCS variant

            return c;
        }
    }
}
