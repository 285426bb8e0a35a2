using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Hal.Comms;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Uplink;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>The uplink against a real mosquitto, the broker an aggregator is likely to run.</summary>
    [TestClass]
    public sealed class MosquittoUplinkTests : UplinkBrokerContract
    {
        private Mosquitto _mosquitto;

        protected override string BrokerHost => _mosquitto.Host;

        protected override int BrokerPort => _mosquitto.Port;

        protected override void StartBroker() => _mosquitto = new Mosquitto();

        protected override void StopBroker() => _mosquitto?.Dispose();

        [TestMethod]
        public void ABrokerOutageIsSeenAndTheLinkComesBackAfterIt()
        {
            using MqttNetUplink uplink = Connected();

            _mosquitto.Stop();
            WaitForState(uplink, UplinkLinkState.Disconnected);
            uplink.BeginConnect(ConnectOptions());
            WaitForState(uplink, UplinkLinkState.Failed);
            StringAssert.StartsWith(uplink.LastError, "connect failed");

            _mosquitto.Start();
            uplink.Reset();
            uplink.BeginConnect(ConnectOptions());
            WaitForState(uplink, UplinkLinkState.Connected);
            byte[] payload = Encoding.UTF8.GetBytes("{\"state\":\"online\"}");
            Assert.IsTrue(uplink.Publish(StatusTopic, payload, payload.Length, 1, true), uplink.LastError);
        }
    }
}
