// Device-only (nanoFramework, package nanoFramework.System.Net): compiled by boards/stm32 only.
//
// NetworkHelper (namespace nanoFramework.Networking, source: nanoframework/System.Net,
// nanoFramework.System.Net/NetworkHelper/NetworkHelper.cs): SetupNetworkHelper(requiresDateTime) works on the Ethernet
// interface, enables DHCP if the stored configuration does not already, returns at once, and sets NetworkReady (a
// ManualResetEvent) when the interface has an IPv4 address; in the current source it also resets NetworkReady when the
// address is lost. It throws InvalidOperationException on a second call and NotSupportedException when the image has
// no network interface. A static address is set with the device's stored network configuration (Device Explorer).
using System;
using nanoFramework.Networking;

namespace V2G.Boards.Device
{
    /// <summary>The NUCLEO-F746ZG's network: on-board Ethernet, DHCP. Call <see cref="Start"/> once at boot.</summary>
    public static class EthernetNetworkBringUp
    {
        /// <summary>Starts the Ethernet helper; returns at once.</summary>
        public static void Start()
        {
            NetworkHelper.SetupNetworkHelper(false);
        }

        /// <summary>Waits up to <paramref name="timeoutMs"/> for an IP address; true once the network is up.</summary>
        public static bool WaitReady(int timeoutMs)
        {
            return NetworkHelper.NetworkReady.WaitOne(timeoutMs, false);
        }

        /// <summary>The helper's last state and exception, for the shell's diagnostics.</summary>
        public static string Describe()
        {
            Exception error = NetworkHelper.HelperException;
            return "ethernet status " + ((int)NetworkHelper.Status).ToString() + (error == null ? string.Empty : ", " + error.Message);
        }
    }
}
