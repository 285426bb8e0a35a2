#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Protocol.Can;
using V2G.Protocol.Text;

namespace V2G.UnitTests.Can
{
    /// <summary>
    /// Every line of the GB/T 27930 reference traces (../shared/interop/gbt27930, TRACES.md) is read, and written
    /// back to the same text. The files are read on the host only (the device has no file system here); without
    /// ../shared the tests report themselves inconclusive.
    /// </summary>
    [TestClass]
    public class CandumpTraceFileTests
    {
        [TestMethod]
        public void EveryLineOfTheRealTyu05TraceIsReadAndWrittenBackUnchanged()
        {
            CheckTrace("trace-real-tyu05-charge-ccs-timeout.log", 1149);
        }

        [TestMethod]
        public void EveryLineOfTheHandMadeChargeTraceIsReadAndWrittenBackUnchanged()
        {
            CheckTrace("trace-handmade-charge.log", 1150);
        }

        [TestMethod]
        public void EveryLineOfTheHandMadeBclTimeoutTraceIsReadAndWrittenBackUnchanged()
        {
            CheckTrace("trace-handmade-bcl-timeout.log", 727);
        }

        [TestMethod]
        public void EveryLineOfTheAnnotatedTracesIsRead()
        {
            CheckTrace("trace-real-tyu05-charge-ccs-timeout.annotated.log", 1149);
            CheckTrace("trace-handmade-charge.annotated.log", 1150);
            CheckTrace("trace-handmade-bcl-timeout.annotated.log", 727);
        }

        [TestMethod]
        public void TheTracesHoldOnlyExtendedFramesInTimeOrder()
        {
#if !NANOFRAMEWORK_1_0
            string[] names = { "trace-real-tyu05-charge-ccs-timeout.log", "trace-handmade-charge.log", "trace-handmade-bcl-timeout.log" };
            foreach (string name in names)
            {
                string[] lines = ReadTrace(name);
                long previousUs = -1;
                foreach (string line in lines)
                {
                    long timeUs;
                    CanFrame frame;
                    Assert.IsTrue(CandumpLog.TryParseLine(line, out timeUs, out frame, null));

                    // GB/T 27930 uses 29-bit identifiers only [digest §2, S2, S10].
                    Assert.IsTrue(frame.IsExtended, name + ": " + line);
                    Assert.IsTrue(timeUs >= previousUs, name + ": time goes forward at " + line);
                    previousUs = timeUs;
                }
            }
#endif
        }

        private static void CheckTrace(string name, int expectedLines)
        {
#if !NANOFRAMEWORK_1_0
            string[] lines = ReadTrace(name);
            TextBuffer iface = new TextBuffer(CandumpLog.MaxInterfaceNameLength);
            TextBuffer written = new TextBuffer(CandumpLog.MaxFormattedLength);
            int read = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }

                long timeUs;
                CanFrame frame;
                string reason;
                Assert.IsTrue(CandumpLog.TryParseLine(line, out timeUs, out frame, iface, out reason), name + " line " + (i + 1) + ": " + reason + ": " + line);
                Assert.AreEqual("can0", iface.ToString());
                read++;

                written.Clear();
                CandumpLog.Format(timeUs, iface.ToString(), ref frame, written);
                // The annotated copies carry "  ; decode" after the frame; the frame text itself must come back unchanged.
                int comment = line.IndexOf(';');
                string expected = comment < 0 ? line : line.Substring(0, comment).TrimEnd();
                Assert.AreEqual(expected, written.ToString(), name + " line " + (i + 1));
            }

            Assert.AreEqual(expectedLines, read, name + ": frames read");
#endif
        }

#if !NANOFRAMEWORK_1_0
        private static string[] ReadTrace(string name)
        {
            System.IO.DirectoryInfo dir = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory);
            while (dir != null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "nanoframework.sln")))
            {
                dir = dir.Parent;
            }

            if (dir == null)
            {
                Assert.Inconclusive("no folder with nanoframework.sln above " + System.AppContext.BaseDirectory + ", so ../shared cannot be found");
            }

            string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "interop", "gbt27930", name));
            if (!System.IO.File.Exists(path))
            {
                Assert.Inconclusive(path + " is absent (the shared interop folder is not next to the repository)");
            }

            return System.IO.File.ReadAllLines(path);
        }
#endif
    }
}
