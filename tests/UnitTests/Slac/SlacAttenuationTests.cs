#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Slac
{
    /// <summary>Averaging the modem's attenuation profiles (digest §2.6).</summary>
    [TestClass]
    public class SlacAttenuationTests
    {
        [TestMethod]
        public void EachGroupIsTheIntegerMeanOfTheProfilesAndNumSoundsTheirCount()
        {
            SlacRig rig = Sounding();
            byte[] a = new byte[58];
            byte[] b = new byte[58];
            byte[] c = new byte[58];
            for (int g = 0; g < 58; g++)
            {
                a[g] = (byte)(10 + g);
                b[g] = (byte)(11 + g);
                c[g] = (byte)(13 + g);
            }

            rig.Ev.Profile(a);
            rig.Ev.Profile(b);
            rig.Ev.Profile(c);
            rig.Poll();
            rig.Advance(600);

            byte[] ind = rig.LastSent(MmType.CmAttenCharInd);
            Assert.AreEqual(3, (int)ind[AttenCharInd.OffsetNumSounds]);
            for (int g = 0; g < 58; g++)
            {
                // (10 + 11 + 13 + 3g) / 3 = 11 + g, remainder 1 dropped.
                Assert.AreEqual(11 + g, (int)ind[AttenCharInd.OffsetAag + g]);
            }

            Expect.Near(11 + 28.5, rig.Slac.AttenuationDb, 1e-9, "mean of the groups");
            Assert.AreEqual(3, rig.Slac.SoundsReceived);
        }

        [TestMethod]
        public void TheAdjustmentIsAddedToEveryGroup()
        {
            SlacSettings settings = new SlacSettings();
            settings.AttenuationAdjustmentDb = 3;
            SlacRig rig = new SlacRig(settings, SlacRig.TeslaRunId);

            rig.SoundedUpToAttenCharInd(20);

            byte[] ind = rig.LastSent(MmType.CmAttenCharInd);
            Assert.AreEqual(23, (int)ind[AttenCharInd.OffsetAag]);
            Assert.AreEqual(23, (int)ind[AttenCharInd.OffsetAag + 57]);
            Expect.Near(23, rig.Slac.AttenuationDb, 1e-9, "attenuation");
        }

        [TestMethod]
        public void AnAllZeroProfileIsNeverSentGroupsAreFlooredAt1Db()
        {
            SlacRig rig = SlacRig.Create();

            rig.SoundedUpToAttenCharInd(0);

            byte[] ind = rig.LastSent(MmType.CmAttenCharInd);
            for (int g = 0; g < 58; g++)
            {
                Assert.AreEqual(1, (int)ind[AttenCharInd.OffsetAag + g]);
            }
        }

        [TestMethod]
        public void ProfilesOfAnotherCarAreNotSummed()
        {
            SlacRig rig = Sounding();
            EvScript other = new EvScript(rig.Port, new byte[] { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 }, SlacRig.TeslaRunId);

            other.Profile(EvScript.Flat(60));
            rig.Ev.Profile(EvScript.Flat(20));
            rig.Poll();
            rig.Advance(600);

            byte[] ind = rig.LastSent(MmType.CmAttenCharInd);
            Assert.AreEqual(1, (int)ind[AttenCharInd.OffsetNumSounds]);
            Assert.AreEqual(20, (int)ind[AttenCharInd.OffsetAag]);
            Assert.AreEqual(1, rig.Slac.FramesUnexpected);
        }

        [TestMethod]
        public void TheOptionalThresholdFailsASessionHeardTooFaintly()
        {
            SlacSettings settings = new SlacSettings();
            settings.AttenuationThresholdDb = 40;
            settings.ResetInsteadOfFail = false;
            SlacRig rig = new SlacRig(settings, SlacRig.TeslaRunId);

            rig.SoundedUpToAttenCharInd(41);

            Assert.AreEqual(0, rig.CountSent(MmType.CmAttenCharInd));
            Assert.AreEqual(SlacFailureReasons.AttenuationTooHigh, rig.Slac.FailureReason);
        }

        [TestMethod]
        public void TheThresholdIsOffByDefault()
        {
            SlacRig rig = SlacRig.Create();

            rig.SoundedUpToAttenCharInd(80);

            Assert.AreEqual(0, new SlacSettings().AttenuationThresholdDb);
            Assert.AreEqual(1, rig.CountSent(MmType.CmAttenCharInd));
        }

        private static SlacRig Sounding()
        {
            SlacRig rig = SlacRig.Create();
            rig.Plugged();
            rig.Ev.ParmReq();
            rig.Poll();
            rig.Ev.StartAttenChar();
            rig.Poll();
            return rig;
        }
    }
}
