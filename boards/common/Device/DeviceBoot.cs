// Device-only (nanoFramework): compiled by boards/esp32 and boards/stm32.
// X509Certificate(string pem) is nanoFramework's System.Security.Cryptography.X509Certificates (package
// nanoFramework.System.Net), as M2MqttUplink's constructor takes it.
using System;
using System.Security.Cryptography.X509Certificates;
using V2G.Boards.Uplink;
using V2G.Firmware.Diagnostics;
using V2G.Firmware.Runtime;
using V2G.Hal.Board;
using V2G.Hal.Security;
using V2G.Hal.Storage;
using V2G.Hal.Timing;

namespace V2G.Boards.Device
{
    /// <summary>
    /// The start-up both boards share, after the board's network has been started: the peripherals from the pin map,
    /// the wiring (which refuses an unset calibration value, naming it), the board services, the runtime and its
    /// threads. A board's Program.Main is the network, the pin map and this.
    /// </summary>
    public static class DeviceBoot
    {
        /// <summary>Opens a flash region of the board: a file on its file system, or RAM where it has none.</summary>
        public delegate IFlashRegion FlashRegionOpener(string path, int sectorSizeBytes, int sectorCount);

        /// <summary>Wires and starts the charger; throws (naming what is wrong) before any output is energised.</summary>
        /// <param name="openFlash">The board's storage (NanoFlashRegion.Open on a file system, or VolatileFlashRegion.Open).</param>
        /// <param name="resetMarker">Where the watchdog records a reboot, or null.</param>
        public static ChargerRuntime Start(BoardPinMap map, IPinFunctionRouter router, IMonotonicClock clock, DeviceConfiguration config, FlashRegionOpener openFlash, IResetMarker resetMarker)
        {
            if (map == null || router == null || clock == null || config == null || openFlash == null)
            {
                throw new ArgumentNullException();
            }

            // The pin map is checked before the router touches a pin: BoardWiring refuses a map with a problem, but
            // NanoBoardPeripherals routes the buses first.
            string problem = map.FirstProblem();
            if (problem != null)
            {
                throw new ArgumentException("pin map: " + problem);
            }

            var peripherals = new NanoBoardPeripherals(map, router, clock, config.AdcFullScaleV);
            var wiring = new BoardWiring(map, peripherals, clock, config.Board);

            var services = new BoardServices();
            services.Clock = clock;
            services.WallClock = new SntpWallClock(config.SntpServer1, config.SntpServer2, config.EarliestValidUtc);
            services.Watchdog = new SupervisorRebootWatchdog(clock, resetMarker);
            services.RecordFlash = openFlash(config.RecordStorePath, config.SectorSizeBytes, config.RecordStoreSectors);
            IEntropySource entropy = new NanoEntropySource();
            services.Entropy = entropy;
            services.ShellHost = new NanoShellHost(config.Runtime.Uplink.FirmwareVersion, map.BoardName, clock);
            services.Shell = ShellSettingsOf(config, entropy);

            if (config.BrokerHost != null && config.BrokerHost.Length > 0)
            {
                X509Certificate ca = null;
                if (config.BrokerTls)
                {
                    if (config.BrokerCaPem == null || config.BrokerCaPem.Length == 0)
                    {
                        throw new ArgumentException("TLS to the broker needs its CA certificate (BrokerCaPem)");
                    }

                    ca = new X509Certificate(config.BrokerCaPem);
                }

                services.UplinkFlash = openFlash(config.OutageQueuePath, config.SectorSizeBytes, config.OutageQueueSectors);
                services.Uplink = new M2MqttUplink(config.BrokerHost, config.BrokerPort, config.BrokerTls, ca, config.MqttUser, config.MqttPassword, config.MqttTimeoutMs);
            }

            var runtime = new ChargerRuntime(config.Charger, wiring, services, config.Runtime);
            runtime.Start();
            return runtime;
        }

        private static ShellSettings ShellSettingsOf(DeviceConfiguration config, IEntropySource entropy)
        {
            byte[] secret = new byte[32];
            if (config.DeviceSecretHex != null && config.DeviceSecretHex.Length > 0)
            {
                if (config.DeviceSecretHex.Length != 64)
                {
                    throw new ArgumentException("DeviceSecretHex must be 64 hex digits");
                }

                for (int i = 0; i < secret.Length; i++)
                {
                    int high = HexText.DigitValue(config.DeviceSecretHex[2 * i]);
                    int low = HexText.DigitValue(config.DeviceSecretHex[(2 * i) + 1]);
                    if (high < 0 || low < 0)
                    {
                        throw new ArgumentException("DeviceSecretHex must be 64 hex digits");
                    }

                    secret[i] = (byte)((high << 4) | low);
                }
            }
            else
            {
                entropy.Fill(secret, 0, secret.Length);
            }

            var settings = new ShellSettings(secret);
            if (config.ShellPin != null)
            {
                if (!ShellSettings.IsValidPin(config.ShellPin))
                {
                    throw new ArgumentException("ShellPin must be 4 to 12 digits");
                }

                settings.SetPin(config.ShellPin);
            }

            return settings;
        }
    }
}
