#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT;

namespace V2G.UnitTests.GbT.Codec
{
    /// <summary>
    /// Every frame of the three reference traces (../shared/interop/gbt27930/*.log) decodes, writes back
    /// to its own bytes and DLC, and every TP session reassembles with the charger's receiver answering
    /// exactly as the trace's charger did.
    /// </summary>
    [TestClass]
    public class GbtTraceDecodeTests
    {
        private static GbtTraceReplay Replay(string name)
        {
            string[] lines = GbtTraceFiles.ReadLines(name);
            if (lines == null)
            {
                TraceAssert.Missing(name);
                return null;
            }

            GbtTraceReplay replay = new GbtTraceReplay();
            replay.Run(lines);
            Assert.IsNull(replay.Failure, name + ": " + replay.Failure);
            Assert.AreEqual(replay.Lines, replay.Frames);
            return replay;
        }

        [TestMethod]
        public void TheRealTraceDecodesCompletely()
        {
            GbtTraceReplay r = Replay(GbtTraceFiles.RealCcsTimeout);
            if (r == null)
            {
                return;
            }

            Assert.AreEqual(1149, r.Frames);
            Assert.IsTrue(r.ChargerTpAnswersMissingInTrace <= 3, "the capture lost a few frames, not more: " + r.ChargerTpAnswersMissingInTrace);
            Assert.AreEqual(1, r.MessagesPerPf[GbtPf.Brm]);
            Assert.AreEqual(1, r.MessagesPerPf[GbtPf.Bcp]);
            Assert.IsTrue(r.MessagesPerPf[GbtPf.Bcs] > 50, "BCS every 250 ms");
            Assert.AreEqual("2513a00f7311610000", r.FirstBcsHex, "the digest's R1 BCS example");
            Assert.IsTrue(r.FramesPerPf[GbtPf.Bem] > 0, "the BEM of the CCS timeout");
            Assert.IsTrue(r.ChargerTpAnswersMatched + r.ChargerTpAnswersMissingInTrace >= 2 * (2 + r.MessagesPerPf[GbtPf.Bcs]), "a CTS and an EndOfMsgAck per session");
        }

        [TestMethod]
        public void TheHandmadeChargeTraceDecodesCompletely()
        {
            GbtTraceReplay r = Replay(GbtTraceFiles.HandmadeCharge);
            if (r == null)
            {
                return;
            }

            Assert.AreEqual(1150, r.Frames);
            Assert.AreEqual(0, r.ChargerTpAnswersMissingInTrace);
            Assert.AreEqual(1, r.MessagesPerPf[GbtPf.Brm]);
            Assert.AreEqual(1, r.MessagesPerPf[GbtPf.Bmv], "96 cells, 192 B in 28 packets");
            Assert.AreEqual(1, r.MessagesPerPf[GbtPf.Bmt]);
            Assert.IsTrue(r.FramesPerPf[GbtPf.Bst] > 0 && r.FramesPerPf[GbtPf.Cst] > 0 && r.FramesPerPf[GbtPf.Bsd] > 0 && r.FramesPerPf[GbtPf.Csd] > 0);
            Assert.IsTrue(r.FirstBrmDetails.IndexOf("VIN=LDEMO000000000001") >= 0, r.FirstBrmDetails);
        }

        [TestMethod]
        public void TheHandmadeBclTimeoutTraceDecodesCompletely()
        {
            GbtTraceReplay r = Replay(GbtTraceFiles.HandmadeBclTimeout);
            if (r == null)
            {
                return;
            }

            Assert.AreEqual(727, r.Frames);
            Assert.AreEqual(0, r.ChargerTpAnswersMissingInTrace);
            Assert.IsTrue(r.FramesPerPf[GbtPf.Cem] > 0);
            Assert.IsTrue(r.MessagesPerPf[GbtPf.Brm] >= 2, "BRM again after the re-handshake");
        }
    }
}
