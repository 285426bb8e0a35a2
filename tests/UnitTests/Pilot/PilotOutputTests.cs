#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Pilot;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Pilot
{
    /// <summary>The charger's pilot outputs and their timing (digest §1.5–1.7), seen from both ends of the wire.</summary>
    [TestClass]
    public class PilotOutputTests
    {
        private static PilotRig PluggedInB()
        {
            PilotRig rig = new PilotRig();
            rig.Vehicle.Plug();
            rig.Settle();
            return rig;
        }

        private static PilotRig Offering()
        {
            PilotRig rig = PluggedInB();
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);
            rig.Ticks(rig.Settings.SleepBeforePwmMs / PilotRig.TickMs + 1);
            Assert.IsTrue(rig.Pilot.IsOfferingDigitalCommunication);
            return rig;
        }

        [TestMethod]
        public void ThePilotStartsInX1()
        {
            PilotRig rig = new PilotRig();

            Assert.AreEqual(10000, rig.Circuit.DutyCycle);
            Assert.IsFalse(rig.Vehicle.SeesPwm);
        }

        [TestMethod]
        public void TheFivePercentComesSleepBeforePwmMsAfterTheOffer()
        {
            PilotRig rig = PluggedInB();
            long offeredAtMs = rig.NowMs;
            rig.Pilot.OfferDigitalCommunication(offeredAtMs);

            while (rig.NowMs + PilotRig.TickMs < offeredAtMs + rig.Settings.SleepBeforePwmMs)
            {
                rig.Tick();
                Assert.AreEqual(10000, rig.Pilot.DutyCycle);
                Assert.IsTrue(rig.Pilot.IsDigitalCommunicationPending);
                Assert.IsFalse(rig.Vehicle.SeesPwm);
            }

            rig.Tick();
            Assert.AreEqual(offeredAtMs + rig.Settings.SleepBeforePwmMs, rig.NowMs);
            Assert.AreEqual(500, rig.Pilot.DutyCycle);
            Assert.IsTrue(rig.Pilot.IsOfferingDigitalCommunication);
        }

        [TestMethod]
        public void ARepeatedOfferDoesNotRestartTheWait()
        {
            PilotRig rig = PluggedInB();
            long offeredAtMs = rig.NowMs;
            rig.Pilot.OfferDigitalCommunication(offeredAtMs);
            rig.Ticks(10);
            rig.Pilot.OfferDigitalCommunication(rig.NowMs);

            rig.RunUntil(offeredAtMs + rig.Settings.SleepBeforePwmMs);

            Assert.AreEqual(500, rig.Pilot.DutyCycle);
        }

        [TestMethod]
        public void TheVehicleSeesFivePercentAsTheDigitalCommunicationRequest()
        {
            PilotRig rig = Offering();

            Assert.IsTrue(rig.Vehicle.SeesPwm);
            Assert.AreEqual(500, rig.Vehicle.DutyCycleHundredthsPercent);
            Assert.IsTrue(rig.Vehicle.SeesDigitalCommunicationRequest);
        }

        [TestMethod]
        public void ANominalCurrentDutyIsNotADigitalCommunicationRequest()
        {
            PilotRig rig = PluggedInB();
            rig.Circuit.SetDutyCycle(1000); // 10 % = 6 A [V:E9]

            Assert.IsTrue(rig.Vehicle.SeesPwm);
            Assert.IsFalse(rig.Vehicle.SeesDigitalCommunicationRequest);
        }

        [TestMethod]
        public void SwitchingThePwmOffGivesX1()
        {
            PilotRig rig = Offering();

            rig.Pilot.SetX1();
            rig.Settle();

            Assert.AreEqual(10000, rig.Pilot.DutyCycle);
            Assert.IsFalse(rig.Pilot.IsOfferingDigitalCommunication);
            Assert.IsFalse(rig.Vehicle.SeesPwm);
            Assert.IsFalse(rig.Vehicle.SeesDigitalCommunicationRequest);
            Expect.Near(8.98, rig.Vehicle.PilotPositiveLevelV, 0.01, "B1 level at the vehicle");
            Assert.AreEqual(PilotState.B, rig.Pilot.State);
        }

        [TestMethod]
        public void TheErrorSequenceHoldsFForStepEfThenX1BeforeItIsDone()
        {
            PilotRig rig = Offering();
            long startMs = rig.NowMs;
            rig.Pilot.StartErrorSequence(startMs);
            Assert.AreEqual(0, rig.Pilot.DutyCycle);

            long x1FromMs = -1;
            long doneAtMs = -1;
            bool sawStateF = false;
            while (doneAtMs < 0 && rig.NowMs < startMs + 10000)
            {
                rig.Tick();
                if (rig.Pilot.State == PilotState.F)
                {
                    sawStateF = true;
                }

                if (x1FromMs < 0 && rig.Pilot.DutyCycle == 10000)
                {
                    x1FromMs = rig.NowMs;
                }

                if (x1FromMs < 0)
                {
                    Assert.AreEqual(0, rig.Pilot.DutyCycle);
                    Assert.IsFalse(rig.Vehicle.SeesPwm);
                }
                else
                {
                    Assert.AreEqual(10000, rig.Pilot.DutyCycle);
                }

                if (rig.Pilot.ErrorSequenceDone)
                {
                    doneAtMs = rig.NowMs;
                }
            }

            Assert.IsTrue(sawStateF);
            Assert.AreEqual(startMs + 4000, x1FromMs);
            // X1 for at least 750 ms, ended by the first tick at or after it.
            Assert.IsTrue(doneAtMs >= x1FromMs + 750);
            Assert.IsTrue(doneAtMs < x1FromMs + 750 + PilotRig.TickMs);
            Assert.IsFalse(rig.Pilot.IsInErrorSequence);

            // The caller decides what follows; until then the pilot stays in X1.
            rig.Ticks(10);
            Assert.AreEqual(10000, rig.Pilot.DutyCycle);
            Assert.AreEqual(PilotState.B, rig.Pilot.State);
        }

        [TestMethod]
        public void ALateTickLengthensStepEfButNeverShortensIt()
        {
            PilotRig rig = Offering();
            long startMs = rig.NowMs;
            rig.Pilot.StartErrorSequence(startMs);

            rig.Pilot.Update(startMs + 3999);
            Assert.AreEqual(0, rig.Pilot.DutyCycle);
            rig.Pilot.Update(startMs + 4035);
            Assert.AreEqual(10000, rig.Pilot.DutyCycle);
            rig.Pilot.Update(startMs + 4035 + 749);
            Assert.IsFalse(rig.Pilot.ErrorSequenceDone);
            rig.Pilot.Update(startMs + 4035 + 750);
            Assert.IsTrue(rig.Pilot.ErrorSequenceDone);
        }

        [TestMethod]
        public void TheDefaultTimingsAreThoseOfTheDigest()
        {
            PilotSettings settings = new PilotSettings();

            Assert.AreEqual(500, settings.DigitalCommunicationDutyHundredthsPercent);
            Assert.AreEqual(500, settings.SleepBeforePwmMs);
            Assert.IsTrue(settings.StepEfMs >= 4000);
            Assert.AreEqual(750, settings.X1AfterStepEfMs);
        }
    }
}
