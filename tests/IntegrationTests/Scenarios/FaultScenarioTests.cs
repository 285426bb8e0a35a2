using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.Firmware.Settings;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Scenarios
{
    /// <summary>
    /// What every fault-injecting built-in scenario must show: its expected fault recorded, the
    /// converter off in the tick that found it, the contactors opened within the deadline, the
    /// output safe at the end, and no limit exceeded before the injection. Each derived class adds
    /// its fault's own detection bound and way of opening.
    /// </summary>
    public abstract class FaultScenarioTests
    {
        protected abstract ScenarioRun Run { get; }

        protected FaultRecord Fault => Run.FaultNamed(Run.Scenario.ExpectedFault);

        protected ChargerSettings Settings => Run.Settings;

        [TestMethod]
        public void TheExpectedFaultIsRecorded()
        {
            Assert.IsTrue(Run.Scenario.ExpectsFault);
            Assert.AreEqual(Run.Scenario.ExpectedFault, FaultCatalogue.Get(Fault.Code).Name);
        }

        [TestMethod]
        public void TheConverterIsDisabledInTheTickThatFoundTheFault()
        {
            Assert.AreEqual(Fault.RaisedAtMs, Fault.ConverterOffAtMs);
        }

        [TestMethod]
        public void TheContactorsAreCommandedOpenWithinTheDeadline()
        {
            FaultRecord f = Fault;
            Assert.IsTrue(f.IsSafeStateReached, "the contactors were never commanded open");
            Assert.IsInRange(0L, Settings.ContactorOpenDeadlineMs, f.ContactorsOpenAtMs - f.RaisedAtMs);
        }

        [TestMethod]
        public void TheOutputEndsSafe()
        {
            Assert.IsTrue(Run.Result.EndedSafe);
        }

        [TestMethod]
        public void NoLimitInForceIsExceededBeforeTheInjection()
        {
            // The runner checks the limits only until the injection: after it, the fault is under test.
            Assert.IsEmpty(Run.Result.LimitViolations, Run.DescribeViolations());
        }
    }
}
