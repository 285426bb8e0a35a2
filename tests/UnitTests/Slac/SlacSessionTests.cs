#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;

namespace V2G.UnitTests.Slac
{
    /// <summary>Sessions, field validation, repeats and the pilot's calls (digest §2.4, §2.5, §2.9).</summary>
    [TestClass]
    public class SlacSessionTests
    {
        [TestMethod]
        public void ARepeatedParmReqWithTheSameRunIdRestartsItsSession()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            rig.Ev.ParmReq();
            rig.Poll();
            rig.Advance(300);

            rig.Ev.ParmReq();
            rig.Poll();
            rig.Advance(300);

            // The restart re-armed TT_match_sequence: 600 ms after the first REQ the session still waits.
            Assert.AreEqual(2, rig.CountSent(MmType.CmSlacParmCnf));
            Assert.AreEqual(SlacState.WaitingForStartAttenChar, rig.Slac.State);
            rig.Ev.Sounding(10, 22);
            rig.Poll();
            Assert.AreEqual(1, rig.CountSent(MmType.CmAttenCharInd));
        }

        [TestMethod]
        public void ADifferentRunIdOpensAParallelSessionAndTheOneThatMatchesWins()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            EvScript other = new EvScript(rig.Port, new byte[] { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 }, EvScript.Ascii("OTHERCAR"));
            other.ParmReq();
            rig.Ev.ParmReq();
            rig.Poll();
            Assert.AreEqual(2, rig.CountSent(MmType.CmSlacParmCnf));

            rig.Ev.Sounding(10, 30);
            rig.Poll();
            rig.Ev.AttenCharRsp();
            rig.Ev.MatchReq();
            rig.Poll();

            Assert.AreEqual(SlacState.Joining, rig.Slac.State);
            Assert.AreEqual(Hex.Of(EvScript.DefaultEvMac), Hex.Of(rig.Slac.EvMac));

            // The other session ended with the match: its sounding is no longer heard.
            other.StartAttenChar();
            rig.Poll();
            Assert.AreEqual(1, rig.Slac.FramesUnexpected);
        }

        [TestMethod]
        public void AtMostParallelSessionsAreKept()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            for (int i = 0; i < 6; i++)
            {
                EvScript car = new EvScript(rig.Port, new byte[] { 0x00, 0x11, 0x22, 0x33, 0x44, (byte)i }, SlacRig.TeslaRunId);
                car.ParmReq();
            }

            rig.Poll();

            Assert.AreEqual(5, rig.CountSent(MmType.CmSlacParmCnf));
            Assert.AreEqual(1, rig.Slac.FramesUnexpected);
        }

        [TestMethod]
        public void AStartAttenCharWithAWrongRespTypeIsIgnored()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            rig.Ev.ParmReq();
            rig.Poll();

            rig.Ev.BuildStartAttenChar();
            rig.Ev.Frame[StartAttenCharInd.OffsetRespType] = 0;
            rig.Ev.Inject();
            rig.Poll();

            Assert.AreEqual(SlacState.WaitingForStartAttenChar, rig.Slac.State);
            Assert.AreEqual(1, rig.Slac.FramesUnexpected);
        }

        [TestMethod]
        public void AnAttenCharRspWithAFailureResultIsIgnoredAndTheIndResent()
        {
            SlacRig rig = SlacRig.Create();
            rig.SoundedUpToAttenCharInd(20);

            rig.Ev.BuildAttenCharRsp(1).Inject();
            rig.Poll();
            Assert.AreEqual(SlacState.WaitingForAttenCharRsp, rig.Slac.State);
            Assert.AreEqual(1, rig.Slac.FramesUnexpected);

            rig.Advance(200);
            Assert.AreEqual(2, rig.CountSent(MmType.CmAttenCharInd));
        }

        [TestMethod]
        public void AMatchReqWithAWrongEvseMacIsIgnored()
        {
            AssertMatchReqIgnored(SlacMatchReq.OffsetEvseMac, 0x99);
        }

        [TestMethod]
        public void AMatchReqWithAWrongRunIdIsIgnored()
        {
            AssertMatchReqIgnored(SlacMatchReq.OffsetRunId + 7, 0x99);
        }

        [TestMethod]
        public void AMatchReqWithAWrongMvfLengthIsIgnored()
        {
            AssertMatchReqIgnored(SlacMatchReq.OffsetMvfLength, 0x3F);
        }

        [TestMethod]
        public void AMatchReqWithANonZeroPevIdIsIgnored()
        {
            AssertMatchReqIgnored(SlacMatchReq.OffsetPevId + 3, 0x01);
        }

        [TestMethod]
        public void AMatchReqWithAnotherPevMacIsIgnored()
        {
            AssertMatchReqIgnored(SlacMatchReq.OffsetPevMac + 5, 0x01);
        }

        [TestMethod]
        public void ARepeatedMatchReqGetsTheSameCnfAgain()
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToMatchCnf();
            byte[] first = rig.LastSent(MmType.CmSlacMatchCnf);

            rig.Advance(200);
            rig.Ev.MatchReq();
            rig.Poll();

            Assert.AreEqual(2, rig.CountSent(MmType.CmSlacMatchCnf));
            Assert.AreEqual(Hex.Of(first), Hex.Of(rig.LastSent(MmType.CmSlacMatchCnf)));
            Assert.AreEqual(SlacState.Joining, rig.Slac.State);
        }

        [TestMethod]
        public void AValidateReqIsAnsweredWithResultFailure()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            rig.Ev.Length = ValidateReq.Write(rig.Ev.Frame, EvScript.EvseMac, rig.Ev.EvMac, 0, 0, 1);
            rig.Ev.Inject();
            rig.Poll();

            byte[] cnf = rig.LastSent(MmType.CmValidateCnf);
            Assert.IsNotNull(cnf);
            Assert.AreEqual(Hex.Of(rig.Ev.EvMac), Hex.Of(cnf, 0, 6));
            Assert.AreEqual(0x03, (int)cnf[ValidateCnf.OffsetResult]);
        }

        [TestMethod]
        public void UnpluggingAfterAMatchLoadsANewKeySoTheModemLeavesTheNetwork()
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToMatchCnf();
            rig.Ev.LinkStatus(1);
            rig.Poll();
            string oldNmk = Hex.Of(rig.LastSent(MmType.CmSetKeyReq), SetKeyReq.OffsetNewKey, 16);

            rig.Slac.LeaveBcd(rig.NowMs);
            rig.DeriveKey();

            Assert.IsFalse(rig.Slac.IsMatched);
            Assert.AreEqual(SlacState.Resetting, rig.Slac.State);
            Assert.AreEqual(2, rig.CountSent(MmType.CmSetKeyReq));
            Assert.IsFalse(oldNmk == Hex.Of(rig.LastSent(MmType.CmSetKeyReq), SetKeyReq.OffsetNewKey, 16));
            rig.Ev.SetKeyCnf(1);
            rig.Poll();
            Assert.AreEqual(SlacState.Unmatched, rig.Slac.State);
        }

        [TestMethod]
        public void UnpluggingBeforeTheKeyWasHandedOutKeepsTheKey()
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToWaitingForMatch();

            rig.Slac.LeaveBcd(rig.NowMs);

            Assert.AreEqual(1, rig.CountSent(MmType.CmSetKeyReq));
            Assert.AreEqual(SlacState.Unmatched, rig.Slac.State);
        }

        [TestMethod]
        public void RetryingAfterAFailureStartsANewAttempt()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            rig.Advance(40000);
            Assert.IsTrue(rig.Slac.Failed);

            rig.Slac.RetryMatching(rig.NowMs);

            Assert.IsFalse(rig.Slac.Failed);
            Assert.AreEqual(SlacState.Matching, rig.Slac.State);
            Assert.AreEqual(2, rig.Slac.Attempts);
            rig.Ev.ParmReq();
            rig.Poll();
            Assert.AreEqual(1, rig.CountSent(MmType.CmSlacParmCnf));
        }

        [TestMethod]
        public void AParmReqBeforePlugInIsIgnored()
        {
            SlacRig rig = SlacRig.Create();
            rig.LoadKey();

            rig.Ev.ParmReq();
            rig.Poll();

            Assert.AreEqual(0, rig.CountSent(MmType.CmSlacParmCnf));
            Assert.AreEqual(1, rig.Slac.FramesUnexpected);
        }

        [TestMethod]
        public void FramesForAnotherHostOrFromItselfAreDropped()
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToWaitingForMatch();
            int dropped = rig.Slac.FramesDropped;

            rig.Ev.BuildMatchReq();
            rig.Ev.Frame[5] ^= 0xFF;
            rig.Ev.Inject();
            rig.Ev.BuildParmReq();
            MmeHeader.CopyOrZero(EvScript.EvseMac, rig.Ev.Frame, MmeHeader.OffsetSourceMac, 6);
            rig.Ev.Inject();
            rig.Poll();

            Assert.AreEqual(dropped + 2, rig.Slac.FramesDropped);
            Assert.AreEqual(SlacState.WaitingForMatch, rig.Slac.State);
        }

        private static void AssertMatchReqIgnored(int offset, byte value)
        {
            SlacRig rig = SlacRig.Create();
            rig.UpToWaitingForMatch();

            rig.Ev.BuildMatchReq();
            rig.Ev.Frame[offset] = value;
            rig.Ev.Inject();
            rig.Poll();

            Assert.AreEqual(0, rig.CountSent(MmType.CmSlacMatchCnf));
            Assert.AreEqual(1, rig.Slac.FramesUnexpected);
            Assert.AreEqual(SlacState.WaitingForMatch, rig.Slac.State);

            rig.Ev.MatchReq();
            rig.Poll();
            Assert.AreEqual(1, rig.CountSent(MmType.CmSlacMatchCnf));
        }
    }
}
