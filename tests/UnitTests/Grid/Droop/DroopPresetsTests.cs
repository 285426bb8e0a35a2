#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Droop
{
    /// <summary>Each preset's parameters and name, ByName, and both nominal frequencies.</summary>
    [TestClass]
    public class DroopPresetsTests
    {
        private static void AssertPreset(DroopSettings s, string name, double nominalHz, double deadbandHz, double droop, int responseTimeMs)
        {
            Assert.AreEqual(name, s.PresetName);
            Assert.IsTrue(s.Enabled, name + " enabled");
            Assert.AreEqual(nominalHz, s.NominalHz, name);
            Assert.AreEqual(deadbandHz, s.DeadbandOverHz, name + " dbOF");
            Assert.AreEqual(deadbandHz, s.DeadbandUnderHz, name + " dbUF");
            Assert.AreEqual(droop, s.DroopOver, name + " kOF");
            Assert.AreEqual(droop, s.DroopUnder, name + " kUF");
            Assert.AreEqual(responseTimeMs, s.ResponseTimeMs, name + " response time");
            Assert.IsNull(s.Validate(), name + " valid");
        }

        [TestMethod]
        public void IeeeCategoryTwoIsCharacteristicOne()
        {
            AssertPreset(DroopPresets.Ieee1547CategoryII(60), "ieee1547-cat2", 60, 0.036, 0.05, 5000);
        }

        [TestMethod]
        public void IeeeCategoryThreeIsItsMostAggressiveSetting()
        {
            AssertPreset(DroopPresets.Ieee1547CategoryIII(60), "ieee1547-cat3", 60, 0.017, 0.02, 200);
        }

        [TestMethod]
        public void En50549StartsAtFiftyPointTwoAndFortyNinePointEight()
        {
            DroopSettings s = DroopPresets.En50549Lfsm(50);
            AssertPreset(s, "en50549", 50, 0.2, 0.05, 1000);
            Expect.Near(50.2, s.NominalHz + s.DeadbandOverHz, 1e-12, "LFSM-O start, Hz");
            Expect.Near(49.8, s.NominalHz - s.DeadbandUnderHz, 1e-12, "LFSM-U start, Hz");
        }

        [TestMethod]
        public void ChinaStorageIsInsideGbT40595()
        {
            DroopSettings s = DroopPresets.ChinaStorage(50);
            AssertPreset(s, "china-storage", 50, 0.05, 0.03, 1000);
            Assert.IsTrue(s.DeadbandOverHz >= 0.03 && s.DeadbandOverHz <= 0.05, "deadband ±0.03..0.05 Hz");
            Assert.IsTrue(s.DroopOver >= 0.005 && s.DroopOver <= 0.03, "droop 0.5..3 %");
        }

        [TestMethod]
        public void FastHasNoResponseFilter()
        {
            DroopSettings s = DroopPresets.Fast(50);
            AssertPreset(s, "fast", 50, 0.017, 0.02, 0);
            Assert.AreEqual(0, s.DelayCompensationMs);
            Assert.IsTrue(s.FilterTimeConstantMs <= 0, "the filter passes at once");
        }

        [TestMethod]
        public void ResponseTimesToMeetAreShortenedByTheEstimatorAndConverterDelays()
        {
            // 5-cycle estimator: 3 cycles of mean delay (50 ms at 60 Hz, 60 ms at 50 Hz) + 20 ms converter.
            Assert.AreEqual(70, DroopPresets.Ieee1547CategoryIII(60).DelayCompensationMs);
            Assert.AreEqual(80, DroopPresets.Ieee1547CategoryIII(50).DelayCompensationMs);
            Assert.AreEqual(70, DroopPresets.Ieee1547CategoryII(60).DelayCompensationMs);
            Assert.AreEqual(80, DroopPresets.ChinaStorage(50).DelayCompensationMs);
        }

        [TestMethod]
        public void ByNameFindsEveryPresetAtEitherNominalFrequency()
        {
            string[] names = DroopPresets.Names();
            Assert.AreEqual(5, names.Length);
            double[] nominals = { 50, 60 };
            for (int n = 0; n < nominals.Length; n++)
            {
                for (int i = 0; i < names.Length; i++)
                {
                    DroopSettings s = DroopPresets.ByName(names[i], nominals[n]);
                    Assert.IsNotNull(s, names[i]);
                    Assert.AreEqual(names[i], s.PresetName);
                    Assert.AreEqual(nominals[n], s.NominalHz, names[i]);
                }
            }
        }

        [TestMethod]
        public void ByNameOfAnUnknownPresetIsNull()
        {
            Assert.IsNull(DroopPresets.ByName("ieee1547-cat9", 50));
            Assert.IsNull(DroopPresets.ByName(null, 50));
        }

        [TestMethod]
        public void EachCallReturnsItsOwnCopy()
        {
            DroopSettings a = DroopPresets.Ieee1547CategoryII(60);
            a.DroopOver = 0.03;

            Assert.AreEqual(0.05, DroopPresets.Ieee1547CategoryII(60).DroopOver);
        }

        [TestMethod]
        public void FiftyHertzPresetDroopsAroundFiftyHertz()
        {
            // China storage at 50 Hz: 49.8 Hz is 0.15 Hz past 49.95 Hz, at 3 % of 50 Hz: 0.1 pu.
            DroopSettings s = DroopTestRig.Direct(DroopPresets.ChinaStorage(50), 10000);
            s.ResponseTimeMs = 0;
            FrequencyDroop droop = new FrequencyDroop(s);

            Expect.Near(-1000, droop.Update(0, 49.8, 0, 10000, 10000), 1e-6, "W");
            Expect.Near(1000, droop.Update(0, 50.2, 20, 10000, 10000), 1e-6, "W");
            Assert.AreEqual(0.0, droop.Update(0, 50.04, 40, 10000, 10000));
        }
    }
}
