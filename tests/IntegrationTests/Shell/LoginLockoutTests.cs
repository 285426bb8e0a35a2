using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Shell
{
    /// <summary>Wrong PINs through the host tool: each refused with the attempts left, then a lockout that refuses even the right PIN.</summary>
    [TestClass]
    public sealed class LoginLockoutTests
    {
        [TestMethod]
        public void FiveWrongPinsLockTheLoginOutEvenForTheRightPin()
        {
            using var folder = new TempFolder();
            using var sim = new ShellSimulator(folder);

            for (int left = 4; left >= 1; left--)
            {
                SimProcessResult wrong = DiagProgram.Run("--port", sim.TechnicianPath, "--pin", "0000", "status");
                Assert.AreEqual(1, wrong.ExitCode, wrong.ToString());
                StringAssert.Contains(wrong.StandardError, $"login: login failed ({left} attempt{(left == 1 ? "" : "s")} left)", wrong.ToString());
            }

            SimProcessResult fifth = DiagProgram.Run("--port", sim.TechnicianPath, "--pin", "0000", "status");
            StringAssert.Contains(fifth.StandardError, "locked out for 60 s", fifth.ToString());

            SimProcessResult right = DiagProgram.Run("--port", sim.TechnicianPath, "--pin", "1234", "status");
            Assert.AreEqual(1, right.ExitCode, right.ToString());
            StringAssert.Contains(right.StandardError, "locked out for", right.ToString());
        }
    }
}
