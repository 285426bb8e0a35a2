#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.GbT.Charger;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>CC1 detection point 1: 12 V / 6 V / 4 V ± 0.8 V (GB/T 18487.1 levels, an assumption: not in the digest).</summary>
    [TestClass]
    public class Cc1DetectorTests
    {
        [TestMethod]
        public void TheThreeLevelsAndTheGapsBetweenThemAreClassified()
        {
            Cc1Detector detector = new Cc1Detector(new GbtChargerSettings());
            Assert.AreEqual(Cc1State.NotConnected, detector.Classify(12.0));
            Assert.AreEqual(Cc1State.NotConnected, detector.Classify(11.2));
            Assert.AreEqual(Cc1State.Connecting, detector.Classify(6.0));
            Assert.AreEqual(Cc1State.Connected, detector.Classify(4.0));
            Assert.AreEqual(Cc1State.Connected, detector.Classify(4.8));
            Assert.AreEqual(Cc1State.Fault, detector.Classify(5.0));
            Assert.AreEqual(Cc1State.Fault, detector.Classify(0.0));
            Assert.AreEqual(Cc1State.Fault, detector.Classify(double.NaN));
        }

        [TestMethod]
        public void AConnectedReadingCountsOnlyAfterTheDebounce()
        {
            Cc1Detector detector = new Cc1Detector(new GbtChargerSettings());
            Assert.AreEqual(Cc1State.NotConnected, detector.Update(4.0, 0));
            Assert.AreEqual(Cc1State.NotConnected, detector.Update(4.0, 49));
            Assert.AreEqual(Cc1State.Connected, detector.Update(4.0, 50));
        }

        [TestMethod]
        public void ABounceRestartsTheDebounce()
        {
            Cc1Detector detector = new Cc1Detector(new GbtChargerSettings());
            detector.Update(4.0, 0);
            detector.Update(6.0, 30);
            Assert.AreEqual(Cc1State.NotConnected, detector.Update(4.0, 60));
            Assert.AreEqual(Cc1State.Connected, detector.Update(4.0, 110));
        }

        [TestMethod]
        public void AnUnplugCountsAtOnce()
        {
            Cc1Detector detector = new Cc1Detector(new GbtChargerSettings());
            detector.Update(4.0, 0);
            detector.Update(4.0, 100);
            Assert.AreEqual(Cc1State.NotConnected, detector.Update(12.0, 101));
        }

        [TestMethod]
        public void TheNamesAreStable()
        {
            Assert.AreEqual("connected", Cc1StateNames.Of(Cc1State.Connected));
            Assert.AreEqual("timed_out", GbtChargerStageNames.Of(GbtChargerStage.TimedOut));
            Assert.AreEqual("gbt2023a", GbtProfileNames.Of(GbtProfile.Gbt2023A));
            Assert.AreEqual("unknown", GbtChargerStageNames.Of((GbtChargerStage)99));
        }

        [TestMethod]
        public void TheConversionBetweenTheStandardsSignAndTheFirmwaresIsANegation()
        {
            Assert.AreEqual(150.0, GbtCurrentSign.ToFirmwareA(-150));
            Assert.AreEqual(-150.0, GbtCurrentSign.ToStandardA(150));
        }
    }
}
