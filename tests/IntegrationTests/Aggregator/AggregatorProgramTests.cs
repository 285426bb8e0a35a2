using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Aggregator;
using V2G.Sim.Uplink;

namespace V2G.IntegrationTests.Aggregator
{
    /// <summary>v2g-aggregator as its own process, the way a user or a script runs it.</summary>
    [TestClass]
    public sealed class AggregatorProgramTests
    {
        [TestMethod]
        public void TheProgramSendsASetpointAndReturnsTheRepliesExitCode()
        {
            using InProcessBroker broker = InProcessBroker.Start();
            using var charger = new FakeCharger(broker.Port, "sim-0001");

            AggregatorResult accepted = AggregatorRun.AsProcess("setpoint", "--broker", broker.Address, "--charger", "sim-0001", "--power-W", "-7400");
            Assert.AreEqual(ExitCodes.Ok, accepted.ExitCode, accepted.ToString());
            StringAssert.Contains(accepted.Stdout, "accepted, applied -7400.0 W");

            AggregatorResult rejected = AggregatorRun.AsProcess("setpoint", "--broker", broker.Address, "--charger", "sim-0001", "--power-W", "1", "--valid-until", "2020-01-01T00:00:00Z");
            Assert.AreEqual(ExitCodes.Rejected, rejected.ExitCode, rejected.ToString());
        }

        [TestMethod]
        public void TheProgramsWatchPrintsPlainLinesIntoAPipe()
        {
            using InProcessBroker broker = InProcessBroker.Start();
            using var charger = new FakeCharger(broker.Port, "sim-0001");

            AggregatorResult r = AggregatorRun.AsProcess("watch", "--broker", broker.Address, "--once-after", "1");
            Assert.AreEqual(ExitCodes.Ok, r.ExitCode, r.ToString());
            Assert.IsFalse(r.Stdout.Contains('\u001b'), "no ANSI escapes into a pipe");
            StringAssert.Contains(r.Stdout, "sim-0001");
            StringAssert.Contains(r.Stdout, "online");
        }
    }
}
