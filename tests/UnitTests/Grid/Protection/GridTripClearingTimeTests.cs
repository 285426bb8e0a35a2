#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;

namespace V2G.UnitTests.Grid.Protection
{
    /// <summary>
    /// Every trip function clears within its setting plus one evaluation period (20 ms) and not before
    /// 95 % of it, for a condition just beyond its threshold (10 mHz, 0.005 pu, 0.01 Hz/s) that begins
    /// 1 ms after a tick, the worst case for when it is first seen.
    /// </summary>
    [TestClass]
    public class GridTripClearingTimeTests
    {
        private const double BeyondHz = 0.01;
        private const double BeyondPu = 0.005;

        private static void AssertFrequencyTrips(GridProtectionSettings s)
        {
            double v = s.NominalVoltageV;
            ProtectionRig.AssertClearsWithinItsSetting(s, "OF2", GridTrip.OverFrequency, s.OverFrequency2ClearingMs, s.OverFrequency2Hz + BeyondHz, v, 0);
            ProtectionRig.AssertClearsWithinItsSetting(s, "OF1", GridTrip.OverFrequency, s.OverFrequency1ClearingMs, s.OverFrequency1Hz + BeyondHz, v, 0);
            ProtectionRig.AssertClearsWithinItsSetting(s, "UF1", GridTrip.UnderFrequency, s.UnderFrequency1ClearingMs, s.UnderFrequency1Hz - BeyondHz, v, 0);
            ProtectionRig.AssertClearsWithinItsSetting(s, "UF2", GridTrip.UnderFrequency, s.UnderFrequency2ClearingMs, s.UnderFrequency2Hz - BeyondHz, v, 0);
        }

        private static void AssertVoltageTrips(GridProtectionSettings s)
        {
            double f = s.NominalHz;
            double vn = s.NominalVoltageV;
            ProtectionRig.AssertClearsWithinItsSetting(s, "OV2", GridTrip.OverVoltage, s.OverVoltage2ClearingMs, f, (s.OverVoltage2Pu + BeyondPu) * vn, 0);
            ProtectionRig.AssertClearsWithinItsSetting(s, "OV1", GridTrip.OverVoltage, s.OverVoltage1ClearingMs, f, (s.OverVoltage1Pu + BeyondPu) * vn, 0);
            ProtectionRig.AssertClearsWithinItsSetting(s, "UV1", GridTrip.UnderVoltage, s.UnderVoltage1ClearingMs, f, (s.UnderVoltage1Pu - BeyondPu) * vn, 0);
            ProtectionRig.AssertClearsWithinItsSetting(s, "UV2", GridTrip.UnderVoltage, s.UnderVoltage2ClearingMs, f, (s.UnderVoltage2Pu - BeyondPu) * vn, 0);
        }

        [TestMethod]
        public void EveryFrequencyTripAt60HzClearsWithinItsSettingAndNotBefore()
        {
            AssertFrequencyTrips(GridProtectionSettings.ForNominal(60, 240));
        }

        [TestMethod]
        public void EveryFrequencyTripAt50HzClearsWithinItsSettingAndNotBefore()
        {
            AssertFrequencyTrips(GridProtectionSettings.ForNominal(50, 230));
        }

        [TestMethod]
        public void EveryVoltageTripAt60HzClearsWithinItsSettingAndNotBeforeInEachCategory()
        {
            AssertVoltageTrips(GridProtectionSettings.ForNominal(60, 240, GridProtectionCategory.CategoryI));
            AssertVoltageTrips(GridProtectionSettings.ForNominal(60, 240, GridProtectionCategory.CategoryII));
            AssertVoltageTrips(GridProtectionSettings.ForNominal(60, 240, GridProtectionCategory.CategoryIII));
        }

        [TestMethod]
        public void EveryVoltageTripAt50HzClearsWithinItsSettingAndNotBefore()
        {
            AssertVoltageTrips(GridProtectionSettings.ForNominal(50, 230));
        }

        [TestMethod]
        public void TheRocofTripClearsWithinItsSettingAndNotBeforeAt60And50Hz()
        {
            GridProtectionSettings s60 = GridProtectionSettings.ForNominal(60, 240);
            ProtectionRig.AssertClearsWithinItsSetting(s60, "ROCOF", GridTrip.Rocof, s60.RocofClearingMs, s60.NominalHz, s60.NominalVoltageV, s60.RocofTripHzPerS + 0.01);
            GridProtectionSettings s50 = GridProtectionSettings.ForNominal(50, 230);
            ProtectionRig.AssertClearsWithinItsSetting(s50, "ROCOF", GridTrip.Rocof, s50.RocofClearingMs, s50.NominalHz, s50.NominalVoltageV, -(s50.RocofTripHzPerS + 0.01));
        }

        [TestMethod]
        public void TheFastStageReportsADeepFaultBeforeTheSlowStageMatures()
        {
            GridProtection protection = new GridProtection(GridProtectionSettings.ForNominal(60, 240));
            ProtectionRig.WarmUp(protection);

            long delayMs = ProtectionRig.TripDelayMs(protection, 60, 0.2 * 240, 0, 1000);

            Assert.IsTrue(delayMs > 0 && delayMs <= 160 + ProtectionRig.TickMs, "UV2 within 0.16 s + one tick, was " + delayMs);
            Assert.AreEqual("UV2", protection.TripFunctionName);
        }

        [TestMethod]
        public void ADisabledFunctionNeverTrips()
        {
            GridProtectionSettings s = GridProtectionSettings.ForNominal(60, 240);
            s.OverFrequency2ClearingMs = -1;
            s.OverFrequency1ClearingMs = -1;
            GridProtection protection = new GridProtection(s);
            ProtectionRig.WarmUp(protection);

            Assert.AreEqual(-1L, ProtectionRig.TripDelayMs(protection, 63, 240, 0, 400000));
        }
    }
}
