using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Hal.Buses;
using V2G.Hal.Timing;
using V2G.Protocol.Can;
using V2G.Sim.Can;
using V2G.Sim.Plant.Can;
using V2G.Transport.Tests.TestSupport;

namespace V2G.Transport.Tests.Can
{
    /// <summary>candump log files: the simulated bus recorded to a file, read back, and replayed; the reference traces read whole.</summary>
    [TestClass]
    public sealed class CandumpFileTests
    {
        private sealed class ManualClock : IMonotonicClock
        {
            public long NowMs { get; set; }
        }

        private string _path;

        [TestInitialize]
        public void ChooseFile()
        {
            _path = Path.Combine(Path.GetTempPath(), "v2g-candump-" + Guid.NewGuid().ToString("N") + ".log");
        }

        [TestCleanup]
        public void RemoveFile()
        {
            if (File.Exists(_path))
            {
                File.Delete(_path);
            }
        }

        private static CanFrame Frame(uint id, int length, ulong data) => new() { Id = id, IsExtended = true, Length = length, Data = data };

        [TestMethod]
        public void TheBusRecorderWritesACandumpFileThatReadsBackFrameForFrame()
        {
            var clock = new ManualClock { NowMs = 5000 };
            var bus = new VirtualCanBus(clock, new VirtualCanBusSettings());
            VirtualCanNode charger = bus.AddNode("charger");
            VirtualCanNode bms = bus.AddNode("bms");
            CanFrame chm = Frame(0x1826F456, 3, 0x000101);
            CanFrame bhm = Frame(0x182756F4, 2, 0x0FC0);
            CanFrame bem = Frame(0x081E56F4, 4, 0xFCF1F0F0);
            using (var writer = new CandumpFileWriter(_path, "can0"))
            {
                bus.Recorder = writer;
                charger.TrySend(ref chm);
                clock.NowMs = 5001;
                bms.TrySend(ref bhm);
                clock.NowMs = 35300;
                bms.TrySend(ref bem);
                Assert.AreEqual(3L, writer.LinesWritten);
            }

            string[] lines = File.ReadAllLines(_path);
            CollectionAssert.AreEqual(
                new[]
                {
                    "(0000000000.000000) can0 1826F456#010100",
                    "(0000000000.001000) can0 182756F4#C00F",
                    "(0000000030.300000) can0 081E56F4#F0F0F1FC",
                },
                lines);

            CandumpFile file = CandumpFile.Load(_path);
            Assert.AreEqual(0, file.Rejected.Count);
            Assert.AreEqual(3, file.Records.Count);
            Assert.AreEqual(30300000L, file.Records[2].TimeUs);
            Assert.AreEqual(bem.Data, file.Records[2].Frame.Data);
            Assert.AreEqual(4, file.Records[2].Frame.Length);
            Assert.AreEqual("can0", file.Records[1].InterfaceName);
            Assert.AreEqual(2, file.Records[1].LineNumber);
        }

        [TestMethod]
        public void SavingWhatWasLoadedGivesTheSameFile()
        {
            string trace = SharedFolder.Find("interop/gbt27930/trace-handmade-charge.log", out string missing);
            if (trace == null)
            {
                Assert.Inconclusive(missing);
            }

            CandumpFile file = CandumpFile.Load(trace);
            CandumpFile.Save(_path, file.Records);

            CollectionAssert.AreEqual(File.ReadAllLines(trace), File.ReadAllLines(_path));
        }

        [TestMethod]
        public void EveryReferenceTraceLoadsWithoutARejectedLine()
        {
            string[] names =
            {
                "trace-real-tyu05-charge-ccs-timeout.log", "trace-handmade-charge.log", "trace-handmade-bcl-timeout.log",
                "trace-real-tyu05-charge-ccs-timeout.annotated.log", "trace-handmade-charge.annotated.log", "trace-handmade-bcl-timeout.annotated.log",
            };
            int[] frames = { 1149, 1150, 727, 1149, 1150, 727 };
            for (int i = 0; i < names.Length; i++)
            {
                string trace = SharedFolder.Find("interop/gbt27930/" + names[i], out string missing);
                if (trace == null)
                {
                    Assert.Inconclusive(missing);
                }

                CandumpFile file = CandumpFile.Load(trace);
                Assert.AreEqual(0, file.Rejected.Count, names[i] + ": " + string.Join("; ", file.Rejected));
                Assert.AreEqual(frames[i], file.Records.Count, names[i]);
            }
        }

        [TestMethod]
        public void MalformedLinesAreListedWithLineNumberAndReasonAndTheRestIsRead()
        {
            File.WriteAllText(_path, "(0.000000) can0 1826F456#010100\n\nnot a frame\n(0.250000) can0 1826F456#01010\n(0.500000) can0 1826F456#010100\n");

            CandumpFile file = CandumpFile.Load(_path);

            Assert.AreEqual(2, file.Records.Count);
            Assert.AreEqual(2, file.Rejected.Count);
            StringAssert.StartsWith(file.Rejected[0], "line 3: " + CandumpRejectReasons.NoTimestamp);
            StringAssert.StartsWith(file.Rejected[1], "line 4: " + CandumpRejectReasons.OddDataDigits);
        }

        [TestMethod]
        public void AReplaySendsEachFrameWhenItsTimeHasCome()
        {
            File.WriteAllText(_path, "(10.000000) can0 1826F456#010100\n(10.250000) can0 182756F4#C00F\n(10.500000) can0 1826F456#010100\n");
            CandumpFile file = CandumpFile.Load(_path);
            var bus = new VirtualCanBus(new ManualClock(), new VirtualCanBusSettings());
            VirtualCanNode player = bus.AddNode("player");
            VirtualCanNode listener = bus.AddNode("listener");

            int next = file.ReplayDue(player, 0, 0);
            Assert.AreEqual(1, next);
            next = file.ReplayDue(player, 249, next);
            Assert.AreEqual(1, next);
            next = file.ReplayDue(player, 600, next);
            Assert.AreEqual(3, next);

            Assert.AreEqual(3, listener.Pending);
        }
    }
}
