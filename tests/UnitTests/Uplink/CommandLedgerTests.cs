#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Uplink;

namespace V2G.UnitTests.Uplink
{
    [TestClass]
    public class CommandLedgerTests
    {
        private static byte[] Bytes(string text)
        {
            return V2G.Protocol.Telemetry.Utf8.Encode(text);
        }

        [TestMethod]
        public void AnIdIsPendingUntilItsReplyIsKept()
        {
            CommandLedger ledger = new CommandLedger(4);
            int slot = ledger.Add("a");
            Assert.AreEqual(slot, ledger.Find("a"));
            Assert.IsFalse(ledger.IsAnswered(slot));

            byte[] reply = Bytes("{\"id\":\"a\"}");
            Assert.IsTrue(ledger.SetReply("a", reply, 0, reply.Length));

            Assert.IsTrue(ledger.IsAnswered(slot));
            Assert.AreEqual(reply.Length, ledger.ReplyLengthOf(slot));
            Assert.AreEqual((int)reply[5], (int)ledger.ReplyOf(slot)[5]);
        }

        [TestMethod]
        public void TheOldestIdIsForgottenWhenFull()
        {
            CommandLedger ledger = new CommandLedger(3);
            ledger.Add("a");
            ledger.Add("b");
            ledger.Add("c");
            ledger.Add("d");

            Assert.AreEqual(-1, ledger.Find("a"));
            Assert.IsTrue(ledger.Find("b") >= 0 && ledger.Find("d") >= 0);
            Assert.AreEqual(3, ledger.Count);
        }

        [TestMethod]
        public void AReplyTooLongToKeepIsRefused()
        {
            CommandLedger ledger = new CommandLedger(2);
            byte[] reply = new byte[CommandLedger.MaxReplyBytes + 1];
            Assert.IsFalse(ledger.SetReply("a", reply, 0, reply.Length));
            Assert.IsFalse(ledger.IsAnswered(ledger.Find("a")));
        }
    }
}
