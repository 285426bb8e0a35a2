#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Uplink;
using V2G.Hal.Comms;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.Plc;

namespace V2G.UnitTests.Uplink
{
    /// <summary>The connection supervisor against a client that connects, fails, hangs and drops.</summary>
    [TestClass]
    public class UplinkConnectionTests
    {
        private static readonly string[] Subscriptions = { "v2g/1/t/cmd/setpoint", "v2g/1/t/cfg/droop/set", "v2g/1/t/heartbeat" };

        private static UplinkConnection Make(FakeUplink client, UplinkSettings settings)
        {
            return new UplinkConnection(settings, client, new SeededEntropy(7), new UplinkConnectOptions(), Subscriptions);
        }

        /// <summary>Polls every 10 ms from <paramref name="fromMs"/> for <paramref name="durationMs"/>; answers every birth with success. Returns the time reached.</summary>
        private static long Run(UplinkConnection c, long fromMs, long durationMs)
        {
            long t = fromMs;
            for (; t < fromMs + durationMs; t += 10)
            {
                if (c.Poll(t) == UplinkConnectionEvent.BirthDue)
                {
                    c.ReportBirth(true, t);
                }
            }

            return t;
        }

        [TestMethod]
        public void ConnectsSubscribesToTheThreeCommandTopicsAndGoesOnlineAfterTheBirth()
        {
            FakeUplink client = new FakeUplink();
            UplinkConnection c = Make(client, new UplinkSettings());

            Assert.AreEqual((int)UplinkConnectionEvent.None, (int)c.Poll(0));
            Assert.AreEqual(1, client.BeginConnects);
            Assert.AreEqual((int)UplinkConnectionEvent.BirthDue, (int)c.Poll(10));
            Assert.AreEqual(3, client.SubscriptionCount);
            Assert.AreEqual(Subscriptions[0], client.SubscriptionAt(0));
            Assert.IsFalse(c.IsOnline, "not online before the birth is published");

            c.ReportBirth(true, 10);

            Assert.IsTrue(c.IsOnline);
            Assert.AreEqual("online", c.StateName);
            Assert.AreEqual(1L, c.Connects);
            Assert.AreEqual(0L, c.Reconnects);
        }

        [TestMethod]
        public void HungConnectIsAbandonedAtTheTimeoutByResettingTheClient()
        {
            FakeUplink client = new FakeUplink();
            client.ConnectBehaviour = FakeUplink.ConnectHangs;
            UplinkSettings settings = new UplinkSettings();
            UplinkConnection c = Make(client, settings);

            Run(c, 0, settings.ConnectTimeoutMs - 10);
            Assert.AreEqual((int)UplinkConnectionState.Connecting, (int)c.State, "still waiting within the timeout");
            Assert.AreEqual(0L, c.ConnectTimeouts);

            Run(c, settings.ConnectTimeoutMs - 10, 20);

            Assert.AreEqual(1L, c.ConnectTimeouts);
            Assert.AreEqual((int)UplinkConnectionState.Backoff, (int)c.State);
            Assert.IsTrue(client.Resets >= 1, "the hung client was reset");
            Assert.AreEqual((int)UplinkLinkState.Disconnected, (int)client.LinkState);
            Assert.AreEqual("connect timeout", c.LastError);
        }

        [TestMethod]
        public void AfterAHungConnectTheNextAttemptConnects()
        {
            FakeUplink client = new FakeUplink();
            client.ConnectBehaviour = FakeUplink.ConnectHangs;
            UplinkSettings settings = new UplinkSettings();
            UplinkConnection c = Make(client, settings);
            long t = Run(c, 0, settings.ConnectTimeoutMs + 10);

            client.ConnectBehaviour = FakeUplink.ConnectSucceeds;
            Run(c, t, settings.BackoffMinMs * 2);

            Assert.IsTrue(c.IsOnline);
            Assert.AreEqual(2, client.BeginConnects);
        }

        [TestMethod]
        public void BackoffDoublesFromTheMinimumToTheMaximumWithinTheJitterBounds()
        {
            FakeUplink client = new FakeUplink();
            client.ConnectBehaviour = FakeUplink.ConnectFails;
            UplinkSettings settings = new UplinkSettings();
            UplinkConnection c = Make(client, settings);
            long t = 0;
            bool sawBelowNominal = false;
            bool sawAboveNominal = false;

            for (int failure = 1; failure <= 12; failure++)
            {
                c.Poll(t); // starts the attempt
                c.Poll(t); // sees it failed
                Assert.AreEqual((long)failure, c.ConnectFailures, "failure " + failure.ToString());
                long nominal = c.NominalBackoffMs(failure);
                long expected = settings.BackoffMinMs;
                for (int i = 1; i < failure; i++)
                {
                    expected = expected * 2 > settings.BackoffMaxMs ? settings.BackoffMaxMs : expected * 2;
                }

                Assert.AreEqual(expected, nominal, "nominal backoff after failure " + failure.ToString());
                long span = nominal * settings.JitterPercent / 100;
                Assert.IsTrue(c.LastBackoffMs >= nominal - span && c.LastBackoffMs <= nominal + span,
                    "backoff " + c.LastBackoffMs.ToString() + " within ±25 % of " + nominal.ToString());
                sawBelowNominal |= c.LastBackoffMs < nominal;
                sawAboveNominal |= c.LastBackoffMs > nominal;

                Assert.AreEqual((int)UplinkConnectionEvent.None, (int)c.Poll(t + c.LastBackoffMs - 1));
                Assert.AreEqual(failure, client.BeginConnects, "no attempt before the backoff ends");
                t += c.LastBackoffMs;
            }

            Assert.IsTrue(sawBelowNominal && sawAboveNominal, "the jitter varies both ways");
            Assert.AreEqual((long)settings.BackoffMaxMs, c.NominalBackoffMs(12));
        }

        [TestMethod]
        public void NeverGivesUpAndConnectsWhenTheBrokerComesBack()
        {
            FakeUplink client = new FakeUplink();
            client.ConnectBehaviour = FakeUplink.ConnectFails;
            UplinkSettings settings = new UplinkSettings();
            UplinkConnection c = Make(client, settings);

            long t = Run(c, 0, 30L * 60 * 1000);
            Assert.IsTrue(client.BeginConnects >= 30, "keeps trying for half an hour (" + client.BeginConnects.ToString() + " attempts)");

            client.ConnectBehaviour = FakeUplink.ConnectSucceeds;
            Run(c, t, settings.BackoffMaxMs * 2);

            Assert.IsTrue(c.IsOnline);
            Assert.AreEqual(0, c.ConsecutiveFailures);
        }

        [TestMethod]
        public void ALostLinkIsReportedAndReconnectedAfterTheBackoff()
        {
            FakeUplink client = new FakeUplink();
            UplinkSettings settings = new UplinkSettings();
            UplinkConnection c = Make(client, settings);
            long t = Run(c, 0, 100);
            Assert.IsTrue(c.IsOnline);

            client.DropLink();
            Assert.AreEqual((int)UplinkConnectionEvent.Lost, (int)c.Poll(t));
            Assert.AreEqual(1L, c.LinkLosses);
            Assert.AreEqual(t, c.OfflineSinceMs);
            Assert.IsTrue(c.LastBackoffMs <= settings.BackoffMinMs * (100 + settings.JitterPercent) / 100, "first backoff after a loss is the shortest");

            Run(c, t + 10, settings.BackoffMinMs * 2);

            Assert.IsTrue(c.IsOnline);
            Assert.AreEqual(2L, c.Connects);
            Assert.AreEqual(1L, c.Reconnects);
        }

        [TestMethod]
        public void SubscriptionsOrBirthNotDoneInTimeEndTheAttempt()
        {
            FakeUplink client = new FakeUplink();
            UplinkSettings settings = new UplinkSettings();
            UplinkConnection c = Make(client, settings);
            c.Poll(0);
            Assert.AreEqual((int)UplinkConnectionEvent.BirthDue, (int)c.Poll(10));

            // The caller never reports the birth (its publishes hang).
            c.Poll(10 + settings.SubscribeTimeoutMs - 1);
            Assert.AreEqual((int)UplinkConnectionState.Subscribing, (int)c.State);
            c.Poll(10 + settings.SubscribeTimeoutMs);

            Assert.AreEqual((int)UplinkConnectionState.Backoff, (int)c.State);
            Assert.AreEqual(1L, c.ConnectTimeouts);
            Assert.AreEqual("subscribe timeout", c.LastError);
        }

        [TestMethod]
        public void RefusedSubscriptionOrFailedBirthBacksOff()
        {
            FakeUplink client = new FakeUplink();
            client.SubscribeRefused = true;
            UplinkConnection c = Make(client, new UplinkSettings());
            c.Poll(0);
            c.Poll(10);
            Assert.AreEqual((int)UplinkConnectionState.Backoff, (int)c.State);
            Assert.AreEqual(1L, c.SubscribeFailures);

            client.SubscribeRefused = false;
            c.Poll(10 + c.LastBackoffMs);
            Assert.AreEqual((int)UplinkConnectionEvent.BirthDue, (int)c.Poll(20 + c.LastBackoffMs));
            c.ReportBirth(false, 20 + c.LastBackoffMs);
            Assert.AreEqual((int)UplinkConnectionState.Backoff, (int)c.State);
            Assert.AreEqual("birth publish failed", c.LastError);
            Assert.AreEqual(0L, c.Connects);
        }
    }
}
