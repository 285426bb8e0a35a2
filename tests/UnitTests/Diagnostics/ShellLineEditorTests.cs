#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;
using V2G.Protocol.Telemetry;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Diagnostics
{
    /// <summary>The line editor as picocom, minicom or screen drive it: line ends, erasing, Ctrl-C, history, completion, bounds.</summary>
    [TestClass]
    public class ShellLineEditorTests
    {
        [TestMethod]
        public void CrEndsALine()
        {
            Editor e = new Editor();
            Assert.AreEqual(1, e.Feed("status\r"));
            Assert.AreEqual("status", e.Last);
        }

        [TestMethod]
        public void LfEndsALine()
        {
            Editor e = new Editor();
            Assert.AreEqual(1, e.Feed("status\n"));
            Assert.AreEqual("status", e.Last);
        }

        [TestMethod]
        public void CrLfEndsOneLineNotTwo()
        {
            Editor e = new Editor();
            Assert.AreEqual(2, e.Feed("a\r\nb\r\n"));
            Assert.AreEqual("b", e.Last);
        }

        [TestMethod]
        public void TwoCrsEndTwoLinesTheSecondEmpty()
        {
            Editor e = new Editor();
            Assert.AreEqual(2, e.Feed("a\r\r"));
            Assert.AreEqual(string.Empty, e.Last);
        }

        [TestMethod]
        public void BackspaceAndDelEraseOneCharacterEachAndEchoRubOut()
        {
            Editor e = new Editor();
            e.Feed("statux\by");
            e.Output();
            e.Feed("s\x7fs\r");
            Assert.AreEqual("statuys", e.Last);

            Editor f = new Editor();
            f.Feed("ab\b");
            Assert.AreEqual("ab\b \b", f.Output());
        }

        [TestMethod]
        public void BackspaceOnAnEmptyLineDoesNothing()
        {
            Editor e = new Editor();
            e.Feed("\b\b\x7f");
            Assert.AreEqual(string.Empty, e.Output());
            e.Feed("x\r");
            Assert.AreEqual("x", e.Last);
        }

        [TestMethod]
        public void CtrlUErasesTheWholeLineAndRedraws()
        {
            Editor e = new Editor();
            e.Feed("config set x");
            e.Output();
            e.Feed("\x15");
            Assert.AreEqual("\rv2g> \u001b[K", e.Output());
            e.Feed("help\r");
            Assert.AreEqual("help", e.Last);
        }

        [TestMethod]
        public void CtrlCCancelsTheLine()
        {
            Editor e = new Editor();
            e.Feed("config set");
            Assert.AreEqual(2, (int)e.FeedByte(0x03));
            Assert.IsTrue(e.Output().EndsWith("^C\r\n"));
            e.Feed("help\r");
            Assert.AreEqual("help", e.Last);
        }

        [TestMethod]
        public void ArrowUpAndDownWalkTheHistory()
        {
            Editor e = new Editor();
            e.Feed("first\rsecond\r");
            e.Output();
            e.Feed("\u001b[A");
            Assert.AreEqual("second", e.EditorUnderTest.Current);
            Assert.AreEqual("\rv2g> second\u001b[K", e.Output());
            e.Feed("\u001b[A");
            Assert.AreEqual("first", e.EditorUnderTest.Current);
            e.Feed("\u001b[B");
            Assert.AreEqual("second", e.EditorUnderTest.Current);
            e.Feed("\u001b[B");
            Assert.AreEqual(string.Empty, e.EditorUnderTest.Current);
            e.Feed("\u001b[A\u001b[A\r");
            Assert.AreEqual("first", e.Last);
        }

        [TestMethod]
        public void WalkingBackRestoresTheLineBeingTyped()
        {
            Editor e = new Editor();
            e.Feed("old\rnew li");
            e.Feed("\u001b[A\u001b[B");
            Assert.AreEqual("new li", e.EditorUnderTest.Current);
        }

        [TestMethod]
        public void TheHistoryKeeps16LinesAndSkipsRepeatsAndLogins()
        {
            Editor e = new Editor();
            for (int i = 0; i < 20; i++)
            {
                e.Feed("cmd" + i.ToString() + "\r");
            }

            e.Feed("cmd19\rlogin 4711\r");
            Assert.AreEqual(ShellLineEditor.HistoryLines, e.EditorUnderTest.HistoryCount);
            e.Feed("\u001b[A");
            Assert.AreEqual("cmd19", e.EditorUnderTest.Current);
            for (int i = 0; i < 20; i++)
            {
                e.Feed("\u001b[A");
            }

            Assert.AreEqual("cmd4", e.EditorUnderTest.Current);
        }

        [TestMethod]
        public void OtherEscapeSequencesAreSwallowedNotInserted()
        {
            Editor e = new Editor();
            e.Feed("ab\u001b[C\u001b[D\u001bOP\u001b[15~\u001b[1;5Ccd\r");
            Assert.AreEqual("abcd", e.Last);
        }

        [TestMethod]
        public void OtherControlBytesAndNonAsciiAreIgnored()
        {
            Editor e = new Editor();
            e.FeedByte(0x01);
            e.FeedByte(0x02);
            e.FeedByte(0x00);
            e.FeedByte(0xC3);
            e.FeedByte(0xA9);
            e.Feed("ok\r");
            Assert.AreEqual("ok", e.Last);
        }

        [TestMethod]
        public void ALineLongerThan160CharactersIsRefusedWithABell()
        {
            Editor e = new Editor();
            string input = new string('x', 170);
            e.Feed(input);
            string echo = e.Output();
            Assert.AreEqual(ShellLineEditor.MaxLineChars, e.EditorUnderTest.Length);
            Assert.AreEqual(new string('x', 160) + new string('\a', 10), echo);
            e.Feed("\r");
            Assert.AreEqual(new string('x', 160), e.Last);
        }

        [TestMethod]
        public void TabCompletesAUniqueCommandName()
        {
            Editor e = new Editor();
            e.Feed("sta\t");
            Assert.AreEqual("status ", e.EditorUnderTest.Current);
            Assert.AreEqual("status ", e.Output());
        }

        [TestMethod]
        public void TabCompletesAUniqueFirstArgument()
        {
            Editor e = new Editor();
            e.Feed("list b\t");
            Assert.AreEqual("list brief ", e.EditorUnderTest.Current);
        }

        [TestMethod]
        public void TabWithSeveralMatchesListsThemAndRedrawsTheLine()
        {
            Editor e = new Editor();
            e.Feed("list a");
            e.Output();
            e.Feed("\t");
            Assert.AreEqual("list al", e.EditorUnderTest.Current);
            Assert.AreEqual("\r\nall  alarms\r\n\rv2g> list al\u001b[K", e.Output());
        }

        [TestMethod]
        public void TabWithNoMatchRingsTheBell()
        {
            Editor e = new Editor();
            e.Feed("zz\t");
            Assert.AreEqual("zz\a", e.Output());
            Assert.AreEqual("zz", e.EditorUnderTest.Current);
        }

        [TestMethod]
        public void WithoutEchoNothingIsWrittenAndTabIsASpace()
        {
            Editor e = new Editor();
            e.EditorUnderTest.Echo = false;
            e.Feed("$1\tstatus\b\bus\r");
            Assert.AreEqual(string.Empty, e.Output());
            Assert.AreEqual("$1 status", e.Last);
        }

        /// <summary>An editor over a ring drained into a fake port, with a small command table.</summary>
        private sealed class Editor
        {
            private readonly ShellOutputRing _ring = new ShellOutputRing(4096, 4096);
            private readonly FakeSerialPort _port = new FakeSerialPort();

            public Editor()
            {
                EditorUnderTest = new ShellLineEditor(_ring);
                EditorUnderTest.Prompt = "v2g> ";
                EditorUnderTest.Commands = new IShellCommand[]
                {
                    new ScriptedCommand("status", ShellRole.ReadOnly, null),
                    new ScriptedCommand("session", ShellRole.ReadOnly, null),
                    new ScriptedCommand("list", ShellRole.ReadOnly, new string[] { "all", "alarms", "brief" }),
                };
            }

            public ShellLineEditor EditorUnderTest { get; }

            public string Last { get; private set; }

            /// <summary>Feeds the text; returns the number of lines it completed.</summary>
            public int Feed(string text)
            {
                int lines = 0;
                byte[] bytes = Utf8.Encode(text);
                for (int i = 0; i < bytes.Length; i++)
                {
                    if (FeedByte(bytes[i]) == ShellLineEvent.Line)
                    {
                        lines++;
                    }
                }

                return lines;
            }

            public ShellLineEvent FeedByte(byte b)
            {
                ShellLineEvent e = EditorUnderTest.Feed(b);
                if (e == ShellLineEvent.Line)
                {
                    Last = EditorUnderTest.Line;
                }

                return e;
            }

            public string Output()
            {
                while (_ring.Drain(_port) > 0)
                {
                }

                return _port.TakeOutput();
            }
        }
    }
}
