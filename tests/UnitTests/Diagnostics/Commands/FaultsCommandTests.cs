#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Faults;

namespace V2G.UnitTests.Diagnostics.Commands
{
    [TestClass]
    public class FaultsCommandTests
    {
        [TestMethod]
        public void FaultsListsActiveFaultsFirstWithTimeAndCause()
        {
            CommandRig rig = new CommandRig();
            rig.Sim.EmergencyStop.IsActive = true;
            rig.Run(200);
            rig.Sim.EmergencyStop.IsActive = false;
            rig.Controller.ReportFault(FaultCode.PilotError, 3);
            rig.Run(200);

            string output = rig.Type("faults");

            Assert.IsTrue(CommandRig.Has(output, "active: "), output);
            int estop = output.IndexOf("emergency_stop");
            Assert.IsTrue(estop > 0, output);
            Assert.IsTrue(CommandRig.Has(output, "active  operator"), output);
            Assert.IsTrue(CommandRig.Has(output, "The emergency-stop chain opened."), output);
        }

        [TestMethod]
        public void FaultsClearNeedsATechnician()
        {
            CommandRig rig = new CommandRig();
            rig.Sim.EmergencyStop.IsActive = true;
            rig.Run(200);
            rig.Sim.EmergencyStop.IsActive = false;

            string output = rig.Type("faults clear");

            Assert.IsTrue(CommandRig.Has(output, "error: login required (read-only session)"), output);
            Assert.AreEqual(1, rig.Controller.ActiveFaultCount);
        }

        [TestMethod]
        public void FaultsClearClearsALatchedFaultWhoseCauseIsGoneAndAuditsIt()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Sim.EmergencyStop.IsActive = true;
            rig.Run(200);
            rig.Sim.EmergencyStop.IsActive = false;
            rig.Run(200);

            string output = rig.Type("faults clear");

            Assert.IsTrue(CommandRig.Has(output, "cleared: 1\r\nremaining: 0\r\nno fault active"), output);
            Assert.AreEqual(0, rig.Controller.ActiveFaultCount);
            Assert.IsTrue(CommandRig.Has(rig.Type("log"), "faults active: 1 -> 0"), "audited");
        }

        [TestMethod]
        public void FaultsClearSaysWhatRemainsWhileTheCauseIsStillThere()
        {
            CommandRig rig = new CommandRig().LoggedIn();
            rig.Sim.EmergencyStop.IsActive = true;
            rig.Run(200);

            string output = rig.Type("faults clear");

            Assert.IsTrue(CommandRig.Has(output, "cleared: 0\r\nremaining: 1\r\n"), output);
            Assert.IsTrue(CommandRig.Has(output, "emergency_stop"), output);
        }

        [TestMethod]
        public void AFullFaultLogStreamsInPartsInMachineMode()
        {
            CommandRig rig = new CommandRig().InMachineMode();
            for (int i = 0; i < 32; i++)
            {
                rig.Controller.ReportFault(FaultCode.PilotError, i);
                rig.Run(40);
                rig.Controller.VehicleConnected();
                rig.Controller.VehicleDisconnected();
                rig.Run(40);
            }

            string output = rig.Type("$3 faults");

            string[] lines = output.Split('\n');
            Assert.IsTrue(lines.Length > 2, "several parts: " + output);
            Assert.IsTrue(CommandRig.Has(lines[0], "\"part\":0,\"more\":true"), lines[0]);
            Assert.AreEqual(32, CommandRig.CountOf(output, "\"code\":\"pilot_error\""), output);
            Assert.IsTrue(CommandRig.Has(output, "\"more\":false"), output);
        }
    }
}
