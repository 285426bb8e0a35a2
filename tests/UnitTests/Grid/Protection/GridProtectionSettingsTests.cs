#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;

namespace V2G.UnitTests.Grid.Protection
{
    /// <summary>The tables: IEEE 1547-2018 at 60 Hz as in the digest §2 (V), an assumed table at 50 Hz.</summary>
    [TestClass]
    public class GridProtectionSettingsTests
    {
        [TestMethod]
        public void SixtyHertzUsesTheIeee1547FrequencyTripDefaults()
        {
            GridProtectionSettings s = GridProtectionSettings.ForNominal(60, 240);
            Assert.AreEqual(62.0, s.OverFrequency2Hz);
            Assert.AreEqual(160, s.OverFrequency2ClearingMs);
            Assert.AreEqual(61.2, s.OverFrequency1Hz);
            Assert.AreEqual(300000, s.OverFrequency1ClearingMs);
            Assert.AreEqual(58.5, s.UnderFrequency1Hz);
            Assert.AreEqual(300000, s.UnderFrequency1ClearingMs);
            Assert.AreEqual(56.5, s.UnderFrequency2Hz);
            Assert.AreEqual(160, s.UnderFrequency2ClearingMs);
            Assert.AreEqual(58.8, s.ContinuousMinHz);
            Assert.AreEqual(61.2, s.ContinuousMaxHz);
        }

        [TestMethod]
        public void SixtyHertzDefaultsToTheCategoryIIVoltageTable()
        {
            GridProtectionSettings s = GridProtectionSettings.ForNominal(60, 240);
            Assert.AreEqual(GridProtectionCategory.CategoryII, s.Category);
            Assert.AreEqual(1.20, s.OverVoltage2Pu);
            Assert.AreEqual(160, s.OverVoltage2ClearingMs);
            Assert.AreEqual(1.10, s.OverVoltage1Pu);
            Assert.AreEqual(2000, s.OverVoltage1ClearingMs);
            Assert.AreEqual(0.70, s.UnderVoltage1Pu);
            Assert.AreEqual(10000, s.UnderVoltage1ClearingMs);
            Assert.AreEqual(0.45, s.UnderVoltage2Pu);
            Assert.AreEqual(160, s.UnderVoltage2ClearingMs);
            Assert.AreEqual(2.0, s.RocofRideThroughHzPerS);
        }

        [TestMethod]
        public void CategoriesIAndIIIChangeTheVoltageTableAsIeee1547Says()
        {
            GridProtectionSettings one = GridProtectionSettings.ForNominal(60, 240, GridProtectionCategory.CategoryI);
            Assert.AreEqual(2000, one.UnderVoltage1ClearingMs);
            Assert.AreEqual(0.5, one.RocofRideThroughHzPerS);

            GridProtectionSettings three = GridProtectionSettings.ForNominal(60, 240, GridProtectionCategory.CategoryIII);
            Assert.AreEqual(13000, three.OverVoltage1ClearingMs);
            Assert.AreEqual(0.88, three.UnderVoltage1Pu);
            Assert.AreEqual(21000, three.UnderVoltage1ClearingMs);
            Assert.AreEqual(0.50, three.UnderVoltage2Pu);
            Assert.AreEqual(2000, three.UnderVoltage2ClearingMs);
            Assert.AreEqual(3.0, three.RocofRideThroughHzPerS);
        }

        [TestMethod]
        public void FiftyHertzUsesTheAssumedTableNamedAsSuch()
        {
            GridProtectionSettings s = GridProtectionSettings.ForNominal(50, 230);
            Assert.AreEqual("50 Hz assumed (set per DSO)", s.TableName);
            Assert.AreEqual(50.0, s.NominalHz);
            Assert.AreEqual(52.0, s.OverFrequency2Hz);
            Assert.AreEqual(51.5, s.OverFrequency1Hz);
            Assert.AreEqual(47.5, s.UnderFrequency1Hz);
            Assert.AreEqual(47.0, s.UnderFrequency2Hz);
            Assert.AreEqual(1.15, s.OverVoltage2Pu);
            Assert.AreEqual(0.80, s.UnderVoltage1Pu);
            Assert.AreEqual(0.45, s.UnderVoltage2Pu);
        }

        [TestMethod]
        public void EveryTripThresholdLiesOutsideTheContinuousRange()
        {
            AssertThresholdsOutsideTheContinuousRange(GridProtectionSettings.ForNominal(60, 240, GridProtectionCategory.CategoryI));
            AssertThresholdsOutsideTheContinuousRange(GridProtectionSettings.ForNominal(60, 240, GridProtectionCategory.CategoryII));
            AssertThresholdsOutsideTheContinuousRange(GridProtectionSettings.ForNominal(60, 240, GridProtectionCategory.CategoryIII));
            AssertThresholdsOutsideTheContinuousRange(GridProtectionSettings.ForNominal(50, 230));
        }

        private static void AssertThresholdsOutsideTheContinuousRange(GridProtectionSettings s)
        {
            Assert.IsTrue(s.OverFrequency1Hz >= s.ContinuousMaxHz && s.OverFrequency2Hz > s.OverFrequency1Hz, s.TableName + ": OF");
            Assert.IsTrue(s.UnderFrequency1Hz <= s.ContinuousMinHz && s.UnderFrequency2Hz < s.UnderFrequency1Hz, s.TableName + ": UF");
            Assert.IsTrue(s.OverVoltage1Pu >= s.ContinuousMaxPu && s.OverVoltage2Pu > s.OverVoltage1Pu, s.TableName + ": OV");
            Assert.IsTrue(s.UnderVoltage1Pu <= s.ContinuousMinPu && s.UnderVoltage2Pu < s.UnderVoltage1Pu, s.TableName + ": UV");
            Assert.IsTrue(s.RocofTripHzPerS > s.RocofRideThroughHzPerS, s.TableName + ": ROCOF");
            Assert.IsTrue(s.NoCyclesAfterMs + s.LossOfMainsClearingMs + ProtectionRig.TickMs < 2000, s.TableName + ": loss of mains well within 2 s");
        }
    }
}
