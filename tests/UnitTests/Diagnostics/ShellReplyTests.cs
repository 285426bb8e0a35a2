#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Diagnostics;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Diagnostics
{
    /// <summary>One reply, two renderings: the human lines and the machine's JSON line with its checksum.</summary>
    [TestClass]
    public class ShellReplyTests
    {
        [TestMethod]
        public void HumanFieldsAreNameValueUnitLines()
        {
            Rendered r = new Rendered(false, false, 0);
            Fill(r.Reply);
            r.Reply.End();
            Assert.AreEqual("text: hello\r\npower: 7400.0 W\r\ncount: 3\r\non: yes\r\nfaults:\r\n  12.5 ms  overvoltage\r\n  40.0 ms  estop\r\nempty:\r\n  (none)\r\na free line\r\n", r.Text());
        }

        [TestMethod]
        public void MachineReplyIsOneJsonLineWithSeqAndChecksum()
        {
            Rendered r = new Rendered(true, true, 42);
            Fill(r.Reply);
            r.Reply.End();
            string json = "{\"seq\":42,\"ok\":true,\"cmd\":\"status\",\"data\":{\"text\":\"hello\",\"power\":7400.0,\"count\":3,\"on\":true,"
                + "\"faults\":[{\"t\":12.5,\"cause\":\"overvoltage\"},{\"t\":40.0,\"cause\":\"estop\"}],\"empty\":[],\"text\":[\"a free line\"]}}";
            Assert.AreEqual(json + "*" + Checksum(json) + "\r\n", r.Text());
        }

        [TestMethod]
        public void JsonInHumanModeHasNeitherSeqNorChecksum()
        {
            Rendered r = new Rendered(true, false, -1);
            r.Reply.Field("a", 1L);
            r.Reply.End();
            Assert.AreEqual("{\"ok\":true,\"cmd\":\"status\",\"data\":{\"a\":1}}\r\n", r.Text());
        }

        [TestMethod]
        public void AnErrorReplacesTheDataInMachineMode()
        {
            Rendered r = new Rendered(true, true, 7);
            r.Reply.Field("a", 1L);
            r.Reply.Error("max_charge_power_W must be 0..30000 W");
            r.Reply.Field("b", 2L);
            r.Reply.End();
            string json = "{\"seq\":7,\"ok\":false,\"cmd\":\"status\",\"error\":\"max_charge_power_W must be 0..30000 W\"}";
            Assert.AreEqual(json + "*" + Checksum(json) + "\r\n", r.Text());
            Assert.IsTrue(r.Reply.Failed);
        }

        [TestMethod]
        public void AnErrorInHumanModeIsAnErrorLine()
        {
            Rendered r = new Rendered(false, false, 0);
            r.Reply.Error("unknown key");
            r.Reply.Field("b", 2L);
            r.Reply.End();
            Assert.AreEqual("error: unknown key\r\n", r.Text());
        }

        [TestMethod]
        public void AStreamedListBecomesPartsWithMoreFlags()
        {
            Rendered r = new Rendered(true, true, 3);
            r.Reply.Begin("log");
            r.Reply.BeginList("items");
            r.Reply.BeginItem();
            r.Reply.Field("n", 1L);
            r.Reply.EndItem();
            r.Reply.FlushPart();
            r.Reply.BeginItem();
            r.Reply.Field("n", 2L);
            r.Reply.EndItem();
            r.Reply.EndList();
            r.Reply.End();
            string first = "{\"seq\":3,\"ok\":true,\"cmd\":\"log\",\"part\":0,\"more\":true,\"data\":{\"items\":[{\"n\":1}]}}";
            string second = "{\"seq\":3,\"ok\":true,\"cmd\":\"log\",\"part\":1,\"more\":false,\"data\":{\"items\":[{\"n\":2}]}}";
            Assert.AreEqual(first + "*" + Checksum(first) + "\r\n" + second + "*" + Checksum(second) + "\r\n", r.Text());
        }

        [TestMethod]
        public void AReplyTooLongForOneMachineLineIsAClearError()
        {
            Rendered r = new Rendered(true, true, 1);
            for (int i = 0; i < 100; i++)
            {
                r.Reply.Field("field_" + i.ToString(), "a value that takes some room");
            }

            r.Reply.End();
            Assert.IsTrue(r.Text().StartsWith("{\"seq\":1,\"ok\":false,\"cmd\":\"status\",\"error\":\"reply too long for machine mode"));
            Assert.IsTrue(r.Reply.Failed);
        }

        [TestMethod]
        public void FramingRefusalsCarryANullSeqWhenItIsUnknown()
        {
            Rendered r = new Rendered(true, true, 0);
            r.Reply.Refuse(true, -1, "expected $SEQ COMMAND [ARGS][*HH]");
            string json = "{\"seq\":null,\"ok\":false,\"error\":\"expected $SEQ COMMAND [ARGS][*HH]\"}";
            Assert.AreEqual(json + "*" + Checksum(json) + "\r\n", r.Text());
        }

        /// <summary>The XOR of every byte of <paramref name="json"/> (ASCII here) as two upper-case hex digits.</summary>
        public static string Checksum(string json)
        {
            int sum = 0;
            for (int i = 0; i < json.Length; i++)
            {
                sum ^= json[i];
            }

            const string digits = "0123456789ABCDEF";
            return new string(new char[] { digits[sum >> 4], digits[sum & 0xF] });
        }

        private static void Fill(ShellReply reply)
        {
            reply.Begin("status");
            reply.Field("text", "hello");
            reply.Field("power", 7400.04, 1, "W");
            reply.Field("count", 3L);
            reply.Field("on", true);
            reply.BeginList("faults");
            reply.BeginItem();
            reply.Field("t", 12.5, 1, "ms");
            reply.Field("cause", "overvoltage");
            reply.EndItem();
            reply.BeginItem();
            reply.Field("t", 40.0, 1, "ms");
            reply.Field("cause", "estop");
            reply.EndItem();
            reply.EndList();
            reply.BeginList("empty");
            reply.EndList();
            reply.Line("a free line");
        }

        private sealed class Rendered
        {
            private readonly ShellOutputRing _ring = new ShellOutputRing(8192, 8192);
            private readonly FakeSerialPort _port = new FakeSerialPort();

            public Rendered(bool json, bool framed, long seq)
            {
                Reply = new ShellReply(_ring);
                Reply.Start("status", json, framed, seq);
            }

            public ShellReply Reply { get; }

            public string Text()
            {
                while (_ring.Drain(_port) > 0)
                {
                }

                return _port.TakeOutput();
            }
        }
    }
}
