#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using V2G.Protocol.Slac;

namespace V2G.UnitTests.Slac
{
    /// <summary>Hostile and broken frames, and the allocation budget of Poll.</summary>
    [TestClass]
    public class SlacRobustnessTests
    {
        private static readonly int[] KnownTypes =
        {
            MmType.CmSetKeyReq, MmType.CmSetKeyCnf, MmType.CmSlacParmReq, MmType.CmSlacParmCnf,
            MmType.CmStartAttenCharInd, MmType.CmAttenCharInd, MmType.CmAttenCharRsp, MmType.CmMnbcSoundInd,
            MmType.CmValidateReq, MmType.CmValidateCnf, MmType.CmSlacMatchReq, MmType.CmSlacMatchCnf,
            MmType.CmAttenProfileInd, MmType.VsSwVerReq, MmType.VsSwVerCnf, MmType.VsRsDevReq,
            MmType.VsPlLinkStatusReq, MmType.VsPlLinkStatusCnf,
        };

        [TestMethod]
        public void TruncatedFramesAreCountedAsMalformed()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();

            rig.Ev.BuildParmReq();
            rig.Port.Inject(rig.Ev.Frame, 10);
            rig.Port.Inject(rig.Ev.Frame, 18);
            rig.Port.Inject(rig.Ev.Frame, 25);
            rig.Ev.BuildMatchReq();
            rig.Port.Inject(rig.Ev.Frame, 84);
            rig.Poll();

            Assert.AreEqual(4, rig.Slac.FramesMalformed);
            Assert.AreEqual(0, rig.CountSent(MmType.CmSlacParmCnf));
        }

        [TestMethod]
        public void OtherEtherTypesAndUnknownMmTypesAreDropped()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();

            rig.Ev.BuildParmReq();
            rig.Ev.Frame[12] = 0x86;
            rig.Ev.Frame[13] = 0xDD;
            rig.Ev.Inject();
            rig.Ev.BuildParmReq();
            rig.Ev.Frame[15] = 0x34;
            rig.Ev.Frame[16] = 0x12;
            rig.Ev.Inject();
            rig.Poll();

            Assert.AreEqual(2, rig.Slac.FramesDropped);
            Assert.AreEqual(SlacState.Matching, rig.Slac.State);
        }

        [TestMethod]
        public void ASlacMessageWithMmvZeroIsMalformed()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();

            rig.Ev.BuildParmReq();
            rig.Ev.Frame[14] = 0;
            rig.Ev.Inject();
            rig.Poll();

            Assert.AreEqual(1, rig.Slac.FramesMalformed);
        }

        [TestMethod]
        public void ThousandsOfRandomAndMutatedFramesNeverThrowAndStayFast()
        {
            SlacSettings settings = new SlacSettings();
            SlacRig rig = new SlacRig(settings, SlacRig.TeslaRunId);
            SeededEntropy random = new SeededEntropy(2026);
            rig.Plugged();
            byte[] frame = new byte[1600];
            DateTime start = DateTime.UtcNow;

            for (int i = 0; i < 6000; i++)
            {
                int length = Mutate(rig, random, frame);
                rig.Port.Inject(frame, length);
                if (i % 8 == 0)
                {
                    rig.NowMs += random.NextInt(300);
                    rig.Poll();
                }

                if (i % 1000 == 999)
                {
                    // Keep all states reachable: re-plug now and then (sometimes after a failure).
                    rig.Slac.LeaveBcd(rig.NowMs);
                    rig.Ev.SetKeyCnf(1);
                    rig.Slac.EnterBcd(rig.NowMs);
                }
            }

            while (rig.Port.PendingCount > 0)
            {
                rig.Poll();
            }

            TimeSpan elapsed = DateTime.UtcNow - start;
            Assert.IsTrue(elapsed.TotalMilliseconds < 20000, "fuzzing took " + elapsed.TotalMilliseconds.ToString("F0") + " ms");
            Assert.IsTrue(rig.Slac.FramesMalformed + rig.Slac.FramesDropped + rig.Slac.FramesUnexpected > 1000);

            // Still works afterwards.
            SlacRig fresh = SlacRig.Create();
            fresh.UpToMatchCnf();
            Assert.AreEqual(SlacState.Joining, fresh.Slac.State);
        }

        [TestMethod]
        public void AWholeMatchingAllocatesNothingInPoll()
        {
#if !NANOFRAMEWORK_1_0
            SlacRig rig = SlacRig.Create();
            rig.UpToMatchCnf();
            rig.Ev.LinkStatus(1);
            rig.Poll();

            // Second session, measured: unplug (new key), plug, the whole EV side queued up front.
            rig.Port.RecordSends = false;
            rig.Slac.LeaveBcd(rig.NowMs);
            rig.DeriveKey();
            rig.Ev.SetKeyCnf(1);
            rig.Poll();
            rig.Slac.EnterBcd(rig.NowMs);
            rig.Ev.ParmReq();
            rig.Ev.Sounding(10, 24);
            rig.Ev.AttenCharRsp();
            rig.Ev.MatchReq();
            rig.Ev.LinkStatus(1);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
            {
                rig.NowMs += 10;
                rig.Poll();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(rig.Slac.IsMatched);
            Assert.AreEqual(0L, allocated);
#endif
        }

        private static int Mutate(SlacRig rig, SeededEntropy random, byte[] frame)
        {
            int kind = random.NextInt(4);
            if (kind == 0)
            {
                // Pure noise of any length 0..1600.
                int length = random.NextInt(1601);
                random.Fill(frame, 0, length);
                if (length > 14 && random.NextInt(2) == 0)
                {
                    frame[12] = 0x88;
                    frame[13] = 0xE1;
                }

                return length;
            }

            // A real frame of a random known type (or a random MMTYPE), then mutated.
            int mmType = kind == 1 ? (int)(random.Next() & 0xFFFF) : KnownTypes[random.NextInt(KnownTypes.Length)];
            byte[] dst = random.NextInt(2) == 0 ? EvScript.EvseMac : MmeHeader.BroadcastMac;
            int length2 = 60 + random.NextInt(80);
            for (int i = 0; i < length2; i++)
            {
                frame[i] = (byte)(random.NextInt(4) == 0 ? random.Next() : 0);
            }

            MmeHeader.Write(frame, dst, rig.Ev.EvMac, mmType >= 0xA000 ? 0 : 1, mmType);
            if (random.NextInt(2) == 0)
            {
                // Keep the session's RunID and MACs in place so deeper states are reached.
                MmeHeader.CopyOrZero(rig.Ev.RunId, frame, 21 + random.NextInt(60), 8);
            }

            int flips = random.NextInt(4);
            for (int f = 0; f < flips; f++)
            {
                frame[random.NextInt(length2)] = (byte)random.Next();
            }

            return kind == 3 ? random.NextInt(length2 + 1) : length2;
        }
    }
}
