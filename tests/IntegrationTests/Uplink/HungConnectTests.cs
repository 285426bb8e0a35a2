using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Hal.Comms;
using V2G.Sim.Uplink;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>Connects that never finish or fail at once: the adapter must stay responsive and let the supervisor abandon them.</summary>
    [TestClass]
    public sealed class HungConnectTests
    {
        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

        [TestMethod]
        public void ResetAbandonsAConnectThatHangsWaitingForTheConnack()
        {
            using var silent = new SilentListener();
            // A timeout far beyond the test: only Reset can end this attempt.
            using var uplink = new MqttNetUplink(new MqttNetUplinkOptions { Host = "127.0.0.1", Port = silent.Port, TimeoutMs = 120_000 });
            uplink.BeginConnect(Options());
            Assert.IsTrue(silent.WaitAccepted(Wait), "the client opened its socket");
            Thread.Sleep(300);
            Assert.AreEqual(UplinkLinkState.Connecting, uplink.LinkState, "hung, not failed");

            var call = Stopwatch.StartNew();
            uplink.Reset();
            Assert.IsLessThan(500L, call.ElapsedMilliseconds, "Reset does not wait for the hung attempt");
            Assert.AreEqual(UplinkLinkState.Disconnected, uplink.LinkState);

            Assert.IsTrue(silent.WaitClosedByClient(Wait), "the abandoned attempt's socket is closed");
            Thread.Sleep(300);
            Assert.AreEqual(UplinkLinkState.Disconnected, uplink.LinkState, "the abandoned attempt's end changes nothing");
        }

        [TestMethod]
        public void AConnectThatHangsIsCutByTheAdaptersOwnTimeout()
        {
            using var silent = new SilentListener();
            using var uplink = new MqttNetUplink(new MqttNetUplinkOptions { Host = "127.0.0.1", Port = silent.Port, TimeoutMs = 500 });
            uplink.BeginConnect(Options());
            var waited = Stopwatch.StartNew();
            while (uplink.LinkState == UplinkLinkState.Connecting && waited.Elapsed < Wait)
            {
                Thread.Sleep(10);
            }

            Assert.AreEqual(UplinkLinkState.Failed, uplink.LinkState, uplink.LastError);
            StringAssert.StartsWith(uplink.LastError, "connect failed");
        }

        [TestMethod]
        public void ARefusedConnectionIsAFailureWithItsReason()
        {
            int closedPort = ClosedPort();
            using var uplink = new MqttNetUplink(new MqttNetUplinkOptions { Host = "127.0.0.1", Port = closedPort });
            uplink.BeginConnect(Options());
            var waited = Stopwatch.StartNew();
            while (uplink.LinkState == UplinkLinkState.Connecting && waited.Elapsed < Wait)
            {
                Thread.Sleep(10);
            }

            Assert.AreEqual(UplinkLinkState.Failed, uplink.LinkState);
            StringAssert.StartsWith(uplink.LastError, "connect failed");
            Console.WriteLine("last error: " + uplink.LastError);
        }

        [TestMethod]
        public void BeginConnectWhileAnAttemptIsInFlightIsRefused()
        {
            using var silent = new SilentListener();
            using var uplink = new MqttNetUplink(new MqttNetUplinkOptions { Host = "127.0.0.1", Port = silent.Port, TimeoutMs = 120_000 });
            uplink.BeginConnect(Options());
            Assert.ThrowsExactly<InvalidOperationException>(() => uplink.BeginConnect(Options()));
        }

        private static UplinkConnectOptions Options()
        {
            byte[] will = Encoding.UTF8.GetBytes("{\"state\":\"offline\"}");
            return new UplinkConnectOptions { ClientId = "hung-test", WillTopic = "v2g/1/hung/status", WillPayload = will, WillLength = will.Length };
        }

        private static int ClosedPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
