using V2G.Protocol.Session;
using V2G.Sim.Plant.Electrical;
using V2G.Firmware.Numerics;

namespace V2G.Sim.Plant.Vehicle
{
    /// <summary>
    /// A plain vehicle on the EV session port, in ISO 15118-20's order, until the protocol stacks
    /// drive the controller themselves: it plugs in, declares its battery's limits, asks for cable
    /// check and precharge, closes its own contactor on a matched voltage, reports its status every
    /// message period, and stops when told to or when the charger terminates. Like a real vehicle it
    /// speaks at its own pace, not the charger's tick.
    /// </summary>
    public sealed class SimVehicle
    {
        private const int Unplugged = 0;
        private const int Connected = 1;
        private const int Authorizing = 2;
        private const int Parameters = 3;
        private const int Cable = 4;
        private const int Precharging = 5;
        private const int ClosingContactor = 6;
        private const int Starting = 7;
        private const int Charging = 8;
        private const int Stopping = 9;
        private const int OpeningContactor = 10;
        private const int Welding = 11;
        private const int Ending = 12;
        private const int Done = 13;

        private readonly IEvSessionPort _port;
        private readonly Battery _battery;
        private readonly SimContactor _contactor;
        private int _phase = Unplugged;
        private long _nextMessageMs;
        private long _phaseSinceMs;
        private bool _stopWanted;
        private bool _silent;
        private EvStatus _status;
        private EvEnergyNeeds _needs;
        private long _plugInMs;
        private long _lastStatusMs;

        public SimVehicle(IEvSessionPort port, Battery battery, SimContactor contactor)
        {
            _port = port;
            _battery = battery;
            _contactor = contactor;
        }

        /// <summary>Period of the vehicle's messages, ms (an ISO 15118-20 charge loop runs at about this pace).</summary>
        public int MessagePeriodMs = 100;

        /// <summary>Time from plug-in to the first message, ms (pilot, SLAC, SDP, TCP, handshake).</summary>
        public int CommunicationSetupMs = 2000;

        /// <summary>Whether the vehicle offers discharge (ISO 15118-20 DC_BPT).</summary>
        public bool CanDischarge = true;

        /// <summary>The vehicle stops charging by itself at this SoC, %.</summary>
        public double TargetSocPercent = 100;

        /// <summary>The vehicle stops discharging at this SoC, %.</summary>
        public double MinimumSocPercent = 10;

        /// <summary>
        /// Whether the vehicle tells its departure (<see cref="DepartureS"/>); with its target and minimum SoC and the
        /// energy to the target, sent each message as the vehicle's energy needs (as ISO 15118-20 would).
        /// </summary>
        public bool HasDeparture;

        /// <summary>The departure, s from plug-in.</summary>
        public double DepartureS;

        public bool IsPlugged => _phase != Unplugged && _phase != Done;

        public bool IsFinished => _phase == Done;

        /// <summary>True while energy transfer runs (from the vehicle's view).</summary>
        public bool IsCharging => _phase == Charging;

        /// <summary>Why the session ended, from the vehicle's view.</summary>
        public string EndReason { get; private set; } = "";

        public void PlugIn(long nowMs)
        {
            _phase = Connected;
            _plugInMs = nowMs;

            // Digital communication starts only after SLAC, SDP and the handshake (a few seconds).
            _nextMessageMs = nowMs + CommunicationSetupMs;
            _port.VehicleConnected();
        }

        /// <summary>The driver (or the scenario) wants to stop.</summary>
        public void RequestStop()
        {
            _stopWanted = true;
        }

        /// <summary>Fault injection: the vehicle stops talking (its controller hangs).</summary>
        public void GoSilent()
        {
            _silent = true;
        }

        public void Step(long nowMs)
        {
            if (_phase == Unplugged || _phase == Done || _silent || nowMs < _nextMessageMs)
            {
                return;
            }

            _nextMessageMs = nowMs + MessagePeriodMs;
            _lastStatusMs = nowMs;
            ChargerPresentValues present;
            _port.GetPresentValues(out present);

            if (present.IsFaulted && _phase < Ending)
            {
                // The charger has gone to its safe state: open our side once no current flows, then leave.
                if (present.CurrentA < 1 && present.CurrentA > -1)
                {
                    _contactor.Open();
                }

                EndReason = "charger_fault";
                Enter(Ending, nowMs);
                return;
            }

            switch (_phase)
            {
                case Connected:
                    _port.CommunicationStarted(SessionProtocol.SimulatedVehicle);
                    Enter(Authorizing, nowMs);
                    break;

                case Authorizing:
                    Advance(_port.Authorize(), Parameters, nowMs);
                    break;

                case Parameters:
                    EvLimits limits = DeclareLimits();
                    if (_port.SetVehicleLimits(ref limits))
                    {
                        Enter(Cable, nowMs);
                    }
                    else
                    {
                        Fail("limits_refused", nowMs);
                    }

                    break;

                case Cable:
                    Advance(_port.CableCheck(_battery.MaxVoltageV), Precharging, nowMs);
                    break;

                case Precharging:
                    SendStatus();
                    StepStatus pre = _port.PreCharge(_battery.OpenCircuitVoltageV);

                    // The vehicle closes its contactor only onto a matched voltage.
                    if (pre == StepStatus.Finished && Numeric.Abs(present.VoltageV - _battery.OpenCircuitVoltageV) <= 20)
                    {
                        _contactor.Close();
                        Enter(ClosingContactor, nowMs);
                    }
                    else if (pre == StepStatus.Failed)
                    {
                        Fail("precharge_failed", nowMs);
                    }

                    break;

                case ClosingContactor:
                    SendStatus();
                    _port.PreCharge(_battery.OpenCircuitVoltageV);
                    if (_contactor.IsFeedbackClosed)
                    {
                        Enter(Starting, nowMs);
                    }

                    break;

                case Starting:
                    SendStatus();
                    Advance(_port.StartEnergyTransfer(), Charging, nowMs);
                    break;

                case Charging:
                    SendStatus();
                    bool full = present.CurrentA > 0 && _battery.SocPercent >= TargetSocPercent;
                    bool empty = present.CurrentA < 0 && _battery.SocPercent <= MinimumSocPercent;
                    if (_stopWanted || present.Notification == ChargerNotification.Terminate || full || empty)
                    {
                        EndReason = _stopWanted ? "vehicle_stop" : (full ? "target_soc" : (empty ? "minimum_soc" : "charger_terminate"));
                        Enter(Stopping, nowMs);
                        _port.StopEnergyTransfer();
                    }

                    break;

                case Stopping:
                    SendStatus();
                    StepStatus stop = _port.StopEnergyTransfer();
                    if (stop == StepStatus.Finished)
                    {
                        _contactor.Open();
                        Enter(OpeningContactor, nowMs);
                    }
                    else if (stop == StepStatus.Failed)
                    {
                        Fail("stop_failed", nowMs);
                    }

                    break;

                case OpeningContactor:
                    SendStatus();
                    if (!_contactor.IsFeedbackClosed)
                    {
                        Enter(Welding, nowMs);
                    }

                    break;

                case Welding:
                    StepStatus weld = _port.WeldingDetection();
                    if (weld != StepStatus.Ongoing)
                    {
                        Enter(Ending, nowMs);
                    }

                    break;

                case Ending:
                    _port.EndSession();

                    // Unplug a second after the session ended, as a driver would.
                    if (nowMs - _phaseSinceMs >= 1000)
                    {
                        _contactor.Open();
                        _port.VehicleDisconnected();
                        _phase = Done;
                    }

                    break;
            }
        }

        private EvLimits DeclareLimits()
        {
            EvLimits limits;
            limits.MaxVoltageV = _battery.MaxVoltageV;
            limits.MinVoltageV = _battery.MinVoltageV;
            limits.MaxChargeCurrentA = _battery.MaxChargeCurrentA;
            limits.MaxDischargeCurrentA = CanDischarge ? _battery.MaxDischargeCurrentA : 0;
            double nominalV = _battery.OpenCircuitVoltageV;
            limits.MaxChargePowerW = _battery.MaxChargeCurrentA * nominalV;
            limits.MaxDischargePowerW = CanDischarge ? _battery.MaxDischargeCurrentA * nominalV : 0;
            limits.BatteryCapacityWh = _battery.CapacityWh;
            return limits;
        }

        private void SendStatus()
        {
            _status.BatteryVoltageV = _battery.OpenCircuitVoltageV;
            _status.SocPercent = _battery.SocPercent;
            _status.HasCurrentRequest = false;
            _status.RequestedCurrentA = 0;
            _status.BatteryTemperatureC = _battery.TemperatureC;
            _port.UpdateVehicleStatus(ref _status);
            SendEnergyNeeds();
        }

        private void SendEnergyNeeds()
        {
            _needs.Clear();
            _needs.MinimumSocPercent = MinimumSocPercent;
            _needs.TargetSocPercent = TargetSocPercent;
            double capacityWh = _battery.CapacityWh;
            if (capacityWh > 0)
            {
                double toTarget = (TargetSocPercent - _battery.SocPercent) / 100 * capacityWh;
                _needs.TargetEnergyRequestWh = toTarget > 0 ? toTarget : 0;
                _needs.MaximumEnergyRequestWh = (100 - _battery.SocPercent) / 100 * capacityWh;
                _needs.MinimumEnergyRequestWh = (MinimumSocPercent - _battery.SocPercent) / 100 * capacityWh;
            }

            if (HasDeparture)
            {
                double leftS = DepartureS - (_lastStatusMs - _plugInMs) / 1000.0;
                _needs.HasDeparture = true;
                _needs.DepartureInS = leftS > 0 ? leftS : 0;
            }

            _port.UpdateEnergyNeeds(ref _needs);
        }

        private void Advance(StepStatus status, int next, long nowMs)
        {
            if (status == StepStatus.Finished)
            {
                Enter(next, nowMs);
            }
            else if (status == StepStatus.Failed)
            {
                Fail("step_failed", nowMs);
            }
        }

        private void Fail(string reason, long nowMs)
        {
            EndReason = reason;
            Enter(Ending, nowMs);
        }

        private void Enter(int phase, long nowMs)
        {
            _phase = phase;
            _phaseSinceMs = nowMs;
        }
    }
}
