#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Control;
using V2G.Firmware.Faults;
using V2G.Firmware.Measurement;
using V2G.Firmware.Safety;
using V2G.Firmware.Settings;
using V2G.Hal.Power;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Safety
{
    [TestClass]
    public class SafetySupervisorTests
    {
        private static ApplicableLimits Limits()
        {
            ApplicableLimits l;
            l.MaxVoltageV = 450;
            l.MinVoltageV = 300;
            l.MaxChargeCurrentA = 80;
            l.MaxDischargeCurrentA = 60;
            l.MaxChargePowerW = 30000;
            l.MaxDischargePowerW = 24000;
            return l;
        }

        private static OutputContactors OpenContactors()
        {
            FakeContactor p = new FakeContactor();
            FakeContactor n = new FakeContactor();
            return new OutputContactors(new DcOutput(new FakePowerStage(), p, n, null, new FakeVoltageSense()));
        }

        private static Measurements Healthy()
        {
            Measurements m = default(Measurements);
            m.NowMs = 10000;
            m.ConverterVoltageV = 400;
            m.ConnectorVoltageV = 400;
            m.CurrentA = 50;
            m.StageTemperatureC = 40;
            m.InsulationOhm = 1000000;
            m.InsulationHasResult = true;
            return m;
        }

        private static FaultCode Check(SafetySupervisor s, Measurements m)
        {
            ApplicableLimits l = Limits();
            return s.Check(ref m, ref l, OpenContactors(), 45000, 0).Code;
        }

        [TestMethod]
        public void HealthyMeasurementsRaiseNothing()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());

            Assert.AreEqual(FaultCode.None, Check(s, Healthy()));
        }

        [TestMethod]
        public void OneSampleOverTheVoltageLimitIsFilteredTwoTrip()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());
            Measurements m = Healthy();
            m.ConnectorVoltageV = 471; // 450 + 20 V margin

            Assert.AreEqual(FaultCode.None, Check(s, m));
            Assert.AreEqual(FaultCode.OverVoltage, Check(s, m));
        }

        [TestMethod]
        public void ASpikeBetweenNormalSamplesNeverTrips()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());
            Measurements spike = Healthy();
            spike.CurrentA = 120;

            for (int i = 0; i < 10; i++)
            {
                Assert.AreEqual(FaultCode.None, Check(s, spike));
                Assert.AreEqual(FaultCode.None, Check(s, Healthy()));
            }
        }

        [TestMethod]
        public void DischargeCurrentIsJudgedAgainstTheDischargeLimit()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());
            Measurements m = Healthy();
            m.CurrentA = -75; // 60 A + 10 A margin exceeded, though below the 80 A charge limit

            Check(s, m);
            Assert.AreEqual(FaultCode.OverCurrent, Check(s, m));
        }

        [TestMethod]
        public void AnEmergencyStopTakesPrecedenceOverEverythingElse()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());
            Measurements m = Healthy();
            m.EmergencyStopActive = true;
            m.StageTemperatureC = 200;
            m.InsulationOhm = 10;

            Assert.AreEqual(FaultCode.EmergencyStop, Check(s, m));
        }

        [TestMethod]
        public void InsulationIsNotJudgedWhenNotMonitored()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());
            Measurements m = Healthy();
            m.InsulationOhm = 10;
            ApplicableLimits l = Limits();

            Assert.AreEqual(FaultCode.None, s.Check(ref m, ref l, OpenContactors(), 0, 0).Code);
        }

        [TestMethod]
        public void AContactorThatDoesNotFollowItsCommandIsAFaultAfterTheFeedbackTime()
        {
            ChargerSettings settings = new ChargerSettings();
            SafetySupervisor s = new SafetySupervisor(settings);
            FakeContactor p = new FakeContactor();
            p.Dead = true;
            OutputContactors contactors = new OutputContactors(new DcOutput(new FakePowerStage(), p, new FakeContactor(), null, new FakeVoltageSense()));
            contactors.Close(1000);
            Measurements m = Healthy();
            ApplicableLimits l = Limits();

            m.NowMs = 1000 + settings.ContactorFeedbackTimeoutMs;
            Assert.AreEqual(FaultCode.None, s.Check(ref m, ref l, contactors, 45000, 0).Code);
            m.NowMs += 1;
            Assert.AreEqual(FaultCode.ContactorFailedToClose, s.Check(ref m, ref l, contactors, 45000, 0).Code);
        }

        [TestMethod]
        public void VehicleSilenceCountsOnlyDuringASession()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());
            Measurements m = Healthy();
            ApplicableLimits l = Limits();

            Assert.AreEqual(FaultCode.None, s.Check(ref m, ref l, OpenContactors(), 0, -1).Code);
            Assert.AreEqual(FaultCode.VehicleCommunicationLost, s.Check(ref m, ref l, OpenContactors(), 0, 1001).Code);
        }

        [TestMethod]
        public void AnOverheatedStageIsAFault()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());
            Measurements m = Healthy();
            m.StageTemperatureC = 91;

            Assert.AreEqual(FaultCode.OverTemperature, Check(s, m));
        }

        [TestMethod]
        public void ALatchedConverterTripIsAFault()
        {
            SafetySupervisor s = new SafetySupervisor(new ChargerSettings());
            Measurements m = Healthy();
            m.StageFaults = PowerStageFaults.GateDriver;

            Assert.AreEqual(FaultCode.PowerStageHardware, Check(s, m));
        }
    }
}
