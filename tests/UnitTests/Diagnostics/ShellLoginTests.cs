#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;

namespace V2G.UnitTests.Diagnostics
{
    /// <summary>Roles and logins: PIN, challenge-response, lockout and its doubling, idle logout, refusals and the audit trail.</summary>
    [TestClass]
    public class ShellLoginTests
    {
        [TestMethod]
        public void ASessionStartsReadOnlyWithTheReadOnlyPrompt()
        {
            ShellRig rig = ShellRig.Standard();
            rig.Pump(5);
            Assert.AreEqual("V2G charger diagnostics \u2014 type help\r\nv2g> ", rig.Port.TakeOutput());
            Assert.AreEqual(ShellRole.ReadOnly, rig.Shell.Session.Role);
        }

        [TestMethod]
        public void TheRightPinLogsInAndChangesThePrompt()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("login 4711\r");
            Assert.IsTrue(output.IndexOf("role: technician\r\n") >= 0, output);
            Assert.IsTrue(output.EndsWith("v2g# "), output);
            Assert.AreEqual(ShellRole.Technician, rig.Shell.Session.Role);
            Assert.AreEqual("pin", rig.Shell.Session.Method);
        }

        [TestMethod]
        public void AWrongPinIsRefusedWithTheAttemptsLeft()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("login 1234\r");
            Assert.IsTrue(output.IndexOf("error: login failed (4 attempts left)") >= 0, output);
            Assert.IsTrue(output.EndsWith("v2g> "));
            Assert.AreEqual(ShellRole.ReadOnly, rig.Shell.Session.Role);
        }

        [TestMethod]
        public void TheChallengeAnsweredWithTheHmacLogsIn()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Type("login\r");
            string challenge = rig.Shell.Session.Challenge;
            Assert.IsNotNull(challenge);
            Assert.AreEqual(16, challenge.Length);

            string response = ShellSession.ResponseFor(ShellRig.Secret, challenge);
            string output = rig.Type("login " + response.ToUpper() + "\r");
            Assert.IsTrue(output.IndexOf("role: technician") >= 0, output);
            Assert.AreEqual("challenge", rig.Shell.Session.Method);
        }

        [TestMethod]
        public void TheLoginChallengeIsPrinted()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("login\r");
            Assert.IsTrue(output.StartsWith("login\r\nchallenge: " + rig.Shell.Session.Challenge + "\r\n"), output);
        }

        [TestMethod]
        public void AChallengeIsGoodForOneResponseOnly()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Type("login\r");
            string response = ShellSession.ResponseFor(ShellRig.Secret, rig.Shell.Session.Challenge);
            rig.Type("login 0000000000000000\r");
            string output = rig.Type("login " + response + "\r");
            Assert.IsTrue(output.IndexOf("error: no challenge outstanding") >= 0, output);
            Assert.AreEqual(ShellRole.ReadOnly, rig.Shell.Session.Role);
        }

        [TestMethod]
        public void AResponseFromAnotherSecretIsRefused()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Type("login\r");
            byte[] other = new byte[] { 1, 2, 3, 4 };
            string output = rig.Type("login " + ShellSession.ResponseFor(other, rig.Shell.Session.Challenge) + "\r");
            Assert.IsTrue(output.IndexOf("error: login failed") >= 0, output);
        }

        [TestMethod]
        public void SomethingThatIsNeitherPinNorResponseIsExplainedAndDoesNotCount()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("login hunter2\r");
            Assert.IsTrue(output.IndexOf("error: expected a PIN (4-12 digits) or a response (16 hex digits)") >= 0, output);
            Assert.AreEqual(0, rig.Shell.Session.FailedLogins);
        }

        [TestMethod]
        public void FiveFailuresLockLoginsOutEvenWithTheRightPin()
        {
            ShellRig rig = ShellRig.Standard().Started();
            for (int i = 0; i < 4; i++)
            {
                rig.Type("login 0000\r");
            }

            string fifth = rig.Type("login 0000\r");
            Assert.IsTrue(fifth.IndexOf("error: login failed; locked out for 60 s") >= 0, fifth);

            rig.NowMs += 30000;
            string during = rig.Type("login 4711\r");
            Assert.IsTrue(during.IndexOf("error: locked out for 30 s") >= 0, during);
            Assert.AreEqual(ShellRole.ReadOnly, rig.Shell.Session.Role);

            string challenge = rig.Type("login\r");
            Assert.IsTrue(challenge.IndexOf("error: locked out for") >= 0, challenge);

            rig.NowMs += 31000;
            string after = rig.Type("login 4711\r");
            Assert.IsTrue(after.IndexOf("role: technician") >= 0, after);
        }

        [TestMethod]
        public void EachFurtherLockoutLastsTwiceAsLongUpTo15Minutes()
        {
            ShellRig rig = ShellRig.Standard().Started();
            long[] expectedS = { 60, 120, 240, 480, 900, 900 };
            for (int lockout = 0; lockout < expectedS.Length; lockout++)
            {
                string output = string.Empty;
                for (int i = 0; i < 5; i++)
                {
                    output = rig.Type("login 0000\r");
                }

                Assert.IsTrue(output.IndexOf("locked out for " + expectedS[lockout].ToString() + " s") >= 0, output);
                rig.NowMs += expectedS[lockout] * 1000;
            }

            // A success resets the doubling.
            rig.Type("login 4711\r");
            for (int i = 0; i < 5; i++)
            {
                rig.Type("login 0000\r");
            }

            long remainingMs = rig.Shell.Session.LockoutRemainingMs(rig.NowMs);
            Assert.IsTrue(remainingMs <= 60000 && remainingMs > 59000, remainingMs.ToString());
        }

        [TestMethod]
        public void TenMinutesWithoutInputLogOut()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Type("login 4711\r");
            rig.NowMs += ShellSettings.DefaultIdleLogoutMs - 1000;
            rig.Pump(1);
            Assert.AreEqual(ShellRole.Technician, rig.Shell.Session.Role);

            rig.NowMs += 1000;
            rig.Pump(1);
            Assert.AreEqual(ShellRole.ReadOnly, rig.Shell.Session.Role);
            Assert.IsTrue(rig.Port.TakeOutput().IndexOf("logged out (idle)\r\n") >= 0);
        }

        [TestMethod]
        public void InputKeepsTheSessionAlive()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Type("login 4711\r");
            for (int i = 0; i < 5; i++)
            {
                rig.NowMs += 300000;
                rig.Type("s");
            }

            Assert.AreEqual(ShellRole.Technician, rig.Shell.Session.Role);
        }

        [TestMethod]
        public void LogoutReturnsToReadOnly()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Type("login 4711\r");
            string output = rig.Type("logout\r");
            Assert.IsTrue(output.IndexOf("role: read-only") >= 0, output);
            Assert.IsTrue(output.EndsWith("v2g> "));
        }

        [TestMethod]
        public void ATechnicianCommandIsRefusedInAReadOnlySession()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("reboot\r");
            Assert.IsTrue(output.IndexOf("error: login required (read-only session)") >= 0, output);
            Assert.AreEqual(0, ((ScriptedCommand)rig.Shell.Find("reboot")).Runs);
        }

        [TestMethod]
        public void RequireRefusesAWritingSubcommandInAReadOnlySession()
        {
            ShellRig rig = ShellRig.Standard().Started();
            string output = rig.Type("set\r");
            Assert.IsTrue(output.IndexOf("error: login required (read-only session)") >= 0, output);
            Assert.AreEqual(0, rig.Log.Count);
        }

        [TestMethod]
        public void AWriteIsAuditLoggedWithOldAndNewValue()
        {
            ShellRig rig = ShellRig.Standard().Started();
            rig.Type("login 4711\r");
            rig.Type("set\r");
            bool found = false;
            for (int i = 0; i < rig.Log.Count; i++)
            {
                if (rig.Log.Get(i).Text == "set limit: 1 -> 2")
                {
                    found = true;
                }
            }

            Assert.IsTrue(found);
        }
    }
}
