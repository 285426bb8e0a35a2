#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;
using V2G.UnitTests.GbT.Codec;

namespace V2G.UnitTests.GbT.Traces
{
    /// <summary>
    /// Interop with the reference traces of ../shared/interop/gbt27930 (TRACES.md): the BMS side of each trace,
    /// replayed against our charger session (<see cref="GbtTraceReplayer"/>), yields the trace's charger
    /// messages in the same order (repeats of periodic messages collapsed into runs, <see cref="GbtRunTracker"/>)
    /// on the standard's periods ±10 % [digest §3]. The real capture counts up to 18.6 s, where its charger
    /// stops sending CCS; on the hand-made BCL-timeout trace the CEM, the stop of the output and the
    /// re-handshake are checked, not that trace's known defects (TRACES.md). Decoding every frame is
    /// <see cref="GbtTraceDecodeTests"/>' job.
    /// </summary>
    [TestClass]
    public class GbtTraceInteropTests
    {
        /// <summary>The real capture's charger sends its last CCS at 18.6 s (TRACES.md).</summary>
        private const long RealChargerStopsUs = 18600000;

        private const string CemBclTimeout = "FCF0C4FC";

        private static GbtTraceReplayer Replay(string name, GbtProfile profile, long untilUs, int tailMs)
        {
            string[] lines = GbtTraceFiles.ReadLines(name);
            if (lines == null)
            {
                TraceAssert.Missing(name);
                return null;
            }

            GbtTraceReplayer replay = new GbtTraceReplayer(lines, GbtChargerSettings.ForProfile(profile));
            replay.ReplayUntilUs = untilUs;
            replay.TailMs = tailMs;
            replay.Run();
            Assert.IsNull(replay.Stall, name + ": " + replay.Stall);
            Assert.AreEqual(0, replay.UnansweredTpSessions, name + ": BMS TP sessions our charger did not answer");
            return replay;
        }

        private static GbtTraceReplayer ReplayReal(GbtProfile profile)
        {
            return Replay(GbtTraceFiles.RealCcsTimeout, profile, RealChargerStopsUs, 0);
        }

        /// <summary>The hand-made normal session, replayed to its end and 1 s on (the session ends after CSD).</summary>
        private static GbtTraceReplayer ReplayCharge(GbtProfile profile)
        {
            return Replay(GbtTraceFiles.HandmadeCharge, profile, long.MaxValue, 1000);
        }

        /// <summary>
        /// The hand-made BCL timeout, replayed to its end and no further: the trace ends while charging again,
        /// so a BMS that goes silent after it would time out our charger once more.
        /// </summary>
        private static GbtTraceReplayer ReplayBclTimeout()
        {
            return Replay(GbtTraceFiles.HandmadeBclTimeout, GbtProfile.Gbt2015, long.MaxValue, 0);
        }

        private static void AssertSameMessagesInOrder(GbtTraceReplayer r, long untilUs)
        {
            long ourUntilMs = r.ToOurMs(untilUs);
            Assert.IsTrue(ourUntilMs > 0, "the trace's " + untilUs / 1000 + " ms maps to our time");
            string trace = r.TraceSequence(untilUs);
            string ours = r.OurSequence(ourUntilMs);
            Assert.AreEqual(trace, ours, "charger messages in order (runs of repeats collapsed)");
        }

        private static void AssertPeriods(GbtTraceReplayer r, long untilUs, int minGaps)
        {
            int gaps;
            string violation = r.CheckOurPeriods(r.ToOurMs(untilUs), out gaps);
            Assert.IsNull(violation, violation);
            Assert.IsTrue(gaps >= minGaps, "periods checked on " + gaps + " gaps");
        }

        /// <summary>Length of every CCS we sent (−1 if they differ, 0 if none).</summary>
        private static int OurCcsLength(GbtTraceReplayer r)
        {
            int length = 0;
            for (int i = 0; i < r.Rig.Bus.Count; i++)
            {
                CanFrame f = r.Rig.Bus.Frame(i);
                if (GbtCanId.PfOf(f.Id) == GbtPf.Ccs)
                {
                    if (length != 0 && f.Length != length)
                    {
                        return -1;
                    }

                    length = f.Length;
                }
            }

            return length;
        }

        /// <summary>Length of every CCS of the trace's charger (−1 if they differ, 0 if none).</summary>
        private static int TraceCcsLength(GbtTraceReplayer r)
        {
            int length = 0;
            for (int i = 0; i < r.TraceChargerCount; i++)
            {
                CanFrame f = r.TraceChargerFrame(i);
                if (GbtCanId.PfOf(f.Id) == GbtPf.Ccs)
                {
                    if (length != 0 && f.Length != length)
                    {
                        return -1;
                    }

                    length = f.Length;
                }
            }

            return length;
        }

        private static string FirstHex(GbtTraceReplayer r, int pf, bool ours)
        {
            int count = ours ? r.Rig.Bus.Count : r.TraceChargerCount;
            for (int i = 0; i < count; i++)
            {
                CanFrame f = ours ? r.Rig.Bus.Frame(i) : r.TraceChargerFrame(i);
                if (GbtCanId.PfOf(f.Id) == pf)
                {
                    return CandumpLine.HexOf(ref f);
                }
            }

            return null;
        }

        private static long FirstTraceUs(GbtTraceReplayer r, int pf)
        {
            for (int i = 0; i < r.TraceChargerCount; i++)
            {
                CanFrame f = r.TraceChargerFrame(i);
                if (GbtCanId.PfOf(f.Id) == pf)
                {
                    return r.TraceChargerUs(i);
                }
            }

            return -1;
        }

        // ---------------------------------------------------------------- the real capture (R1)

        [TestMethod]
        public void TheRealCapturesBmsGetsTheChargersMessagesInTheSameOrder()
        {
            GbtTraceReplayer r = ReplayReal(GbtProfile.Gbt2015);
            if (r == null)
            {
                return;
            }

            AssertSameMessagesInOrder(r, RealChargerStopsUs);
            Assert.AreEqual(GbtChargerStage.Charging, r.Rig.Stage);
        }

        [TestMethod]
        public void OnTheRealCaptureOurPeriodsAreTheStandardsWithinTenPercent()
        {
            GbtTraceReplayer r = ReplayReal(GbtProfile.Gbt2015);
            if (r == null)
            {
                return;
            }

            // 16.7 s of CCS at 50 ms alone gives over 300 gaps.
            AssertPeriods(r, RealChargerStopsUs, 300);
        }

        [TestMethod]
        public void TheRealCapturesChargerSendsAnEightByteCcsAsThe2015ProfileDoes()
        {
            GbtTraceReplayer r = ReplayReal(GbtProfile.Gbt2015);
            if (r == null)
            {
                return;
            }

            Assert.AreEqual(CcsMessage.Length2015, TraceCcsLength(r), "R1's charger: 8-byte CCS [digest §4]");
            Assert.AreEqual(CcsMessage.Length2015, OurCcsLength(r));
        }

        [TestMethod]
        public void WithTheRealCapturesLimitsOurCmlIsTheTracesByteForByte()
        {
            GbtTraceReplayer r = ReplayReal(GbtProfile.Gbt2015);
            if (r == null)
            {
                return;
            }

            Assert.AreEqual(FirstHex(r, GbtPf.Cml, false), FirstHex(r, GbtPf.Cml, true));
        }

        [TestMethod]
        public void The2023AProfileAnswersTheRealCapturesBmsWithASevenByteCcs()
        {
            GbtTraceReplayer r = ReplayReal(GbtProfile.Gbt2023A);
            if (r == null)
            {
                return;
            }

            AssertSameMessagesInOrder(r, RealChargerStopsUs);
            Assert.AreEqual(CcsMessage.Length2023, OurCcsLength(r), "2023-A: 7-byte CCS [digest §3, §8]");
        }

        // ---------------------------------------------------------------- the hand-made normal session

        [TestMethod]
        public void TheHandmadeChargeTracesBmsGetsTheChargersMessagesInTheSameOrder()
        {
            GbtTraceReplayer r = ReplayCharge(GbtProfile.Gbt2015);
            if (r == null)
            {
                return;
            }

            AssertSameMessagesInOrder(r, r.ReplayEndUs);
            Assert.AreEqual(GbtChargerStage.Ended, r.Rig.Stage, "the session completed after CSD");
            Assert.AreEqual("session_complete", LastEvent(r));
        }

        [TestMethod]
        public void OnTheHandmadeChargeTraceOurPeriodsAreTheStandardsWithinTenPercent()
        {
            GbtTraceReplayer r = ReplayCharge(GbtProfile.Gbt2015);
            if (r == null)
            {
                return;
            }

            AssertPeriods(r, r.ReplayEndUs, 300);
        }

        [TestMethod]
        public void TheHandmadeChargeTracesCcsAndCmlAreWhatThe2015ProfileSends()
        {
            GbtTraceReplayer r = ReplayCharge(GbtProfile.Gbt2015);
            if (r == null)
            {
                return;
            }

            Assert.AreEqual(TraceCcsLength(r), OurCcsLength(r));
            Assert.AreEqual(FirstHex(r, GbtPf.Cml, false), FirstHex(r, GbtPf.Cml, true));
            Assert.AreEqual(FirstHex(r, GbtPf.Cst, false), FirstHex(r, GbtPf.Cst, true), "CST: BMS stopped (BST received)");
        }

        [TestMethod]
        public void The2023AProfileAnswersTheHandmadeChargeTraceInTheSameOrderWithASevenByteCcs()
        {
            GbtTraceReplayer r = ReplayCharge(GbtProfile.Gbt2023A);
            if (r == null)
            {
                return;
            }

            AssertSameMessagesInOrder(r, r.ReplayEndUs);
            Assert.AreEqual(CcsMessage.Length2023, OurCcsLength(r));
        }

        // ---------------------------------------------------------------- the hand-made BCL timeout

        [TestMethod]
        public void TheBclTimeoutTracesBmsGetsTheChargersMessagesInTheSameOrderUpToTheCem()
        {
            GbtTraceReplayer r = ReplayBclTimeout();
            if (r == null)
            {
                return;
            }

            AssertSameMessagesInOrder(r, FirstTraceUs(r, GbtPf.Cem));
        }

        [TestMethod]
        public void OnTheBclTimeoutTraceOurChargerSendsTheSameCemOneSecondAfterTheLastBcl()
        {
            GbtTraceReplayer r = ReplayBclTimeout();
            if (r == null)
            {
                return;
            }

            int cem = r.Rig.IndexOf(GbtPf.Cem, 0);
            Assert.IsTrue(cem >= 0, "a CEM");
            Assert.AreEqual(CemBclTimeout, GbtRigHex(r.Rig.Bus.Frame(cem)));
            Assert.AreEqual(CemBclTimeout, FirstHex(r, GbtPf.Cem, false).ToUpper(), "the trace's CEM");
            long cemMs = r.Rig.Bus.TimeMs(cem);
            long lastBclMs = -1;
            for (int i = 0; i < r.BmsCount; i++)
            {
                if (GbtCanId.PfOf(r.BmsFrame(i).Id) == GbtPf.Bcl && r.ReleasedMs(i) >= 0 && r.ReleasedMs(i) < cemMs)
                {
                    lastBclMs = r.ReleasedMs(i);
                }
            }

            long afterMs = cemMs - lastBclMs;
            Assert.IsTrue(afterMs >= 1000 && afterMs <= 1000 + r.PollMs, "CEM " + afterMs + " ms after the last BCL (1 s [digest §6]) + one poll");
            Assert.AreEqual("bcl_timeout", FirstFailure(r));
        }

        [TestMethod]
        public void OnTheBclTimeoutTraceOurChargerStopsTheOutputWithTheCem()
        {
            GbtTraceReplayer r = ReplayBclTimeout();
            if (r == null)
            {
                return;
            }

            int cem = r.Rig.IndexOf(GbtPf.Cem, 0);
            int crm = r.Rig.IndexOf(GbtPf.Crm, CrmMessage.NotRecognised, cem);
            Assert.IsTrue(cem >= 0 && crm > cem, "CEM, then CRM(00h)");
            Assert.AreEqual(-1, IndexBefore(r, GbtPf.Ccs, cem, crm), "no CCS between the CEM and the re-handshake");
            string events = r.Rig.Port.EventLine();
            Assert.IsTrue(events.IndexOf("start,stop,welding,end,communication_started") >= 0, "StopEnergyTransfer after the first start: " + events);
            Assert.IsTrue(r.Rig.Session.StopCurrentDelayMs >= 0 && !r.Rig.Session.StopCurrentLate, "current ≤ 5 A within 100 ms [digest §6]: " + r.Rig.Session.StopCurrentDelayMs + " ms");
        }

        [TestMethod]
        public void OnTheBclTimeoutTraceOurChargerReHandshakesFromCrm00AndChargesAgain()
        {
            GbtTraceReplayer r = ReplayBclTimeout();
            if (r == null)
            {
                return;
            }

            int cem = r.Rig.IndexOf(GbtPf.Cem, 0);
            int crmAgain = r.Rig.IndexOf(GbtPf.Crm, CrmMessage.NotRecognised, cem);
            Assert.IsTrue(crmAgain > cem);
            long crmAgainMs = r.Rig.Bus.TimeMs(crmAgain);

            // The first frame after the CEMs is CRM(00h) [digest §6, §7, S2 App. A.9], and CEM stops with it (TRACES.md).
            for (int i = cem; i < crmAgain; i++)
            {
                Assert.AreEqual(GbtPf.Cem, GbtCanId.PfOf(r.Rig.Bus.Frame(i).Id), "only CEM until the re-handshake");
            }

            Assert.AreEqual(-1, r.Rig.IndexOf(GbtPf.Cem, crmAgain), "no CEM after CRM(00h)");
            Assert.AreEqual(1, r.Rig.Session.Reconnects);

            // CRM(AAh) only after the BRM transfers completed (unlike the trace's charger, TRACES.md).
            int crmAa = r.Rig.IndexOf(GbtPf.Crm, CrmMessage.Recognised, crmAgain);
            Assert.IsTrue(crmAa > crmAgain, "CRM(AAh) again");
            int opened = 0;
            int acknowledged = 0;
            for (int i = crmAgain; i < crmAa; i++)
            {
                CanFrame f = r.Rig.Bus.Frame(i);
                int kind = GbtChargerFrameKind.Of(ref f);
                opened += GbtChargerFrameKind.NameOf(kind) == "TP.CTS(BRM)" ? 1 : 0;
                acknowledged += GbtChargerFrameKind.NameOf(kind) == "TP.EoMA(BRM)" ? 1 : 0;
            }

            Assert.IsTrue(opened > 0 && opened == acknowledged, "BRM transfers answered " + opened + ", completed " + acknowledged + " before CRM(AAh)");

            string after = r.OurSequence(crmAgainMs, long.MaxValue);
            Assert.IsTrue(after.IndexOf("CRM(00)") == 0 && after.IndexOf("CRM(AA)") > 0 && after.IndexOf("CML") > after.IndexOf("CRM(AA)")
                && after.IndexOf("CRO(AA)") > after.IndexOf("CML") && after.IndexOf("CCS") > after.IndexOf("CRO(AA)"), "re-handshake: " + after);
            Assert.AreEqual(GbtChargerStage.Charging, r.Rig.Stage);
        }

        private static string GbtRigHex(CanFrame f)
        {
            return V2G.UnitTests.GbT.Charger.GbtRig.HexOf(f);
        }

        private static int IndexBefore(GbtTraceReplayer r, int pf, int from, int before)
        {
            int i = r.Rig.IndexOf(pf, from);
            return i >= 0 && i < before ? i : -1;
        }

        private static string FirstFailure(GbtTraceReplayer r)
        {
            for (int i = 0; i < r.Rig.Log.Count; i++)
            {
                V2G.Protocol.Trace.TraceEntry e = r.Rig.Log.Get(i);
                if (e.Layer == V2G.Protocol.Trace.FailureLayer.Can && e.Failure != null)
                {
                    return e.Failure;
                }
            }

            return null;
        }

        private static string LastEvent(GbtTraceReplayer r)
        {
            string last = null;
            for (int i = 0; i < r.Rig.Log.Count; i++)
            {
                V2G.Protocol.Trace.TraceEntry e = r.Rig.Log.Get(i);
                if (e.Direction == V2G.Protocol.Trace.MessageDirection.Event && e.Message != "stage")
                {
                    last = e.Message;
                }
            }

            return last;
        }
    }
}
