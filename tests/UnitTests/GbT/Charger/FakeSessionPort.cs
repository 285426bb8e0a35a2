using System.Collections;
using V2G.Protocol.Session;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// A controller stand-in with timed steps on the test's clock: the insulation check, pre-charge,
    /// power-down and welding detection each finish after their set time. While energy flows the output
    /// current is the vehicle's request cap (ideal converter). Records the calls the session makes.
    /// </summary>
    public sealed class FakeSessionPort : IEvSessionPort
    {
        private readonly FakeClock _clock;
        private long _cableCheckStartMs = -1;
        private long _preChargeStartMs = -1;
        private long _powerDownStartMs = -1;
        private long _weldingStartMs = -1;
        private bool _transferring;

        public FakeSessionPort(FakeClock clock)
        {
            _clock = clock;
            Limits.MaxVoltageV = 750;
            Limits.MinVoltageV = 200;
            Limits.MaxChargeCurrentA = 250;
            Limits.MaxDischargeCurrentA = 100;
            Limits.MaxChargePowerW = 150000;
            Limits.MaxDischargePowerW = 60000;
        }

        public int CableCheckMs = 1000;
        public int PreChargeMs = 500;
        public int PowerDownMs = 20;
        public int WeldingMs = 20;

        /// <summary>What the insulation check ends with.</summary>
        public StepStatus CableCheckResult = StepStatus.Finished;

        /// <summary>What pre-charge ends with.</summary>
        public StepStatus PreChargeResult = StepStatus.Finished;

        /// <summary>False: SetVehicleLimits refuses (parameters cannot be served).</summary>
        public bool AcceptLimits = true;

        /// <summary>When not NaN, the output current whatever the request (a converter that does not follow).</summary>
        public double ForcedCurrentA = double.NaN;

        public ChargerLimits Limits;
        public ChargerPresentValues Present;

        public int ConnectedCount;
        public int DisconnectedCount;
        public int CommunicationStartedCount;
        public int CommunicationLostCount;
        public SessionProtocol Protocol;
        public int CableCheckCalls;
        public double LastCableCheckV;
        public int SetLimitsCalls;
        public EvLimits LastLimits;
        public EvLimits FirstLimits;
        public int UpdateCount;
        public EvStatus LastStatus;
        public int PreChargeCalls;
        public double LastPreChargeV;
        public int StartCount;
        public int StopCalls;
        public int WeldingCalls;
        public int EndCount;

        /// <summary>Step names in the order the session first asked for them (appended on changes only).</summary>
        public readonly ArrayList Events = new ArrayList();

        public bool IsTransferring => _transferring;

        public void VehicleConnected()
        {
            ConnectedCount++;
            Events.Add("connected");
        }

        public void VehicleDisconnected()
        {
            DisconnectedCount++;
            _transferring = false;
            Present.CurrentA = 0;
            Present.VoltageV = 0;
            Events.Add("disconnected");
        }

        public void CommunicationStarted(SessionProtocol protocol)
        {
            CommunicationStartedCount++;
            Protocol = protocol;
            _cableCheckStartMs = -1;
            _preChargeStartMs = -1;
            _powerDownStartMs = -1;
            _weldingStartMs = -1;
            Present.Notification = ChargerNotification.None;
            Events.Add("communication_started");
        }

        public void CommunicationLost()
        {
            CommunicationLostCount++;
            Events.Add("communication_lost");
        }

        public StepStatus Authorize()
        {
            return StepStatus.Finished;
        }

        public bool SetVehicleLimits(ref EvLimits limits)
        {
            if (SetLimitsCalls == 0)
            {
                FirstLimits = limits;
                Events.Add("limits");
            }

            SetLimitsCalls++;
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
            UpdateCount++;
            LastStatus = status;
            Follow();
        }

        public StepStatus CableCheck(double vehicleMaxVoltageV)
        {
            CableCheckCalls++;
            LastCableCheckV = vehicleMaxVoltageV;
            if (_cableCheckStartMs < 0)
            {
                _cableCheckStartMs = _clock.NowMs;
                Events.Add("cable_check");
            }

            return _clock.NowMs - _cableCheckStartMs >= CableCheckMs ? CableCheckResult : StepStatus.Ongoing;
        }

        public StepStatus PreCharge(double targetVoltageV)
        {
            PreChargeCalls++;
            LastPreChargeV = targetVoltageV;
            if (_preChargeStartMs < 0)
            {
                _preChargeStartMs = _clock.NowMs;
                Events.Add("pre_charge");
            }

            if (_clock.NowMs - _preChargeStartMs < PreChargeMs)
            {
                return StepStatus.Ongoing;
            }

            if (PreChargeResult == StepStatus.Finished)
            {
                Present.VoltageV = targetVoltageV;
            }

            return PreChargeResult;
        }

        public StepStatus StartEnergyTransfer()
        {
            StartCount++;
            _transferring = true;
            Events.Add("start");
            Follow();
            return StepStatus.Finished;
        }

        public StepStatus StopEnergyTransfer()
        {
            StopCalls++;
            _transferring = false;
            Present.CurrentA = 0;
            if (_powerDownStartMs < 0)
            {
                _powerDownStartMs = _clock.NowMs;
                Events.Add("stop");
            }

            if (_clock.NowMs - _powerDownStartMs < PowerDownMs)
            {
                return StepStatus.Ongoing;
            }

            // Output contactors open: the connector voltage decays (at once here).
            Present.VoltageV = 0;
            return StepStatus.Finished;
        }

        public StepStatus WeldingDetection()
        {
            WeldingCalls++;
            if (_weldingStartMs < 0)
            {
                _weldingStartMs = _clock.NowMs;
                Events.Add("welding");
            }

            return _clock.NowMs - _weldingStartMs >= WeldingMs ? StepStatus.Finished : StepStatus.Ongoing;
        }

        public void EndSession()
        {
            EndCount++;
            Events.Add("end");
        }

        public void GetPresentValues(out ChargerPresentValues values)
        {
            Follow();
            values = Present;
        }

        /// <summary>The events as one line ("connected,communication_started,..."), for asserts.</summary>
        public string EventLine()
        {
            string line = "";
            for (int i = 0; i < Events.Count; i++)
            {
                line += (i == 0 ? "" : ",") + (string)Events[i];
            }

            return line;
        }

        private void Follow()
        {
            if (!double.IsNaN(ForcedCurrentA))
            {
                Present.CurrentA = ForcedCurrentA;
            }
            else if (_transferring && LastStatus.HasCurrentRequest)
            {
                double a = LastStatus.RequestedCurrentA;
                if (a > Limits.MaxChargeCurrentA)
                {
                    a = Limits.MaxChargeCurrentA;
                }

                Present.CurrentA = a;
            }

            Present.PowerW = Present.VoltageV * Present.CurrentA;
        }
    }
}
