#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Uplink;

namespace V2G.UnitTests.Uplink
{
    /// <summary>
    /// A setpoint is AC at the grid connection point: with a grid meter the DC command is trimmed until
    /// the meter reads the setpoint, whatever the converter's real efficiency (the plant's differs from
    /// the 0.95 feedforward); without the meter, or with the trim off, only the feedforward holds.
    /// </summary>
    [TestClass]
    public class GridPointTrimTests
    {
        private static UplinkRig Discharging(UplinkSettings settings, bool meter, double setpointW)
        {
            // No heartbeats here: the aggregator's silence must not revert the setpoint during the run.
            settings.HeartbeatTimeoutMs = 3600000;
            UplinkRig rig = new UplinkRig(settings, null);
            if (meter)
            {
                rig.Service.UseMeter(rig.Sim.Meter);
            }

            rig.Run(200);
            rig.Sim.Vehicle.PlugIn(rig.Sim.Clock.NowMs);
            rig.Client.Inject(rig.Topic("cmd/setpoint"), "{\"id\":\"t1\",\"power_W\":" + setpointW.ToString() + ",\"valid_until\":\"" + UplinkRig.Until0600 + "\"}");
            rig.Run(90000);
            return rig;
        }

        private static double Abs(double x)
        {
            return x < 0 ? -x : x;
        }

        [TestMethod]
        public void WithTheMeterTheGridPointSettlesOnTheSetpoint()
        {
            UplinkRig rig = Discharging(new UplinkSettings(), true, -7400);

            double errorW = rig.Sim.Meter.PowerW + 7400;
            Assert.IsTrue(Abs(errorW) < 15, "metered " + rig.Sim.Meter.PowerW.ToString() + " W for a -7400 W setpoint");
            Assert.IsTrue(rig.Service.Dispatch.TrimDcW != 0, "the trim did the work");
            Assert.IsTrue(Abs(rig.Service.Dispatch.TrimDcW) <= 0.1 * 7400 / 0.95 + 1e-9, "the trim stays within its bound");
        }

        [TestMethod]
        public void WithoutTheTrimOnlyTheFeedforwardHoldsAndTheErrorIsThePlantsEfficiency()
        {
            UplinkSettings settings = new UplinkSettings();
            settings.GridPointTrimTimeConstantMs = 0;
            UplinkRig rig = Discharging(settings, true, -7400);

            // The plant's converter is not the 0.95 the feedforward assumes: an error of some tens of watts stays.
            double errorW = rig.Sim.Meter.PowerW + 7400;
            Assert.IsTrue(Abs(errorW) > 30, "metered " + rig.Sim.Meter.PowerW.ToString() + " W: the feedforward alone is off");
            Assert.AreEqual(0.0, rig.Service.Dispatch.TrimDcW);
        }

        [TestMethod]
        public void TheTrimNeverMovesTheCommandBeyondItsShareOfTheSetpoint()
        {
            UplinkSettings settings = new UplinkSettings();
            settings.GridPointTrimMaxFraction = 0.001;
            UplinkRig rig = Discharging(settings, true, -7400);

            // Exporting 7400 W AC takes 7400 / 0.95 W DC out of the vehicle by the feedforward.
            double boundW = 7400 / 0.95 * 0.001;
            Assert.IsTrue(Abs(rig.Service.Dispatch.TrimDcW) <= boundW + 1e-9, "trim " + rig.Service.Dispatch.TrimDcW.ToString() + " W within " + boundW.ToString());
        }

        [TestMethod]
        public void WithoutAMeterNothingIsTrimmed()
        {
            UplinkRig rig = Discharging(new UplinkSettings(), false, -7400);

            Assert.AreEqual(0.0, rig.Service.Dispatch.TrimDcW);
        }
    }
}
