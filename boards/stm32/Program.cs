// The STM32 board's entry point (device-only: built with the nanoFramework toolchain, see README.md).
using System;
using System.Threading;
using V2G.Boards.Device;
using V2G.Firmware.Runtime;
using V2G.Hal.Board;

namespace V2G.Boards.Stm32
{
    /// <summary>Starts Ethernet, wires the charger from the pin map and runs it.</summary>
    public static class Program
    {
        public static void Main()
        {
            DeviceConfiguration config = Stm32Configuration.Create();
            BoardPinMap map = Stm32PinMap.Create();
            var clock = new TickCountClock();
            try
            {
                EthernetNetworkBringUp.Start();
                if (!EthernetNetworkBringUp.WaitReady(config.NetworkWaitMs))
                {
                    Console.WriteLine("network: not up yet (" + EthernetNetworkBringUp.Describe() + "); the uplink keeps retrying");
                }

                // The stock ST_NUCLEO144_F746ZG image has no file system: records and the outage queue in RAM, no reset marker.
                ChargerRuntime runtime = DeviceBoot.Start(map, new Stm32PinFunctionRouter(), clock, config, VolatileFlashRegion.Open, null);
                Console.WriteLine("charger: " + map.BoardName + " running, shell on COM" + Stm32PinMap.DiagnosticsComPort.ToString());
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
