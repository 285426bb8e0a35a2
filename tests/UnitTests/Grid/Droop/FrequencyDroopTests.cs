#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Grid.Droop
{
    /// <summary>
    /// The droop's behaviour around a dispatch setpoint, in the firmware's sign (+ into the vehicle):
    /// both directions, the limits, the deadband, settling and the response filter.
    /// </summary>
    [TestClass]
    public class FrequencyDroopTests
    {
        private const double RatedW = 10000;

        private static FrequencyDroop Fast60()
        {
            return new FrequencyDroop(DroopTestRig.Direct(DroopPresets.Fast(60), RatedW));
        }

        [TestMethod]
        public void ChargingVehicleUnderFrequencyFirstChargesLessThenDischarges()
        {
            // Fast at 60 Hz: dbUF 0.017 Hz, 2 % → 1 pu per 1.2 Hz below 59.983 Hz.
            FrequencyDroop droop = Fast60();
            droop.Update(5000, 60, 0, RatedW, RatedW);

            double atSlightDip = droop.Update(5000, 59.9, 20, RatedW, RatedW);
            double atDeepDip = droop.Update(5000, 59.3, 40, RatedW, RatedW);

            Expect.Near(5000 - (59.983 - 59.9) / 1.2 * RatedW, atSlightDip, 0.01, "charges less, W");
            Assert.IsTrue(atSlightDip > 0, "still charging at 59.9 Hz");
            Expect.Near(5000 - (59.983 - 59.3) / 1.2 * RatedW, atDeepDip, 0.01, "discharges, W");
            Assert.IsTrue(atDeepDip < 0, "discharging at 59.3 Hz");
        }

        [TestMethod]
        public void DischargingVehicleOverFrequencyFirstDischargesLessThenCharges()
        {
            FrequencyDroop droop = Fast60();
            droop.Update(-5000, 60, 0, RatedW, RatedW);

            double atSlightRise = droop.Update(-5000, 60.1, 20, RatedW, RatedW);
            double atHighRise = droop.Update(-5000, 60.7, 40, RatedW, RatedW);

            Expect.Near(-5000 + (60.1 - 60.017) / 1.2 * RatedW, atSlightRise, 0.01, "discharges less, W");
            Assert.IsTrue(atSlightRise < 0, "still discharging at 60.1 Hz");
            Expect.Near(-5000 + (60.7 - 60.017) / 1.2 * RatedW, atHighRise, 0.01, "charges, W");
            Assert.IsTrue(atHighRise > 0, "charging at 60.7 Hz");
        }

        [TestMethod]
        public void IdleChargerRespondsToUnderFrequencyByDischarging()
        {
            // Never capped at the present demand (0 W): that would suppress the response [digest §9].
            FrequencyDroop droop = Fast60();
            droop.Update(0, 60, 0, RatedW, RatedW);

            double target = droop.Update(0, 59.5, 20, RatedW, RatedW);

            Expect.Near(-(59.983 - 59.5) / 1.2 * RatedW, target, 0.01, "W");
            Expect.Near(target, droop.ContributionW, 1e-9, "the contribution is the whole target");
            Assert.IsTrue(droop.IsActive);
        }

        [TestMethod]
        public void UnderFrequencyClampsAtTheDischargePermittedNow()
        {
            FrequencyDroop droop = Fast60();
            droop.Update(2000, 60, 0, RatedW, 3000);

            double target = droop.Update(2000, 58.9, 20, RatedW, 3000);

            Assert.AreEqual(-3000.0, target);
            Assert.AreEqual(-5000.0, droop.ContributionW);
        }

        [TestMethod]
        public void OverFrequencyClampsAtTheChargePermittedNow()
        {
            FrequencyDroop droop = Fast60();
            droop.Update(-2000, 60, 0, 4000, RatedW);

            double target = droop.Update(-2000, 61.1, 20, 4000, RatedW);

            Assert.AreEqual(4000.0, target);
        }

        [TestMethod]
        public void WithoutADischargeLimitUnderFrequencyOnlyReducesCharging()
        {
            // No discharge agreed with the vehicle (a unidirectional session): the floor is 0 W.
            FrequencyDroop droop = Fast60();
            droop.Update(3000, 60, 0, RatedW, 0);

            double target = droop.Update(3000, 59.0, 20, RatedW, 0);

            Assert.AreEqual(0.0, target);
        }

        [TestMethod]
        public void InsideTheDeadbandTheTargetIsExactlyTheSetpoint()
        {
            FrequencyDroop droop = new FrequencyDroop(DroopTestRig.Direct(DroopPresets.Ieee1547CategoryII(60), RatedW));
            double[] frequencies = { 60, 60.036, 59.964, 60.02, 59.98, 60.0359, 59.9641 };
            double[] setpoints = { 0, 7123.25, -3456.5, 10000, -10000, 1e-3, -0.75 };
            long nowMs = 0;
            for (int i = 0; i < frequencies.Length; i++)
            {
                for (int j = 0; j < setpoints.Length; j++)
                {
                    double target = droop.Update(setpoints[j], frequencies[i], nowMs, RatedW, RatedW);
                    nowMs += 17;
                    Assert.AreEqual(setpoints[j], target, "at " + frequencies[i].ToString("F4") + " Hz");
                    Assert.AreEqual(0.0, droop.ContributionW);
                    Assert.IsFalse(droop.IsActive);
                }
            }
        }

        [TestMethod]
        public void DispatchChangesInsideTheDeadbandPassUnfiltered()
        {
            FrequencyDroop droop = new FrequencyDroop(DroopTestRig.Direct(DroopPresets.Ieee1547CategoryII(60), RatedW));
            droop.Update(0, 60, 0, RatedW, RatedW);

            Assert.AreEqual(-8000.0, droop.Update(-8000, 60.01, 20, RatedW, RatedW));
            Assert.AreEqual(6000.0, droop.Update(6000, 59.99, 40, RatedW, RatedW));
        }

        [TestMethod]
        public void DispatchChangeDuringAnEventShiftsTheOperatingPointAndKeepsTheResponse()
        {
            FrequencyDroop droop = Fast60();
            droop.Update(5000, 60, 0, RatedW, RatedW);
            double first = droop.Update(5000, 59.5, 20, RatedW, RatedW);

            double afterChange = droop.Update(2000, 59.5, 40, RatedW, RatedW);

            Expect.Near(first - 3000, afterChange, 1e-6, "W");
        }

        [TestMethod]
        public void ResponseReturnsThroughTheFilterThenSnapsToTheSetpoint()
        {
            DroopSettings s = DroopTestRig.Direct(DroopPresets.Ieee1547CategoryIII(60), RatedW);
            FrequencyDroop droop = new FrequencyDroop(s);
            long nowMs = 0;
            for (; nowMs < 2000; nowMs += 10)
            {
                droop.Update(1000, 59.5, nowMs, RatedW, RatedW);
            }

            double justBack = droop.Update(1000, 60, nowMs, RatedW, RatedW);
            Assert.IsTrue(droop.IsActive, "still settling just after the return");
            Assert.IsTrue(justBack < 0, "no step back to the setpoint");

            double target = justBack;
            for (nowMs += 10; nowMs < 4000 && droop.IsActive; nowMs += 10)
            {
                target = droop.Update(1000, 60, nowMs, RatedW, RatedW);
            }

            Assert.IsFalse(droop.IsActive, "settled");
            Assert.AreEqual(1000.0, droop.Update(1000, 60, nowMs, RatedW, RatedW), "exactly the setpoint once settled");
            Expect.AtMost(1.2, (nowMs - 2000) / 1000.0, "settled within 6 time constants of 0.087 s plus margin, s");
        }

        [TestMethod]
        public void FilterT90IsTheResponseTimeLessTheDelayCompensation()
        {
            DroopSettings s = DroopTestRig.Direct(DroopPresets.ChinaStorage(50), RatedW);
            s.ResponseTimeMs = 1000;
            s.DelayCompensationMs = 100;
            FrequencyDroop droop = new FrequencyDroop(s);
            double[] time = new double[400];
            double[] power = new double[400];
            droop.Update(0, 50, 0, RatedW, RatedW);
            for (int i = 0; i < time.Length; i++)
            {
                long nowMs = 5 * (i + 1);
                time[i] = nowMs / 1000.0;
                power[i] = droop.Update(0, 49.8, nowMs, RatedW, RatedW);
            }

            // 49.95 − 49.8 = 0.15 Hz at 3 % of 50 Hz: −0.1 pu (discharging).
            double t90 = DroopTestRig.T90S(time, power, time.Length, 0, 0, -1000);

            Expect.Near(0.9, t90, 0.006, "t90 of (1000 − 100)/2.3 ms lag, s");
        }

        [TestMethod]
        public void DisabledDroopGivesTheSetpoint()
        {
            DroopSettings s = DroopTestRig.Direct(DroopPresets.Fast(50), RatedW);
            s.Enabled = false;
            FrequencyDroop droop = new FrequencyDroop(s);

            Assert.AreEqual(2500.0, droop.Update(2500, 49.0, 0, RatedW, RatedW));
            Assert.AreEqual(2500.0, droop.Update(2500, 51.0, 20, RatedW, RatedW));
            Assert.IsFalse(droop.IsActive);
        }

        [TestMethod]
        public void SetpointBeyondTheLimitsIsNotCountedAsAResponse()
        {
            FrequencyDroop droop = Fast60();

            double target = droop.Update(9000, 60, 0, 6000, RatedW);

            Assert.AreEqual(6000.0, target);
            Assert.AreEqual(0.0, droop.ContributionW);
        }

        [TestMethod]
        public void AppliedSettingsTakeOverThroughTheFilterWithoutAStep()
        {
            FrequencyDroop droop = new FrequencyDroop(DroopTestRig.Direct(DroopPresets.Ieee1547CategoryII(60), RatedW));
            long nowMs = 0;
            double before = 0;
            for (; nowMs <= 3000; nowMs += 10)
            {
                before = droop.Update(0, 59.5, nowMs, RatedW, RatedW);
            }

            nowMs -= 10;
            droop.Apply(DroopTestRig.Direct(DroopPresets.Ieee1547CategoryIII(60), RatedW));
            double atTheChange = droop.Update(0, 59.5, nowMs, RatedW, RatedW);
            double later = 0;
            for (nowMs += 10; nowMs <= 5000; nowMs += 10)
            {
                later = droop.Update(0, 59.5, nowMs, RatedW, RatedW);
            }

            Assert.AreEqual(DroopPresets.Ieee1547CategoryIIIName, droop.Settings.PresetName);
            Expect.Near(before, atTheChange, 1e-9, "no step at the change, W");

            // 59.5 Hz under Cat III: (59.983 − 59.5)/(60 · 0.02) = 0.4025 pu discharging.
            Expect.Near(-0.4025 * RatedW, later, 1.0, "the new droop once settled, W");
        }

        [TestMethod]
        public void UpdateAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            FrequencyDroop droop = new FrequencyDroop(DroopTestRig.Direct(DroopPresets.Ieee1547CategoryIII(50), RatedW));
            long nowMs = 0;
            for (int i = 0; i < 2000; i++, nowMs += 20)
            {
                droop.Update(3000, i % 400 < 200 ? 49.7 : 50.0, nowMs, RatedW, RatedW);
            }

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 20000; i++, nowMs += 20)
            {
                droop.Update(3000 - (i % 7) * 100, i % 400 < 200 ? 49.7 + (i % 13) * 0.01 : 50.3, nowMs, RatedW, RatedW);
            }

            Assert.AreEqual(0L, System.GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated by 20,000 updates");
#endif
        }
    }
}
