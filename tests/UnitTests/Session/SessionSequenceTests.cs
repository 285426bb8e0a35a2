#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Session;
using V2G.Protocol.Session;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Session
{
    [TestClass]
    public class SessionSequenceTests
    {
        [TestMethod]
        public void AnIsoSessionWalksTheStatesInTheStandardsOrder()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            Assert.AreEqual(ChargerState.Idle, c.State);

            c.VehicleConnected();
            Assert.AreEqual(ChargerState.EvConnected, c.State);
            c.CommunicationStarted(SessionProtocol.Iso15118_20);
            Assert.AreEqual(ChargerState.CommunicationSetup, c.State);
            Assert.AreEqual(StepStatus.Finished, c.Authorize());
            Assert.AreEqual(ChargerState.Authorization, c.State);
            EvLimits limits = ControllerRig.VehicleLimits();
            Assert.IsTrue(c.SetVehicleLimits(ref limits));
            Assert.AreEqual(ChargerState.ParameterExchange, c.State);
            Assert.AreEqual(StepStatus.Finished, rig.RunCableCheck());
            Assert.AreEqual(ChargerState.CableCheck, c.State);

            Assert.AreEqual(StepStatus.Ongoing, c.PreCharge(400));
            Assert.AreEqual(ChargerState.PreCharge, c.State);
            rig.Ticks(3);
            Assert.AreEqual(StepStatus.Finished, c.PreCharge(400));
            rig.VehicleContactorClosed = true;
            Assert.AreEqual(StepStatus.Finished, c.StartEnergyTransfer());
            Assert.AreEqual(ChargerState.EnergyTransfer, c.State);

            Assert.AreEqual(StepStatus.Ongoing, c.StopEnergyTransfer());
            Assert.AreEqual(ChargerState.Stopping, c.State);
            rig.TicksWithVehicle(5);
            Assert.AreEqual(StepStatus.Finished, c.StopEnergyTransfer());
            rig.VehicleContactorClosed = false;
            Assert.AreEqual(StepStatus.Ongoing, c.WeldingDetection());
            Assert.AreEqual(ChargerState.WeldingDetection, c.State);
            rig.Tick();
            Assert.AreEqual(StepStatus.Finished, c.WeldingDetection());
            c.EndSession();
            Assert.AreEqual(ChargerState.SessionEnd, c.State);
            c.VehicleDisconnected();
            Assert.AreEqual(ChargerState.Idle, c.State);
            Assert.AreEqual(0, c.Faults.Count);
        }

        [TestMethod]
        public void APausedSessionResumesWithItsAuthorizationAndRunsTheStepsAgain()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.AuthorizeAutomatically = false;
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);
            c.Authorize();
            c.GrantAuthorization();
            rig.Controller.Authorize();
            EvLimits limits = ControllerRig.VehicleLimits();
            c.SetVehicleLimits(ref limits);
            rig.RunCableCheck();
            c.EndSession(); // SessionStop Pause: the output was never live
            Assert.AreEqual(ChargerState.SessionEnd, c.State);

            c.CommunicationStarted(SessionProtocol.Iso15118_20);

            Assert.AreEqual(ChargerState.CommunicationSetup, c.State);
            Assert.AreEqual(StepStatus.Finished, c.Authorize(), "authorization kept across the pause");
            Assert.IsTrue(c.SetVehicleLimits(ref limits));
            Assert.AreEqual(StepStatus.Failed, c.PreCharge(400), "cable check runs again first");
            Assert.AreEqual(StepStatus.Finished, rig.RunCableCheck());
        }

        [TestMethod]
        public void AfterUnpluggingANewVehicleMustBeAuthorizedAgain()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.AuthorizeAutomatically = false;
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);
            c.Authorize();
            c.GrantAuthorization();
            c.EndSession();
            c.VehicleDisconnected();

            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);

            Assert.AreEqual(StepStatus.Ongoing, c.Authorize());
        }

        [TestMethod]
        public void GbtOrderRunsTheInsulationCheckBeforeParameterExchange()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.GbT27930);

            Assert.AreEqual(StepStatus.Finished, rig.RunCableCheck());
            EvLimits limits = ControllerRig.VehicleLimits();
            Assert.IsTrue(c.SetVehicleLimits(ref limits));
            Assert.AreEqual(ChargerState.ParameterExchange, c.State);
            Assert.AreEqual(StepStatus.Ongoing, c.PreCharge(400));
            Assert.AreEqual(ChargerState.PreCharge, c.State);
        }

        [TestMethod]
        public void GbtParametersBeforeTheInsulationCheckAreRefused()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.GbT27930);
            EvLimits limits = ControllerRig.VehicleLimits();

            Assert.IsFalse(c.SetVehicleLimits(ref limits));
        }

        [TestMethod]
        public void IsoCableCheckBeforeParameterExchangeIsRefused()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);
            c.Authorize();

            Assert.AreEqual(StepStatus.Failed, c.CableCheck(450));
            Assert.IsFalse(rig.Positive.IsCommandedClosed);
            Assert.IsFalse(rig.Stage.IsEnabled);
        }

        [TestMethod]
        public void PreChargeBeforeCableCheckIsRefusedAndTouchesNothing()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            rig.ToParameterExchange();

            Assert.AreEqual(StepStatus.Failed, c.PreCharge(400));
            Assert.AreEqual(ChargerState.ParameterExchange, c.State);
            Assert.IsFalse(rig.Stage.IsEnabled);
        }

        [TestMethod]
        public void EnergyTransferBeforePreChargeHoldsIsRefused()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            rig.ToParameterExchange();
            rig.RunCableCheck();

            Assert.AreEqual(StepStatus.Failed, c.StartEnergyTransfer());
            Assert.AreEqual(ChargerState.CableCheck, c.State);
        }

        [TestMethod]
        public void VehicleLimitsWithoutAVoltageOverlapAreRefused()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);
            c.Authorize();
            EvLimits limits = ControllerRig.VehicleLimits();
            limits.MaxVoltageV = 100;
            limits.MinVoltageV = 50;

            Assert.IsFalse(c.SetVehicleLimits(ref limits));
            Assert.AreEqual(ChargerState.Authorization, c.State);
        }

        [TestMethod]
        public void AuthorizationWaitsForAGrantWhenNotAutomatic()
        {
            ControllerRig rig = new ControllerRig();
            rig.Settings.AuthorizeAutomatically = false;
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);

            Assert.AreEqual(StepStatus.Ongoing, c.Authorize());
            EvLimits limits = ControllerRig.VehicleLimits();
            Assert.IsFalse(c.SetVehicleLimits(ref limits));
            c.GrantAuthorization();
            Assert.AreEqual(StepStatus.Finished, c.Authorize());
            Assert.IsTrue(c.SetVehicleLimits(ref limits));
        }

        [TestMethod]
        public void LimitsInForceAreTheLowerOfChargerAndVehicle()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            rig.ToParameterExchange();

            Assert.AreEqual(450.0, c.Limits.MaxVoltageV);
            Assert.AreEqual(300.0, c.Limits.MinVoltageV);
            Assert.AreEqual(80.0, c.Limits.MaxChargeCurrentA);
            Assert.AreEqual(60.0, c.Limits.MaxDischargeCurrentA);
            Assert.AreEqual(30000.0, c.Limits.MaxChargePowerW);
            Assert.AreEqual(24000.0, c.Limits.MaxDischargePowerW);
        }

        [TestMethod]
        public void DischargeLimitsSentNegativeAreTakenAsMagnitudes()
        {
            // Vehicles disagree on the sign of ISO 15118-20 discharge limits; both must work.
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            c.VehicleConnected();
            c.CommunicationStarted(SessionProtocol.Iso15118_20);
            c.Authorize();
            EvLimits limits = ControllerRig.VehicleLimits();
            limits.MaxDischargeCurrentA = -60;
            limits.MaxDischargePowerW = -24000;

            Assert.IsTrue(c.SetVehicleLimits(ref limits));
            Assert.AreEqual(60.0, c.Limits.MaxDischargeCurrentA);
            Assert.AreEqual(24000.0, c.Limits.MaxDischargePowerW);
        }

        [TestMethod]
        public void EndingASessionWithALiveOutputPowersDownFirst()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            rig.ToEnergyTransfer();

            c.EndSession();
            Assert.AreEqual(ChargerState.Stopping, c.State);
            rig.TicksWithVehicle(10);
            Assert.AreEqual(ChargerState.SessionEnd, c.State);
            Assert.IsFalse(rig.Stage.IsEnabled);
            Assert.IsFalse(rig.Positive.IsCommandedClosed);
        }

        [TestMethod]
        public void UnpluggingAtSessionEndReturnsToIdleWithTheOutputOpen()
        {
            ControllerRig rig = new ControllerRig();
            ChargeController c = rig.Build();
            rig.ToParameterExchange();

            c.VehicleDisconnected();
            Assert.AreEqual(ChargerState.Idle, c.State);
            Assert.AreEqual(0, c.ActiveFaultCount);
        }
    }
}
