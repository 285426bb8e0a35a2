#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;

namespace V2G.UnitTests.Slac
{
    /// <summary>Every SLAC timer of the charger expiring (digest §2.8 and the test list of §5.1).</summary>
    [TestClass]
    public class SlacTimerTests
    {
        [TestMethod]
        public void NoParmReqWithinTtEvseSlacInitFailsWithSlacInitTimeout()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();

            rig.Advance(39990);
            Assert.AreEqual(SlacState.Matching, rig.Slac.State);
            rig.Advance(10);

            Assert.IsTrue(rig.Slac.Failed);
            Assert.AreEqual(SlacState.Failed, rig.Slac.State);
            Assert.AreEqual(SlacFailureReasons.SlacInitTimeout, rig.Slac.FailureReason);
            Assert.IsTrue(rig.LoggedFailure(SlacFailureReasons.SlacInitTimeout));
        }

        [TestMethod]
        public void NoStartAttenCharWithin400MsFailsWithMatchSequenceTimeout()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            rig.Ev.ParmReq();
            rig.Poll();

            rig.Advance(390);
            Assert.AreEqual(SlacState.WaitingForStartAttenChar, rig.Slac.State);
            rig.Advance(10);

            Assert.AreEqual(SlacFailureReasons.MatchSequenceTimeout, rig.Slac.FailureReason);
        }

        [TestMethod]
        public void FewerThanTenSoundsAreAveragedWhenTheMnbcWindowEndsAt600Ms()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            rig.Ev.ParmReq();
            rig.Poll();
            rig.Ev.StartAttenChar();
            rig.Poll();
            for (int i = 0; i < 4; i++)
            {
                rig.Ev.SoundWithProfile(9 - i, 25);
            }

            rig.Advance(590);
            Assert.AreEqual(0, rig.CountSent(MmType.CmAttenCharInd));
            rig.Advance(10);

            byte[] ind = rig.LastSent(MmType.CmAttenCharInd);
            Assert.IsNotNull(ind);
            Assert.AreEqual(4, (int)ind[AttenCharInd.OffsetNumSounds]);
            Assert.AreEqual(25, (int)ind[AttenCharInd.OffsetAag]);
            Assert.AreEqual(SlacState.WaitingForAttenCharRsp, rig.Slac.State);
        }

        [TestMethod]
        public void NoSoundsAtAllFailsWhenTheMnbcWindowEnds()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            rig.Ev.ParmReq();
            rig.Poll();
            rig.Ev.StartAttenChar();
            rig.Poll();

            rig.Advance(600);

            Assert.AreEqual(SlacFailureReasons.NoSounds, rig.Slac.FailureReason);
            Assert.AreEqual(0, rig.CountSent(MmType.CmAttenCharInd));
        }

        [TestMethod]
        public void ALostAttenCharRspIsAnsweredByTwoResendsEvery200MsThenFailure()
        {
            SlacRig rig = SlacRig.Create();
            rig.SoundedUpToAttenCharInd(20);
            Assert.AreEqual(1, rig.CountSent(MmType.CmAttenCharInd));

            rig.Advance(190);
            Assert.AreEqual(1, rig.CountSent(MmType.CmAttenCharInd));
            rig.Advance(10);
            Assert.AreEqual(2, rig.CountSent(MmType.CmAttenCharInd));
            rig.Advance(200);
            Assert.AreEqual(3, rig.CountSent(MmType.CmAttenCharInd));
            Assert.IsFalse(rig.Slac.Failed);
            rig.Advance(200);

            Assert.AreEqual(3, rig.CountSent(MmType.CmAttenCharInd));
            Assert.AreEqual(SlacFailureReasons.NoAttenCharRsp, rig.Slac.FailureReason);
        }

        [TestMethod]
        public void ARspToAResentIndStillCompletesTheExchange()
        {
            SlacRig rig = SlacRig.Create();
            rig.SoundedUpToAttenCharInd(20);
            rig.Advance(200);

            rig.Ev.AttenCharRsp();
            rig.Poll();

            Assert.AreEqual(SlacState.WaitingForMatch, rig.Slac.State);
        }

        [TestMethod]
        public void NoMatchReqWithin10SFailsWithMatchSessionTimeout()
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToWaitingForMatch();

            rig.Advance(9990);
            Assert.AreEqual(SlacState.WaitingForMatch, rig.Slac.State);
            rig.Advance(10);

            Assert.AreEqual(SlacFailureReasons.MatchSessionTimeout, rig.Slac.FailureReason);
        }

        [TestMethod]
        public void ALinkThatNeverComesUpFailsWithJoinTimeoutAfter12S()
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToMatchCnf();
            int before = rig.CountSent(MmType.VsPlLinkStatusReq);

            rig.Advance(11990);
            Assert.AreEqual(SlacState.Joining, rig.Slac.State);
            int polls = rig.CountSent(MmType.VsPlLinkStatusReq) - before;
            Assert.IsTrue(polls >= 110 && polls <= 120, "polls every 100 ms: " + polls.ToString());
            rig.Advance(10);

            Assert.AreEqual(SlacFailureReasons.JoinTimeout, rig.Slac.FailureReason);
            Assert.IsFalse(rig.Slac.IsMatched);
        }

        [TestMethod]
        public void ANewKeysNidTakesOneHashPerPollAndTheSetKeyFollowsTheLast()
        {
            SlacRig rig = SlacRig.Create();
            rig.Slac.Reset(0);
            for (int i = 0; i < NetworkKey.NidHashRounds - 1; i++)
            {
                rig.Poll();
                Assert.AreEqual(0, rig.CountSent(MmType.CmSetKeyReq), "SET_KEY before the NID is complete");
            }

            rig.Poll();
            Assert.AreEqual(1, rig.CountSent(MmType.CmSetKeyReq));
            byte[] setKey = rig.LastSent(MmType.CmSetKeyReq);
            byte[] nmk = new byte[16];
            byte[] nid = new byte[7];
            System.Array.Copy(setKey, SetKeyReq.OffsetNewKey, nmk, 0, 16);
            NetworkKey.DeriveNid(nmk, nid);
            Assert.AreEqual(Hex.Of(nid), Hex.Of(setKey, SetKeyReq.OffsetNid, 7));
        }

        [TestMethod]
        public void AMissingSetKeyCnfIsRetriedTwiceThenReportedAsSetKeyFailed()
        {
            SlacRig rig = SlacRig.Create();
            rig.ResetKey();

            rig.Advance(990);
            Assert.AreEqual(1, rig.CountSent(MmType.CmSetKeyReq));
            rig.Advance(10);
            Assert.AreEqual(2, rig.CountSent(MmType.CmSetKeyReq));
            rig.Advance(1000);
            Assert.AreEqual(3, rig.CountSent(MmType.CmSetKeyReq));
            Assert.AreEqual(SlacState.Resetting, rig.Slac.State);
            rig.Advance(1000);

            Assert.AreEqual(3, rig.CountSent(MmType.CmSetKeyReq));
            Assert.AreEqual(SlacState.Failed, rig.Slac.State);
            Assert.AreEqual(SlacFailureReasons.SetKeyFailed, rig.Slac.FailureReason);
            Assert.IsTrue(rig.LoggedFailure(SlacFailureReasons.SetKeyFailed));
        }

        [TestMethod]
        public void ASetKeyCnfWithResultZeroIsARefusalAndIsRetried()
        {
            SlacRig rig = SlacRig.Create();
            rig.ResetKey();
            byte[] first = rig.Port.LastSent;

            for (int i = 0; i < 3; i++)
            {
                rig.Ev.SetKeyCnf(0x00);
                rig.Poll();
            }

            Assert.AreEqual(3, rig.CountSent(MmType.CmSetKeyReq));
            Assert.AreEqual(Hex.Of(first), Hex.Of(rig.Port.LastSent));
            Assert.AreEqual(SlacFailureReasons.SetKeyFailed, rig.Slac.FailureReason);
        }

        [TestMethod]
        public void AKeyFailureStaysThroughPlugInUntilReset()
        {
            SlacRig rig = SlacRig.Create();
            rig.ResetKey();
            rig.Advance(3000);
            Assert.IsTrue(rig.Slac.Failed);

            rig.Slac.EnterBcd(rig.NowMs);
            rig.Slac.RetryMatching(rig.NowMs);
            rig.Ev.ParmReq();
            rig.Poll();
            Assert.IsTrue(rig.Slac.Failed);
            Assert.AreEqual(0, rig.CountSent(MmType.CmSlacParmCnf));

            rig.LoadKey();
            Assert.IsFalse(rig.Slac.Failed);
            Assert.AreEqual(SlacState.Unmatched, rig.Slac.State);
        }

        [TestMethod]
        public void WithResetInsteadOfFailTheFirstFailedAttemptWaitsForANewParmReq()
        {
            SlacRig rig = new SlacRig(new SlacSettings(), SlacRig.TeslaRunId);
            rig.Plugged();
            rig.Ev.ParmReq();
            rig.Poll();
            rig.Advance(400);

            Assert.IsFalse(rig.Slac.Failed);
            Assert.AreEqual(SlacState.Matching, rig.Slac.State);
            Assert.IsTrue(rig.LoggedFailure(SlacFailureReasons.MatchSequenceTimeout));

            rig.Ev.ParmReq();
            rig.Poll();
            Assert.AreEqual(SlacState.WaitingForStartAttenChar, rig.Slac.State);
            rig.Advance(400);

            Assert.IsTrue(rig.Slac.Failed);
            Assert.AreEqual(SlacFailureReasons.MatchSequenceTimeout, rig.Slac.FailureReason);
        }
    }
}
