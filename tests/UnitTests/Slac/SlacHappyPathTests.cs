#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;

namespace V2G.UnitTests.Slac
{
    /// <summary>A whole matching with a Tesla-like EV, every frame the charger sends checked at the digest's offsets.</summary>
    [TestClass]
    public class SlacHappyPathTests
    {
        [TestMethod]
        public void AFullMatchingSendsEveryFrameAsTheDigestLaysItOut()
        {
            SlacRig rig = SlacRig.Create();
            string evse = Hex.Of(EvScript.EvseMac);
            string ev = Hex.Of(EvScript.DefaultEvMac);
            string tesla = Hex.Of(SlacRig.TeslaRunId);

            // 0. CM_SET_KEY.REQ to the local modem.
            rig.ResetKey();
            Assert.AreEqual(SlacState.Resetting, rig.Slac.State);
            byte[] setKey = rig.Port.LastSent;
            Assert.AreEqual(60, setKey.Length);
            Assert.AreEqual("00b052000001" + evse + "88e1" + "01" + "0860" + "0000", Hex.Of(setKey, 0, 19));
            Assert.AreEqual("01" + "00000000" + "00000000" + "04" + "0000" + "00" + "00", Hex.Of(setKey, 19, 14));
            Assert.AreEqual(1, (int)setKey[40]);
            string nmk = Hex.Of(setKey, 41, 16);
            byte[] nid = new byte[7];
            NetworkKey.DeriveNid(Hex.Parse(nmk), nid);
            Assert.AreEqual(Hex.Of(nid), Hex.Of(setKey, 33, 7));
            Assert.IsTrue(MmeHeader.IsAllZero(setKey, 57, 3));

            rig.Ev.SetKeyCnf(0x01);
            rig.Poll();
            Assert.AreEqual(SlacState.Unmatched, rig.Slac.State);

            // 1-2. Plug-in, CM_SLAC_PARM.REQ → CNF with the RunID copied whole.
            rig.Slac.EnterBcd(rig.NowMs);
            Assert.AreEqual(SlacState.Matching, rig.Slac.State);
            rig.Ev.ParmReq();
            rig.Poll();
            byte[] parmCnf = rig.Port.LastSent;
            Assert.AreEqual(60, parmCnf.Length);
            Assert.AreEqual(ev + evse + "88e1" + "01" + "6560" + "0000", Hex.Of(parmCnf, 0, 19));
            Assert.AreEqual("ffffffffffff" + "0a" + "06" + "01" + ev + "00" + "00" + tesla, Hex.Of(parmCnf, 19, 25));
            Assert.AreEqual("5445534c41204556", Hex.Of(parmCnf, SlacParmCnf.OffsetRunId, 8));
            Assert.IsTrue(MmeHeader.IsAllZero(parmCnf, 44, 16));
            Assert.AreEqual(SlacState.WaitingForStartAttenChar, rig.Slac.State);

            // 3-5. Three START_ATTEN_CHAR, ten sounds with profiles → CM_ATTEN_CHAR.IND.
            rig.Advance(100);
            rig.Ev.StartAttenChar();
            rig.Poll();
            Assert.AreEqual(SlacState.Sounding, rig.Slac.State);
            rig.Advance(20);
            rig.Ev.StartAttenChar();
            rig.Ev.StartAttenChar();
            for (int i = 0; i < 10; i++)
            {
                rig.Advance(20);
                rig.Ev.SoundWithProfile(9 - i, 20 + (i % 2));
            }

            rig.Poll();
            Assert.AreEqual(SlacState.WaitingForAttenCharRsp, rig.Slac.State);
            byte[] ind = rig.Port.LastSent;
            Assert.AreEqual(129, ind.Length);
            Assert.AreEqual(ev + evse + "88e1" + "01" + "6e60" + "0000", Hex.Of(ind, 0, 19));
            Assert.AreEqual("0000" + ev + tesla, Hex.Of(ind, 19, 16));
            Assert.IsTrue(MmeHeader.IsAllZero(ind, 35, 34));
            Assert.AreEqual(10, (int)ind[69]);
            Assert.AreEqual(58, (int)ind[70]);
            for (int g = 0; g < 58; g++)
            {
                // five profiles at 20 dB and five at 21: 205 / 10 = 20 (integer division).
                Assert.AreEqual(20, (int)ind[71 + g]);
            }

            Assert.AreEqual(10, rig.Slac.SoundsReceived);
            Assert.AreEqual(20.0, rig.Slac.AttenuationDb);

            // 6. RSP → waiting for MATCH.REQ.
            rig.Ev.AttenCharRsp();
            rig.Poll();
            Assert.AreEqual(SlacState.WaitingForMatch, rig.Slac.State);

            // 8. MATCH.REQ → MATCH.CNF with the key loaded in step 0.
            rig.Advance(900);
            rig.Ev.MatchReq();
            rig.Poll();
            byte[] cnf = rig.Port.LastSent;
            Assert.AreEqual(109, cnf.Length);
            Assert.AreEqual(ev + evse + "88e1" + "01" + "7d60" + "0000", Hex.Of(cnf, 0, 19));
            Assert.AreEqual("0000" + "5600", Hex.Of(cnf, 19, 4));
            Assert.IsTrue(MmeHeader.IsAllZero(cnf, 23, 17));
            Assert.AreEqual(ev, Hex.Of(cnf, 40, 6));
            Assert.IsTrue(MmeHeader.IsAllZero(cnf, 46, 17));
            Assert.AreEqual(evse, Hex.Of(cnf, 63, 6));
            Assert.AreEqual(tesla, Hex.Of(cnf, 69, 8));
            Assert.IsTrue(MmeHeader.IsAllZero(cnf, 77, 8));
            Assert.AreEqual(Hex.Of(nid), Hex.Of(cnf, 85, 7));
            Assert.AreEqual(0, (int)cnf[92]);
            Assert.AreEqual(nmk, Hex.Of(cnf, 93, 16));
            Assert.AreEqual(SlacState.Joining, rig.Slac.State);
            Assert.IsFalse(rig.Slac.IsMatched);

            // 10. Link detection: VS_PL_LINK_STATUS.REQ (MMV 0, OUI) every 100 ms until link_status 1.
            rig.Advance(100);
            byte[] linkReq = rig.Port.LastSent;
            Assert.AreEqual(60, linkReq.Length);
            Assert.AreEqual("00b052000001" + evse + "88e1" + "00" + "b8a0" + "00b052", Hex.Of(linkReq, 0, 20));
            rig.Ev.LinkStatus(0);
            rig.Advance(100);
            Assert.AreEqual(SlacState.Joining, rig.Slac.State);
            rig.Ev.LinkStatus(1);
            rig.Poll();

            Assert.AreEqual(SlacState.Matched, rig.Slac.State);
            Assert.IsTrue(rig.Slac.IsMatched);
            Assert.AreEqual(ev, Hex.Of(rig.Slac.EvMac));
            Assert.AreEqual(0, rig.Slac.FramesMalformed);
            Assert.AreEqual(0, rig.Slac.FramesUnexpected);
            Assert.AreEqual(1, rig.Slac.Attempts);
        }

        [TestMethod]
        public void EveryMessageGoesToTheLogWithItsKeyFields()
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToMatchCnf();

            Assert.IsTrue(Find(rig.Log, MessageDirection.Received, "CM_SLAC_PARM.REQ", "run_id=5445534c41204556"));
            Assert.IsTrue(Find(rig.Log, MessageDirection.Sent, "CM_SLAC_PARM.CNF", "run_id=5445534c41204556"));
            Assert.IsTrue(Find(rig.Log, MessageDirection.Received, "CM_MNBC_SOUND.IND", "cnt=0"));
            Assert.IsTrue(Find(rig.Log, MessageDirection.Received, "CM_ATTEN_PROFILE.IND", "profile=10"));
            Assert.IsTrue(Find(rig.Log, MessageDirection.Sent, "CM_ATTEN_CHAR.IND", "sounds=10 attenuation_db=20.0"));
            Assert.IsTrue(Find(rig.Log, MessageDirection.Received, "CM_SET_KEY.CNF", "result=1"));
            Assert.IsTrue(Find(rig.Log, MessageDirection.Sent, "CM_SLAC_MATCH.CNF", "run_id=5445534c41204556"));
        }

        [TestMethod]
        public void WithoutLinkDetectionTheLinkIsReadyRightAfterMatchCnf()
        {
            SlacSettings settings = new SlacSettings();
            settings.LinkStatusDetection = false;
            SlacRig rig = new SlacRig(settings, SlacRig.TeslaRunId);

            rig.UpToMatchCnf();

            Assert.IsTrue(rig.Slac.IsMatched);
            rig.Advance(5000);
            Assert.AreEqual(0, rig.CountSent(MmType.VsPlLinkStatusReq));
        }

        [TestMethod]
        public void OnceMatchedALinkLossFailsWithLinkLost()
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToMatchCnf();
            rig.Ev.LinkStatus(1);
            rig.Poll();
            Assert.IsTrue(rig.Slac.IsMatched);

            rig.Advance(1000);
            rig.Ev.LinkStatus(0);
            rig.Poll();

            Assert.IsTrue(rig.Slac.Failed);
            Assert.AreEqual(SlacFailureReasons.LinkLost, rig.Slac.FailureReason);
            Assert.IsFalse(rig.Slac.IsMatched);
        }

        internal static bool Find(MessageLog log, MessageDirection direction, string message, string details)
        {
            for (int i = 0; i < log.Count; i++)
            {
                TraceEntry e = log.Get(i);
                if (e.Direction == direction && e.Message == message && e.Details.ToString().IndexOf(details) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
