// The ESP32 board's entry point (device-only: built with the nanoFramework toolchain, see README.md).
using System;
using System.Threading;
using V2G.Boards.Device;
using V2G.Firmware.Runtime;
using V2G.Hal.Board;

namespace V2G.Boards.Esp32
{
    /// <summary>Starts Wi-Fi, wires the charger from the pin map of the configured variant and runs it.</summary>
    public static class Program
    {
        public static void Main()
        {
            DeviceConfiguration config = Esp32Configuration.Create();
            BoardPinMap map = config.Connector == BoardConnectors.Ccs ? Esp32PinMap.CreateCcs() : Esp32PinMap.CreateGbt();
            var clock = new TickCountClock();
            try
            {
                if (config.WifiSsid != null)
                {
                    // The radio first: the ESP32's random numbers are truly random only while the radio runs
                    // (ESP-IDF, "Random Number Generation"), and SLAC's keys and the shell's challenges come from them.
                    WifiNetworkBringUp.Start(config.WifiSsid, config.WifiPassword);
                    if (!WifiNetworkBringUp.WaitReady(config.NetworkWaitMs))
                    {
                        Console.WriteLine("network: not up yet (" + WifiNetworkBringUp.Describe() + "); the uplink keeps retrying");
                    }
                }
                else
                {
                    config.BrokerHost = null;
                    Console.WriteLine("network: no Wi-Fi configured; running without the uplink");
                }

                // The records, the outage queue and the watchdog's marker are files on the internal drive I:\.
                ChargerRuntime runtime = DeviceBoot.Start(map, new Esp32PinFunctionRouter(), clock, config, NanoFlashRegion.Open, new FileResetMarker(config.WatchdogMarkerPath));
                Console.WriteLine("charger: " + map.BoardName + " running, shell on COM" + Esp32PinMap.DiagnosticsComPort.ToString());
            }
            catch (Exception e)
            {
                // Nothing is energised: outputs opened so far are de-asserted, the rest stay at their reset levels.
                Console.WriteLine("charger: not started: " + e.Message);
            }

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
