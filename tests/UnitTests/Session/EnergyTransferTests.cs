#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Session;
using V2G.Protocol.Session;
using V2G.UnitTests.Fakes;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Session
{
    [TestClass]
    public class EnergyTransferTests
    {
        [TestMethod]
        public void ThePowerCommandRampsAtTheConfiguredRate()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.PowerRampWPerS = 10000;
            rig.Build();
            rig.ToEnergyTransfer();
            double before = rig.Controller.Transfer.PowerCommandW;
            rig.Controller.SetDispatchPowerW(20000);

            rig.TicksWithVehicle(10); // 200 ms

            Expect.Near(before + 2000, rig.Controller.Transfer.PowerCommandW, 1, "power command after 200 ms at 10 kW/s");
        }

        [TestMethod]
        public void TheCurrentReferenceIsPowerOverTheConnectorVoltage()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(12000);

            rig.TicksWithVehicle(100);

            Expect.Near(30, rig.Stage.CurrentTargetA, 0.01, "12 kW at 400 V");
            Expect.Near(450, rig.Stage.VoltageLimitV, 0.01, "voltage limit = the lower maximum");
        }

        [TestMethod]
        public void DischargeIsClampedToTheVehiclesDischargeLimit()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(-50000);

            rig.TicksWithVehicle(300);

            // Vehicle: 24 kW and 60 A out; at 400 V the power limit is the tighter one.
            Expect.Near(-60, rig.Stage.CurrentTargetA, 0.01, "discharge current");
            Expect.Near(-24000, rig.Controller.Transfer.PowerCommandW, 0.01, "discharge power command");
            Assert.IsTrue(rig.Controller.Transfer.IsLimited);
            Assert.AreEqual(PowerLimitReason.VehiclePowerLimit, rig.Controller.Transfer.LimitedBy);
        }

        [TestMethod]
        public void ChargingAboveTheChargersRatingIsClippedWithTheChargerAsReason()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.MaxChargePowerW = 20000;
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(31000);

            rig.TicksWithVehicle(300);

            Expect.Near(20000, rig.Controller.Transfer.PowerCommandW, 0.01, "power command");
            Assert.AreEqual(PowerLimitReason.ChargerPowerLimit, rig.Controller.Transfer.LimitedBy);
        }

        [TestMethod]
        public void WhileRampingTheReasonIsTheRampAndTheOutputIsNotCalledLimited()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(10000);

            rig.TicksWithVehicle(3);

            Assert.AreEqual(PowerLimitReason.Ramp, rig.Controller.Transfer.LimitedBy);
            Assert.IsFalse(rig.Controller.Transfer.IsLimited);
            rig.TicksWithVehicle(100);
            Assert.AreEqual(PowerLimitReason.None, rig.Controller.Transfer.LimitedBy);
        }

        [TestMethod]
        public void AVehicleThatCannotDischargeIsNeverDischarged()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);
            c.Authorize();
            EvLimits limits = ControllerRig.VehicleLimits();
            limits.MaxDischargeCurrentA = 0;
            limits.MaxDischargePowerW = 0;
            c.SetVehicleLimits(ref limits);
            rig.RunCableCheck();
            c.PreCharge(400);
            rig.Ticks(3);
            rig.VehicleContactorClosed = true;
            c.StartEnergyTransfer();
            c.SetDispatchPowerW(-10000);

            rig.TicksWithVehicle(100);

            Assert.AreEqual(0.0, rig.Stage.CurrentTargetA);
            Assert.AreEqual(PowerLimitReason.NoBidirectionalSession, c.Transfer.LimitedBy);
            Assert.AreEqual("no_bidirectional_session", PowerLimitReasonNames.Of(c.Transfer.LimitedBy));
        }

        [TestMethod]
        public void LimitsTheVehicleSendsDuringTheLoopMoveTheLimitsInForce()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToEnergyTransfer();
            EvLimits limits = ControllerRig.VehicleLimits();
            limits.MaxChargePowerW = 8000;

            Assert.IsTrue(rig.Controller.SetVehicleLimits(ref limits));
            rig.Controller.SetDispatchPowerW(20000);
            rig.TicksWithVehicle(300);

            Assert.AreEqual(ChargerState.EnergyTransfer, rig.Controller.State);
            Expect.Near(8000, rig.Controller.Transfer.PowerCommandW, 0.01, "power command");
            Assert.AreEqual(PowerLimitReason.VehiclePowerLimit, rig.Controller.Transfer.LimitedBy);
        }

        [TestMethod]
        public void ALoopLimitUpdateWithAMaximumBelowThePresentVoltageIsRefused()
        {
            // Found by the fuzzer: a corrupted DC_ChargeLoopReq declaring 352 V under a 370 V battery.
            ControllerRig rig = ControllerRig.ChargingAt(16000);
            EvLimits limits = ControllerRig.VehicleLimits();
            limits.MaxVoltageV = rig.BatteryVoltageV - 18;

            Assert.IsFalse(rig.Controller.SetVehicleLimits(ref limits));
            Assert.AreEqual(450.0, rig.Controller.Limits.MaxVoltageV, "the limits in force are unchanged");
        }

        [TestMethod]
        public void TheConvertersVoltageLimitIsNeverBelowThePresentVoltage()
        {
            // A voltage limit under the battery would make a bidirectional converter pull current out of it.
            ControllerRig rig = ControllerRig.ChargingAt(16000);
            EvLimits limits = ControllerRig.VehicleLimits();
            limits.MaxVoltageV = rig.BatteryVoltageV - 5; // within the tolerance, so accepted

            Assert.IsTrue(rig.Controller.SetVehicleLimits(ref limits));
            rig.TicksWithVehicle(3);
            Assert.IsTrue(rig.Stage.VoltageLimitV >= rig.BatteryVoltageV, "voltage limit " + rig.Stage.VoltageLimitV.ToString("F1"));

            rig.Controller.StopEnergyTransfer();
            rig.TicksWithVehicle(1);
            Assert.IsTrue(rig.Stage.VoltageLimitV >= rig.BatteryVoltageV, "during the stop ramp too");
        }

        [TestMethod]
        public void AChargeOnlySessionCannotTurnBidirectionalInTheLoop()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);
            c.Authorize();
            EvLimits chargeOnly = ControllerRig.VehicleLimits();
            chargeOnly.MaxDischargeCurrentA = 0;
            chargeOnly.MaxDischargePowerW = 0;
            c.SetVehicleLimits(ref chargeOnly);
            Assert.IsFalse(c.IsDischargeAgreed);
            rig.RunCableCheck();
            c.PreCharge(400);
            rig.Ticks(3);
            rig.VehicleContactorClosed = true;
            c.StartEnergyTransfer();

            EvLimits bidirectional = ControllerRig.VehicleLimits();
            Assert.IsTrue(c.SetVehicleLimits(ref bidirectional));
            c.SetDispatchPowerW(-10000);
            rig.TicksWithVehicle(100);

            Assert.AreEqual(0.0, c.Limits.MaxDischargePowerW);
            Assert.AreEqual(0.0, rig.Stage.CurrentTargetA);
            Assert.AreEqual(PowerLimitReason.NoBidirectionalSession, c.Transfer.LimitedBy);
        }

        [TestMethod]
        public void TheVehiclesCurrentRequestCapsTheCurrentInItsDirection()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(30000);
            EvStatus status = default(EvStatus);
            status.HasCurrentRequest = true;
            status.RequestedCurrentA = 20;

            for (int i = 0; i < 200; i++)
            {
                rig.Controller.UpdateVehicleStatus(ref status);
                rig.Tick();
            }

            Assert.AreEqual(20.0, rig.Stage.CurrentTargetA);
            Assert.AreEqual(PowerLimitReason.VehicleRequest, rig.Controller.Transfer.LimitedBy);
        }

        [TestMethod]
        public void WithoutADispatchTheVehiclesRequestIsServed()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToEnergyTransfer();
            EvStatus status = default(EvStatus);
            status.HasCurrentRequest = true;
            status.RequestedCurrentA = 50;

            for (int i = 0; i < 200; i++)
            {
                rig.Controller.UpdateVehicleStatus(ref status);
                rig.Tick();
            }

            Expect.Near(50, rig.Stage.CurrentTargetA, 0.01, "current follows the request");
        }

        [TestMethod]
        public void PresentValuesReportTheSignedOutput()
        {
            ControllerRig rig = new ControllerRig();
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(-8000);
            rig.TicksWithVehicle(100);

            ChargerPresentValues present;
            rig.Controller.GetPresentValues(out present);

            Expect.Near(400, present.VoltageV, 0.01, "voltage");
            Expect.Near(-20, present.CurrentA, 0.01, "current, negative = out of the vehicle");
            Expect.Near(-8000, present.PowerW, 1, "power");
            Assert.AreEqual(ChargerNotification.None, present.Notification);
        }

        [TestMethod]
        public void SessionEnergyCountsEachDirectionApart()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.PowerRampWPerS = 1000000;
            rig.Build();
            rig.ToEnergyTransfer();
            rig.Controller.SetDispatchPowerW(30000);
            rig.TicksWithVehicle(1);
            double charged0 = rig.Controller.Energy.ChargedWh;
            rig.TicksWithVehicle(180); // 3.6 s at 30 kW = 30 Wh
            rig.Controller.SetDispatchPowerW(-18000);
            rig.TicksWithVehicle(1);
            double discharged0 = rig.Controller.Energy.DischargedWh;
            rig.TicksWithVehicle(200); // 4 s at 18 kW = 20 Wh

            Expect.Near(30, rig.Controller.Energy.ChargedWh - charged0, 0.5, "charged Wh");
            Expect.Near(20, rig.Controller.Energy.DischargedWh - discharged0, 0.5, "discharged Wh");
        }
    }
}
