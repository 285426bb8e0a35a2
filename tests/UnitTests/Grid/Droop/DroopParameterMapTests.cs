#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Droop
{
    /// <summary>OCPP 2.1, IEEE 2030.5 and SunSpec 711 to settings and back [digest §5].</summary>
    [TestClass]
    public class DroopParameterMapTests
    {
        private static void AssertSameDroop(DroopSettings expected, DroopSettings actual, string what)
        {
            Assert.IsNotNull(actual, what);
            Expect.Near(expected.DeadbandOverHz, actual.DeadbandOverHz, 1e-9, what + " dbOF");
            Expect.Near(expected.DeadbandUnderHz, actual.DeadbandUnderHz, 1e-9, what + " dbUF");
            Expect.Near(expected.DroopOver, actual.DroopOver, 1e-9, what + " kOF");
            Expect.Near(expected.DroopUnder, actual.DroopUnder, 1e-9, what + " kUF");
            Assert.AreEqual(expected.ResponseTimeMs, actual.ResponseTimeMs, what + " response time");
            Assert.AreEqual(expected.Enabled, actual.Enabled, what + " enabled");
            Assert.AreEqual(expected.NominalHz, actual.NominalHz, what + " nominal (the charger's)");
            Assert.AreEqual(expected.RatedPowerW, actual.RatedPowerW, what + " rating (the charger's)");
            Assert.AreEqual(expected.DelayCompensationMs, actual.DelayCompensationMs, what + " compensation (the charger's)");
        }

        private static DroopSettings[] Samples()
        {
            DroopSettings odd = DroopPresets.Ieee1547CategoryII(50);
            odd.DeadbandOverHz = 0.021;
            odd.DeadbandUnderHz = 0.3;
            odd.DroopOver = 0.035;
            odd.DroopUnder = 0.12;
            odd.ResponseTimeMs = 2750;
            return new DroopSettings[]
            {
                DroopPresets.Ieee1547CategoryII(60), DroopPresets.Ieee1547CategoryIII(60), DroopPresets.En50549Lfsm(50),
                DroopPresets.ChinaStorage(50), DroopPresets.Fast(60), odd,
            };
        }

        [TestMethod]
        public void OcppFreqDroopRoundTrips()
        {
            DroopSettings[] samples = Samples();
            for (int i = 0; i < samples.Length; i++)
            {
                DroopOcppFreqDroop ocpp = new DroopOcppFreqDroop();
                Assert.IsTrue(DroopParameterMap.ToOcpp(samples[i], ocpp));
                AssertSameDroop(samples[i], DroopParameterMap.FromOcpp(ocpp, samples[i]), "OCPP " + i);
            }
        }

        [TestMethod]
        public void OcppStartFrequenciesAreNominalPlusAndMinusTheDeadbands()
        {
            DroopOcppFreqDroop ocpp = new DroopOcppFreqDroop();
            DroopParameterMap.ToOcpp(DroopPresets.Ieee1547CategoryII(60), ocpp);

            Expect.Near(60.036, ocpp.OverFreqHz, 1e-9, "overFreq, Hz");
            Expect.Near(59.964, ocpp.UnderFreqHz, 1e-9, "underFreq, Hz");
            Assert.AreEqual(0.05, ocpp.OverDroop);
            Assert.AreEqual(5.0, ocpp.ResponseTimeS);
        }

        [TestMethod]
        public void OcppRequestWithAStartOnTheWrongSideOfNominalIsRefused()
        {
            DroopOcppFreqDroop ocpp = new DroopOcppFreqDroop();
            ocpp.OverFreqHz = 49.9;
            ocpp.UnderFreqHz = 49.8;
            ocpp.OverDroop = 0.05;
            ocpp.UnderDroop = 0.05;
            ocpp.ResponseTimeS = 1;

            Assert.IsNull(DroopParameterMap.FromOcpp(ocpp, DroopPresets.En50549Lfsm(50)));
        }

        [TestMethod]
        public void Ieee2030FreqDroopRoundTrips()
        {
            DroopSettings[] samples = Samples();
            for (int i = 0; i < samples.Length; i++)
            {
                DroopIeee2030FreqDroop value = new DroopIeee2030FreqDroop();
                Assert.IsTrue(DroopParameterMap.ToIeee2030(samples[i], value));
                AssertSameDroop(samples[i], DroopParameterMap.FromIeee2030(value, samples[i]), "2030.5 " + i);
            }
        }

        [TestMethod]
        public void Ieee2030UnitsAreThousandthsAndHundredthsOfASecond()
        {
            DroopIeee2030FreqDroop value = new DroopIeee2030FreqDroop();
            DroopParameterMap.ToIeee2030(DroopPresets.Ieee1547CategoryIII(60), value);

            Assert.AreEqual(17u, value.DbOfMilliHz);
            Assert.AreEqual((ushort)20, value.KOfMilli);
            Assert.AreEqual((ushort)20, value.OpenLoopCentiS);
            Assert.IsFalse(value.Disabled);
        }

        [TestMethod]
        public void Ieee2030ZeroDroopIsRefused()
        {
            DroopIeee2030FreqDroop value = new DroopIeee2030FreqDroop();
            value.DbOfMilliHz = 36;
            value.DbUfMilliHz = 36;

            Assert.IsNull(DroopParameterMap.FromIeee2030(value, DroopPresets.Ieee1547CategoryII(60)));
        }

        [TestMethod]
        public void SunSpec711RoundTrips()
        {
            DroopSettings[] samples = Samples();
            for (int i = 0; i < samples.Length; i++)
            {
                DroopSunSpec711 value = new DroopSunSpec711();
                Assert.IsTrue(DroopParameterMap.ToSunSpec711(samples[i], value));
                AssertSameDroop(samples[i], DroopParameterMap.FromSunSpec711(value, samples[i]), "SunSpec 711 " + i);
            }
        }

        [TestMethod]
        public void SunSpec711IsReadWithTheScaleFactorsItCarries()
        {
            DroopSunSpec711 value = new DroopSunSpec711();
            value.Ena = 1;
            value.DbOf = 36;
            value.DbUf = 36;
            value.DbSf = -3;
            value.KOf = 5;
            value.KUf = 5;
            value.KSf = -2;
            value.RspTms = 5;
            value.RspTmsSf = 0;

            DroopSettings s = DroopParameterMap.FromSunSpec711(value, DroopPresets.Fast(60));

            Assert.IsNotNull(s);
            AssertSameDroop(DroopPresets.Ieee1547CategoryII(60), WithCompensation(s, DroopPresets.Ieee1547CategoryII(60).DelayCompensationMs), "Characteristic 1 from SunSpec");
            Assert.AreEqual(DroopParameterMap.SunSpecName, s.PresetName);
        }

        private static DroopSettings WithCompensation(DroopSettings s, int compensationMs)
        {
            s.DelayCompensationMs = compensationMs;
            return s;
        }
    }
}
