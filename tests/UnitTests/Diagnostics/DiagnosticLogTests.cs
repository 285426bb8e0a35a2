#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics.Log;
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Firmware.Storage;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Storage;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Diagnostics
{
    [TestClass]
    public class DiagnosticLogTests
    {
        private static DiagnosticLog PersistentLog(SimulatedFlash flash)
        {
            return new DiagnosticLog(16, null, new FlashRecordStore(flash, 16, 128), DiagnosticLog.DefaultFirstRecordId, 4);
        }

        [TestMethod]
        public void EntriesAreKeptOldestFirstWithTheirModuleAndLevel()
        {
            DiagnosticLog log = new DiagnosticLog();
            log.Write(LogModule.Grid, LogLevel.Warn, "first", 10);
            log.Write(LogModule.Shell, LogLevel.Info, "second", 20);
            Assert.AreEqual(2, log.Count);
            Assert.AreEqual(2L, log.Total);
            LogEntry e = log.Get(0);
            Assert.AreEqual("first", e.Text);
            Assert.AreEqual(LogModule.Grid, e.Module);
            Assert.AreEqual(LogLevel.Warn, e.Level);
            Assert.AreEqual(10L, e.TimeMs);
            Assert.AreEqual(0L, e.WallUnixMs);
            Assert.AreEqual("second", log.Get(1).Text);
            Assert.AreEqual(-1L, log.Get(2).Number, "outside the range");
        }

        [TestMethod]
        public void TheRingKeepsTheNewestWhenFull()
        {
            DiagnosticLog log = new DiagnosticLog(4, null, null, 0, 1);
            for (int i = 0; i < 10; i++)
            {
                log.Write(LogModule.Controller, LogLevel.Info, "e" + i, i);
            }

            Assert.AreEqual(4, log.Count);
            Assert.AreEqual(10L, log.Total);
            Assert.AreEqual("e6", log.Get(0).Text);
            Assert.AreEqual(6L, log.Get(0).Number);
            Assert.AreEqual("e9", log.Get(3).Text);
        }

        [TestMethod]
        public void EntriesAboveTheirModulesLevelAreNotStored()
        {
            DiagnosticLog log = new DiagnosticLog();
            log.Write(LogModule.Ccs, LogLevel.Debug, "hidden by default", 1);
            Assert.AreEqual(0, log.Count);
            log.SetLevel(LogModule.Ccs, LogLevel.Debug);
            log.Write(LogModule.Ccs, LogLevel.Debug, "shown", 2);
            log.SetLevel(LogModule.Uplink, LogLevel.Error);
            log.Write(LogModule.Uplink, LogLevel.Warn, "hidden", 3);
            log.Write(LogModule.Uplink, LogLevel.Error, "kept", 4);
            Assert.AreEqual(2, log.Count);
            Assert.AreEqual("shown", log.Get(0).Text);
            Assert.AreEqual("kept", log.Get(1).Text);
            Assert.AreEqual(LogLevel.Error, log.LevelOf(LogModule.Uplink));
        }

        [TestMethod]
        public void LongTextsAreCutToNinetySixCharacters()
        {
            DiagnosticLog log = new DiagnosticLog();
            string text = "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789XYZ";
            log.Write(LogModule.Shell, LogLevel.Info, text, 1);
            Assert.AreEqual(DiagnosticLog.MaxTextLength, log.Get(0).Text.Length);
        }

        [TestMethod]
        public void EntriesCarryTheWallClockOnceItIsSet()
        {
            FakeWallClock wall = new FakeWallClock();
            DiagnosticLog log = new DiagnosticLog(8, wall, null, 0, 1);
            log.Write(LogModule.Shell, LogLevel.Info, "unset", 1);
            wall.UtcNow = new System.DateTime(2026, 11, 1, 0, 0, 0);
            wall.IsSet = true;
            log.Write(LogModule.Shell, LogLevel.Info, "set", 2);
            Assert.AreEqual(0L, log.Get(0).WallUnixMs);
            Assert.AreEqual(1793491200000L, log.Get(1).WallUnixMs);
        }

        [TestMethod]
        public void WarningsAndErrorsSurviveAReboot()
        {
            SimulatedFlash flash = new SimulatedFlash(4096, 2);
            DiagnosticLog before = PersistentLog(flash);
            before.Write(LogModule.Safety, LogLevel.Error, "fault raised: insulation_fault", 100);
            before.Write(LogModule.Controller, LogLevel.Info, "state idle", 110);
            before.Write(LogModule.Uplink, LogLevel.Warn, "uplink backoff", 120);
            Assert.AreEqual(2, before.PersistPending());
            Assert.AreEqual(0, before.PersistPending(), "nothing new");

            DiagnosticLog after = PersistentLog(flash);
            Assert.AreEqual(2, after.Count);
            LogEntry first = after.Get(0);
            Assert.AreEqual("fault raised: insulation_fault", first.Text);
            Assert.AreEqual(LogModule.Safety, first.Module);
            Assert.AreEqual(LogLevel.Error, first.Level);
            Assert.AreEqual(100L, first.TimeMs);
            Assert.IsTrue(first.FromEarlierBoot);
            Assert.AreEqual("uplink backoff", after.Get(1).Text);

            after.Write(LogModule.Shell, LogLevel.Info, "this boot", 5);
            Assert.IsFalse(after.Get(2).FromEarlierBoot);
        }

        [TestMethod]
        public void TheStoredRingKeepsTheNewestEntriesOverSeveralBoots()
        {
            SimulatedFlash flash = new SimulatedFlash(4096, 2);
            for (int boot = 0; boot < 3; boot++)
            {
                DiagnosticLog log = PersistentLog(flash);
                log.Write(LogModule.Safety, LogLevel.Error, "boot " + boot + " a", 1);
                log.Write(LogModule.Safety, LogLevel.Error, "boot " + boot + " b", 2);
                log.PersistPending();
            }

            // 4 records: the last four entries, oldest first.
            DiagnosticLog last = PersistentLog(flash);
            Assert.AreEqual(4, last.Count);
            Assert.AreEqual("boot 1 a", last.Get(0).Text);
            Assert.AreEqual("boot 2 b", last.Get(3).Text);
        }

        [TestMethod]
        public void ACorruptRecordIsSkippedAndTheOthersAreRestored()
        {
            byte[] buffer = new byte[128];
            LogEntry e = default(LogEntry);
            e.Text = "kept";
            e.Level = LogLevel.Warn;
            int length = DiagnosticLogRecord.Encode(ref e, 7, buffer, 0, buffer.Length);
            LogEntry decoded;
            long number;
            Assert.IsTrue(DiagnosticLogRecord.TryDecode(buffer, 0, length, out decoded, out number));
            Assert.AreEqual(7L, number);
            buffer[30] ^= 0x20;
            Assert.IsFalse(DiagnosticLogRecord.TryDecode(buffer, 0, length, out decoded, out number), "CRC");
        }

        [TestMethod]
        public void LevelAndModuleNamesRoundTrip()
        {
            for (int i = 0; i < LogModuleNames.Count; i++)
            {
                LogModule m;
                Assert.IsTrue(LogModuleNames.TryParse(LogModuleNames.At(i), out m));
                Assert.AreEqual(i, (int)m);
            }

            LogLevel level;
            Assert.IsTrue(LogLevelNames.TryParse("debug", out level));
            Assert.AreEqual(LogLevel.Debug, level);
            Assert.IsFalse(LogLevelNames.TryParse("verbose", out level));
            Assert.AreEqual("warn", LogLevelNames.Of(LogLevel.Warn));
        }

        [TestMethod]
        public void TheFeederLogsStateChangesFaultsAndMaintenance()
        {
            SimulatedCharger sim = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            DiagnosticLog log = new DiagnosticLog();
            DiagnosticLogFeeder feeder = new DiagnosticLogFeeder(log, sim.Controller, null);
            sim.Controller.RequestMaintenance(true);
            sim.RunTick();
            feeder.Update(sim.Clock.NowMs);
            sim.Controller.RequestMaintenance(false);
            sim.RunTick();
            sim.Vehicle.PlugIn(sim.Clock.NowMs);
            sim.RunTick();
            sim.Controller.ReportFault(FaultCode.EmergencyStop, 1);
            sim.RunTick();
            feeder.Update(sim.Clock.NowMs);

            Assert.IsTrue(Contains(log, "maintenance mode on"), "maintenance on");
            Assert.IsTrue(Contains(log, "maintenance mode off"), "maintenance off");
            Assert.IsTrue(Contains(log, "state ev_connected"), "state change");
            Assert.IsTrue(Contains(log, "fault raised: " + FaultCatalogue.Get(FaultCode.EmergencyStop).Name), "fault");
            Assert.IsTrue(Contains(log, "state fault"), "fault state");
        }

        private static bool Contains(DiagnosticLog log, string text)
        {
            for (int i = 0; i < log.Count; i++)
            {
                if (log.Get(i).Text == text)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
