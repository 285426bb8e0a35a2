using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet.Protocol;
using V2G.Hal.Comms;
using V2G.Sim.Uplink;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>The uplink against the simulator's embedded broker (its default without --broker).</summary>
    [TestClass]
    public sealed class InProcessBrokerUplinkTests : UplinkBrokerContract
    {
        private InProcessBroker _broker;

        protected override string BrokerHost => InProcessBroker.Host;

        protected override int BrokerPort => _broker.Port;

        protected override void StartBroker() => _broker = InProcessBroker.Start();

        protected override void StopBroker() => _broker?.Dispose();

        [TestMethod]
        public void TheBrokerListensOnAFreeLoopbackPort()
        {
            Assert.IsGreaterThan(0, _broker.Port);
            Assert.AreEqual("127.0.0.1:" + _broker.Port, _broker.Address);
            using InProcessBroker second = InProcessBroker.Start();
            Assert.AreNotEqual(_broker.Port, second.Port, "two brokers side by side");
        }

        [TestMethod]
        [DoNotParallelize] // The heap is the whole process's: other tests running beside it would blur it.
        public void TenThousandPublishesLeaveNoGrowingMemoryBehind()
        {
            const int Publishes = 10_000;
            using MqttNetUplink uplink = Connected();
            byte[] sample = Encoding.UTF8.GetBytes("{\"ts\":\"2026-11-26T05:00:01.000Z\",\"seq\":17,\"hist\":false,\"power_W\":-7400.0}");
            for (int i = 0; i < 500; i++)
            {
                Assert.IsTrue(uplink.Publish(Root + "telemetry", sample, sample.Length, i % 2, false), uplink.LastError);
            }

            long before = GC.GetTotalMemory(forceFullCollection: true);
            for (int i = 0; i < Publishes; i++)
            {
                Assert.IsTrue(uplink.Publish(Root + "telemetry", sample, sample.Length, i % 2, false), uplink.LastError);
            }

            long after = GC.GetTotalMemory(forceFullCollection: true);
            Console.WriteLine($"heap before {before} B, after {Publishes} publishes {after} B");
            // Each publish allocates (a payload copy, MQTTnet's packet) but keeps nothing: a leak of even
            // the payload copies (~80 B each) plus their arrays' headers would pass 1 MB.
            Assert.IsLessThan(1024 * 1024L, after - before, "the heap grows with the number of publishes");
        }

        [TestMethod]
        public void UsernameAndPasswordAreSentAndARefusalIsAFailure()
        {
            _broker.Server.ValidatingConnectionAsync += e =>
            {
                if (e.UserName != "charger" || e.Password != "s3cret")
                {
                    e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
                }

                return Task.CompletedTask;
            };

            using MqttNetUplink wrong = NewUplink(configure: o => { o.Username = "charger"; o.Password = "guess"; });
            wrong.BeginConnect(ConnectOptions("wrong"));
            WaitForState(wrong, UplinkLinkState.Failed);
            StringAssert.Contains(wrong.LastError, "BadUserNameOrPassword");

            using MqttNetUplink right = NewUplink(configure: o => { o.Username = "charger"; o.Password = "s3cret"; });
            right.BeginConnect(ConnectOptions("right"));
            WaitForState(right, UplinkLinkState.Connected);
        }
    }
}
