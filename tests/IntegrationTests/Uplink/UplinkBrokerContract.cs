using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Hal.Comms;
using V2G.Sim.Uplink;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// What the simulator's MQTTnet uplink must do against any broker: the same tests run against the
    /// in-process broker (<see cref="InProcessBrokerUplinkTests"/>) and a real mosquitto (<see cref="MosquittoUplinkTests"/>).
    /// Each test gets a fresh broker.
    /// </summary>
    public abstract class UplinkBrokerContract
    {
        protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
        protected const string ChargerId = "test-0001";
        protected const string Root = "v2g/1/" + ChargerId + "/";
        protected const string StatusTopic = Root + "status";
        protected const string WillPayload = "{\"state\":\"offline\",\"fw\":\"0.7.0\",\"boot_id\":42}";

        protected abstract string BrokerHost { get; }

        protected abstract int BrokerPort { get; }

        protected abstract void StartBroker();

        protected abstract void StopBroker();

        [TestInitialize]
        public void StartBrokerForTest() => StartBroker();

        [TestCleanup]
        public void StopBrokerAfterTest() => StopBroker();

        [TestMethod]
        public void ConnectsWithoutBlockingTheCaller()
        {
            using MqttNetUplink uplink = NewUplink();
            var call = Stopwatch.StartNew();
            uplink.BeginConnect(ConnectOptions());
            Assert.IsLessThan(500L, call.ElapsedMilliseconds, "BeginConnect returns at once");
            WaitForState(uplink, UplinkLinkState.Connected);
        }

        [TestMethod]
        public void RetainedQos1PublishIsAcknowledgedAndArrivesByteForByte()
        {
            using MqttNetUplink uplink = Connected();
            byte[] buffer = new byte[256];
            int length = Encoding.UTF8.GetBytes("{\"state\":\"online\",\"boot_id\":42,\"ts\":\"2026-11-26T05:00:01.000Z\"}", buffer);
            // Garbage after the length must not be sent.
            buffer[length] = (byte)'X';

            Assert.IsTrue(uplink.Publish(StatusTopic, buffer, length, 1, true), uplink.LastError);

            // Subscribing afterwards: only a retained message can arrive.
            using var observer = new MqttObserver(BrokerHost, BrokerPort);
            observer.Subscribe(StatusTopic);
            ObservedMessage m = observer.WaitFor(StatusTopic, Wait);
            Assert.AreEqual(Encoding.UTF8.GetString(buffer, 0, length), m.Payload);
            Assert.IsTrue(m.Retain, "retained");
        }

        [TestMethod]
        public void Qos0PublishIsHandedOverAndArrives()
        {
            using MqttNetUplink uplink = Connected();
            using var observer = new MqttObserver(BrokerHost, BrokerPort);
            observer.Subscribe(Root + "telemetry");
            byte[] sample = Encoding.UTF8.GetBytes("{\"seq\":1,\"hist\":false}");

            Assert.IsTrue(uplink.Publish(Root + "telemetry", sample, sample.Length, 0, false), uplink.LastError);

            Assert.AreEqual("{\"seq\":1,\"hist\":false}", observer.WaitFor(Root + "telemetry", Wait).Payload);
        }

        [TestMethod]
        public void Qos1PublishWithNoSubscriberStillSucceeds()
        {
            // MQTT 5 brokers answer "no matching subscribers" (0x10): delivered to the broker is what counts.
            using MqttNetUplink uplink = Connected();
            byte[] record = Encoding.UTF8.GetBytes("{\"seq\":1,\"hist\":true}");
            Assert.IsTrue(uplink.Publish(Root + "event", record, record.Length, 1, false), uplink.LastError);
        }

        [TestMethod]
        public void SubscribedMessagesAreRaisedWithTopicAndPayload()
        {
            using MqttNetUplink uplink = Connected();
            var inbound = new BlockingCollection<string>();
            uplink.MessageReceived += (topic, payload, length) => inbound.Add(topic + " " + Encoding.UTF8.GetString(payload, 0, length));
            Assert.IsTrue(uplink.Subscribe(Root + "cmd/setpoint", 1), uplink.LastError);
            Assert.IsTrue(uplink.Subscribe(Root + "heartbeat", 1), uplink.LastError);

            using var observer = new MqttObserver(BrokerHost, BrokerPort);
            observer.Publish(Root + "cmd/setpoint", "{\"id\":\"a1\",\"power_W\":-7400}");
            observer.Publish(Root + "heartbeat", "{\"seq\":1}");

            Assert.IsTrue(inbound.TryTake(out string first, Wait), "the setpoint arrives");
            Assert.AreEqual(Root + "cmd/setpoint {\"id\":\"a1\",\"power_W\":-7400}", first);
            Assert.IsTrue(inbound.TryTake(out string second, Wait), "the heartbeat arrives");
            Assert.AreEqual(Root + "heartbeat {\"seq\":1}", second);
        }

        [TestMethod]
        public void TheWillIsPublishedWhenTheConnectionIsCut()
        {
            using var relay = new TcpRelay(BrokerPort);
            using MqttNetUplink uplink = NewUplink(relay.Port);
            uplink.BeginConnect(ConnectOptions());
            WaitForState(uplink, UplinkLinkState.Connected);
            using var observer = new MqttObserver(BrokerHost, BrokerPort);
            observer.Subscribe(StatusTopic);

            relay.Cut();

            ObservedMessage will = observer.WaitFor(StatusTopic, Wait);
            Assert.AreEqual(WillPayload, will.Payload);
            WaitForState(uplink, UplinkLinkState.Disconnected);
            byte[] late = Encoding.UTF8.GetBytes("{}");
            Assert.IsFalse(uplink.Publish(Root + "telemetry", late, late.Length, 0, false), "no publish without a link");
        }

        [TestMethod]
        public void TheWillIsPublishedWhenResetDropsTheConnection()
        {
            using MqttNetUplink uplink = Connected();
            using var observer = new MqttObserver(BrokerHost, BrokerPort);
            observer.Subscribe(StatusTopic);

            uplink.Reset();

            Assert.AreEqual(UplinkLinkState.Disconnected, uplink.LinkState);
            Assert.AreEqual(WillPayload, observer.WaitFor(StatusTopic, Wait).Payload);
            // And the will is retained: a late aggregator sees the charger offline.
            using var late = new MqttObserver(BrokerHost, BrokerPort);
            late.Subscribe(StatusTopic);
            ObservedMessage retained = late.WaitFor(StatusTopic, Wait);
            Assert.IsTrue(retained.Retain);
            Assert.AreEqual(WillPayload, retained.Payload);
        }

        [TestMethod]
        public void ACleanShutdownDoesNotPublishTheWill()
        {
            MqttNetUplink uplink = Connected();
            using var observer = new MqttObserver(BrokerHost, BrokerPort);
            observer.Subscribe(StatusTopic);

            uplink.Dispose();

            Assert.IsNull(observer.TryWaitFor(StatusTopic, TimeSpan.FromSeconds(1)), "a DISCONNECT discards the will");
        }

        [TestMethod]
        public void CommandsSentWhileAwayArriveAfterReconnecting()
        {
            // Clean start false with a session expiry: the broker keeps the subscription and queues QoS 1
            // commands while the charger is offline; it does not subscribe again.
            using MqttNetUplink uplink = Connected();
            var inbound = new BlockingCollection<string>();
            uplink.MessageReceived += (topic, payload, length) => inbound.Add(Encoding.UTF8.GetString(payload, 0, length));
            Assert.IsTrue(uplink.Subscribe(Root + "cmd/setpoint", 1), uplink.LastError);
            uplink.Reset();
            using var observer = new MqttObserver(BrokerHost, BrokerPort);
            observer.Publish(Root + "cmd/setpoint", "{\"id\":\"while-away\"}");

            uplink.BeginConnect(ConnectOptions());
            WaitForState(uplink, UplinkLinkState.Connected);

            Assert.IsTrue(inbound.TryTake(out string command, Wait), "the queued command arrives");
            Assert.AreEqual("{\"id\":\"while-away\"}", command);
        }

        [TestMethod]
        public void TheLinkOutlivesTheConnectDeadline()
        {
            using MqttNetUplink uplink = NewUplink(configure: o => o.TimeoutMs = 300);
            uplink.BeginConnect(ConnectOptions());
            WaitForState(uplink, UplinkLinkState.Connected);

            Thread.Sleep(1000);

            Assert.AreEqual(UplinkLinkState.Connected, uplink.LinkState, uplink.LastError);
            byte[] payload = Encoding.UTF8.GetBytes("{}");
            Assert.IsTrue(uplink.Publish(Root + "event", payload, payload.Length, 1, false), uplink.LastError);
        }

        [TestMethod]
        public void PublishAndSubscribeReturnFalseBeforeConnecting()
        {
            using MqttNetUplink uplink = NewUplink();
            byte[] payload = Encoding.UTF8.GetBytes("{}");
            Assert.IsFalse(uplink.Publish(Root + "telemetry", payload, payload.Length, 1, false));
            Assert.IsFalse(uplink.Subscribe(Root + "heartbeat", 1));
        }

        protected MqttNetUplink NewUplink(int? port = null, Action<MqttNetUplinkOptions> configure = null)
        {
            var options = new MqttNetUplinkOptions { Host = BrokerHost, Port = port ?? BrokerPort, TimeoutMs = 5000 };
            configure?.Invoke(options);
            return new MqttNetUplink(options);
        }

        protected MqttNetUplink Connected()
        {
            MqttNetUplink uplink = NewUplink();
            uplink.BeginConnect(ConnectOptions());
            WaitForState(uplink, UplinkLinkState.Connected);
            return uplink;
        }

        protected static UplinkConnectOptions ConnectOptions(string clientId = "v2g-" + ChargerId)
        {
            byte[] will = Encoding.UTF8.GetBytes(WillPayload + "garbage after the length");
            return new UplinkConnectOptions
            {
                ClientId = clientId,
                WillTopic = StatusTopic,
                WillPayload = will,
                WillLength = Encoding.UTF8.GetByteCount(WillPayload),
                KeepAliveS = 30,
                SessionExpiryS = 3600,
                CleanStart = false,
            };
        }

        protected static void WaitForState(MqttNetUplink uplink, UplinkLinkState expected)
        {
            var waited = Stopwatch.StartNew();
            while (uplink.LinkState != expected)
            {
                if (waited.Elapsed > Wait)
                {
                    Assert.Fail($"link state {uplink.LinkState}, expected {expected} within {Wait.TotalSeconds} s; last error: {uplink.LastError}");
                }

                Thread.Sleep(10);
            }
        }
    }
}
