// Device-only (nanoFramework, package nanoFramework.System.Device.Wifi): compiled by boards/esp32 only.
//
// WifiNetworkHelper (namespace nanoFramework.Networking, source: nanoframework/System.Device.Wifi,
// System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs):
// - SetupNetworkHelper(ssid, password, WifiReconnectionKind, requiresDateTime) stores the credentials in the device's
//   Wi-Fi configuration, connects, and returns at once; a worker thread sets NetworkReady (a ManualResetEvent) when
//   the interface has an IPv4 address. It throws InvalidOperationException when called a second time and
//   NotSupportedException when the image has no network interface.
// - WifiReconnectionKind.Automatic lets the Wi-Fi driver reconnect by itself after a loss.
// Waiting uses WaitHandle.WaitOne(int, bool) from CoreLibrary (present in 1.17.11's mscorlib.xml).
using System;
using System.Device.Wifi;
using nanoFramework.Networking;

namespace V2G.Boards.Device
{
    /// <summary>The ESP32's network: Wi-Fi station with DHCP, reconnecting by itself. Call <see cref="Start"/> once at boot.</summary>
    public static class WifiNetworkBringUp
    {
        /// <summary>Starts connecting to <paramref name="ssid"/>; returns at once.</summary>
        public static void Start(string ssid, string password)
        {
            if (ssid == null || ssid.Length == 0)
            {
                throw new ArgumentException("the Wi-Fi SSID is a required setting");
            }

            WifiNetworkHelper.SetupNetworkHelper(ssid, password, WifiReconnectionKind.Automatic, false);
        }

        /// <summary>Waits up to <paramref name="timeoutMs"/> for an IP address; true once the network is up.</summary>
        public static bool WaitReady(int timeoutMs)
        {
            return WifiNetworkHelper.NetworkReady.WaitOne(timeoutMs, false);
        }

        /// <summary>The helper's last state and exception, for the shell's diagnostics.</summary>
        public static string Describe()
        {
            Exception error = WifiNetworkHelper.HelperException;
            // Enum values print as numbers on nanoFramework; the number is NetworkHelperStatus's.
            return "wifi status " + ((int)WifiNetworkHelper.Status).ToString() + (error == null ? string.Empty : ", " + error.Message);
        }
    }
}
