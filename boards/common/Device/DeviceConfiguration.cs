// Device-only (nanoFramework): compiled by boards/esp32 and boards/stm32. Plain data; each board's
// Configuration.cs fills one instance with the installer's values before the build.
using System;
using V2G.Firmware.Runtime;
using V2G.Firmware.Settings;
using V2G.Hal.Board;

namespace V2G.Boards.Device
{
    /// <summary>
    /// Everything a charger control board needs beyond its pin map: the connector it serves, the calibration of its
    /// front ends (<see cref="Board"/>: the wiring refuses a required value left unset), the charger's ratings, the
    /// network, the broker, the technician's PIN and the device secret, and where its records live on the file system.
    /// </summary>
    public sealed class DeviceConfiguration
    {
        /// <summary>The connector(s) this build serves: one of the ESP32's variants, or what the STM32 map carries.</summary>
        public BoardConnectors Connector = BoardConnectors.None;

        /// <summary>The board's front-end calibration and drivers' settings (scalings from the board's schematic).</summary>
        public BoardSettings Board = new BoardSettings();

        /// <summary>The controller's ratings and timings: set the converter's limits.</summary>
        public ChargerSettings Charger = new ChargerSettings();

        /// <summary>Protocols, uplink (charger id, periods), stores and threads.</summary>
        public RuntimeSettings Runtime = new RuntimeSettings();

        /// <summary>The MCU ADC's full-scale voltage at the pin (depends on the attenuation the firmware image sets); required.</summary>
        public double AdcFullScaleV = double.NaN;

        /// <summary>Wi-Fi network (ESP32); null on a board with Ethernet.</summary>
        public string WifiSsid;

        /// <summary>Wi-Fi pass phrase (ESP32).</summary>
        public string WifiPassword;

        /// <summary>How long the boot waits for an address before it runs without the network, ms (the uplink keeps retrying).</summary>
        public int NetworkWaitMs = 20000;

        /// <summary>NTP servers for the wall clock; the second may be null.</summary>
        public string SntpServer1 = "pool.ntp.org";

        /// <summary>The backup NTP server, or null.</summary>
        public string SntpServer2;

        /// <summary>A time the wall clock cannot be before once set: the build date.</summary>
        public DateTime EarliestValidUtc = new DateTime(2026, 11, 1);

        /// <summary>The aggregator's broker host; null runs the charger without an uplink.</summary>
        public string BrokerHost;

        /// <summary>The broker's port (1883 plain, 8883 TLS).</summary>
        public int BrokerPort = 8883;

        /// <summary>TLS to the broker (the CA certificate is <see cref="BrokerCaPem"/>).</summary>
        public bool BrokerTls = true;

        /// <summary>The broker's CA certificate, PEM; required with TLS (the device has no certificate store).</summary>
        public string BrokerCaPem;

        /// <summary>MQTT user name, or null.</summary>
        public string MqttUser;

        /// <summary>MQTT password, or null.</summary>
        public string MqttPassword;

        /// <summary>Bound on a wait for a PUBACK or SUBACK, ms.</summary>
        public int MqttTimeoutMs = 10000;

        /// <summary>The technician's PIN (4 to 12 digits); null leaves PIN login off (challenge-response only).</summary>
        public string ShellPin;

        /// <summary>
        /// The per-device secret of the shell's challenge-response login, 64 hex digits, as the factory provisioned it
        /// (the technician's tool holds the same); null draws a random one at boot, which leaves only PIN login usable.
        /// </summary>
        public string DeviceSecretHex;

        /// <summary>The record store's file (droop, configuration, battery state, log), on a board with a file system.</summary>
        public string RecordStorePath = "I:\\records.bin";

        /// <summary>The record store's sectors of <see cref="SectorSizeBytes"/>.</summary>
        public int RecordStoreSectors = 2;

        /// <summary>The uplink's outage queue file, on a board with a file system.</summary>
        public string OutageQueuePath = "I:\\outage.bin";

        /// <summary>The outage queue's sectors: size it to the file system's free space (256 × 4 KiB = 1 MiB on the simulator).</summary>
        public int OutageQueueSectors = 64;

        /// <summary>The erase unit both stores are laid out for.</summary>
        public int SectorSizeBytes = 4096;

        /// <summary>The software watchdog's marker file (<see cref="FileResetMarker"/>), on a board with a file system.</summary>
        public string WatchdogMarkerPath = "I:\\wdreset";
    }
}
