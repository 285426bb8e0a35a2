using V2G.Protocol.Session;

namespace V2G.UnitTests.Iso15118.Secc
{
    /// <summary>
    /// A controller stand-in for SECC tests: answers each step as told (Ongoing a given number of
    /// times, then the set answer) and records every call.
    /// </summary>
    public sealed class FakeSessionPort : IEvSessionPort
    {
        public StepStatus AuthorizeAnswer = StepStatus.Finished;
        public int AuthorizeOngoingCalls;
        public StepStatus CableCheckAnswer = StepStatus.Finished;
        public int CableCheckOngoingCalls;
        public StepStatus PreChargeAnswer = StepStatus.Finished;
        public StepStatus StartAnswer = StepStatus.Finished;
        public StepStatus StopAnswer = StepStatus.Finished;
        public int StopOngoingCalls;
        public StepStatus WeldingAnswer = StepStatus.Finished;
        public bool AcceptLimits = true;
        public ChargerLimits Limits;
        public ChargerPresentValues Present;

        public int VehicleConnectedCalls;
        public int CommunicationStartedCalls;
        public int CommunicationLostCalls;
        public int AuthorizeCalls;
        public int SetVehicleLimitsCalls;
        public int UpdateVehicleStatusCalls;
        public int CableCheckCalls;
        public int PreChargeCalls;
        public int StartCalls;
        public int StopCalls;
        public int WeldingCalls;
        public int EndSessionCalls;
        public EvLimits LastLimits;
        public EvStatus LastStatus;
        public double LastCableCheckVoltageV;
        public double LastPreChargeTargetV;

        public FakeSessionPort()
        {
            Limits.MaxVoltageV = 500;
            Limits.MinVoltageV = 150;
            Limits.MaxChargeCurrentA = 50;
            Limits.MaxDischargeCurrentA = 40;
            Limits.MaxChargePowerW = 22000;
            Limits.MaxDischargePowerW = 20000;
            Present.VoltageV = 398;
        }

        public void VehicleConnected()
        {
            VehicleConnectedCalls++;
        }

        public void VehicleDisconnected()
        {
        }

        public void CommunicationStarted(SessionProtocol protocol)
        {
            CommunicationStartedCalls++;
        }

        public void CommunicationLost()
        {
            CommunicationLostCalls++;
        }

        public StepStatus Authorize()
        {
            AuthorizeCalls++;
            return AuthorizeCalls <= AuthorizeOngoingCalls ? StepStatus.Ongoing : AuthorizeAnswer;
        }

        public bool SetVehicleLimits(ref EvLimits limits)
        {
            SetVehicleLimitsCalls++;
            LastLimits = limits;
            return AcceptLimits;
        }

        public void GetChargerLimits(out ChargerLimits limits)
        {
            limits = Limits;
        }

        /// <summary>How many times the protocol passed the vehicle's energy needs, and the last ones.</summary>
        public int UpdateEnergyNeedsCalls;

        public EvEnergyNeeds LastEnergyNeeds;

        public void UpdateEnergyNeeds(ref EvEnergyNeeds needs)
        {
            UpdateEnergyNeedsCalls++;
            LastEnergyNeeds = needs;
        }

        public void UpdateVehicleStatus(ref EvStatus status)
        {
            UpdateVehicleStatusCalls++;
            LastStatus = status;
        }

        public StepStatus CableCheck(double vehicleMaxVoltageV)
        {
            CableCheckCalls++;
            LastCableCheckVoltageV = vehicleMaxVoltageV;
            return CableCheckCalls <= CableCheckOngoingCalls ? StepStatus.Ongoing : CableCheckAnswer;
        }

        public StepStatus PreCharge(double targetVoltageV)
        {
            PreChargeCalls++;
            LastPreChargeTargetV = targetVoltageV;
            return PreChargeAnswer;
        }

        public StepStatus StartEnergyTransfer()
        {
            StartCalls++;
            return StartAnswer;
        }

        public StepStatus StopEnergyTransfer()
        {
            StopCalls++;
            return StopCalls <= StopOngoingCalls ? StepStatus.Ongoing : StopAnswer;
        }

        public StepStatus WeldingDetection()
        {
            WeldingCalls++;
            return WeldingAnswer;
        }

        public void EndSession()
        {
            EndSessionCalls++;
        }

        public void GetPresentValues(out ChargerPresentValues values)
        {
            values = Present;
        }
    }
}
