using V2G.Firmware.Ccs;
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Protocol.Session;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Electrical;
using V2G.Sim.Plant.Plc;
using V2G.Sim.Plant.Vehicle;

namespace V2G.UnitTests.Ccs
{
    /// <summary>
    /// The simulated charger with its CCS lower layers attached (pilot circuit, proximity, virtual PLC
    /// link, <see cref="CcsConnection"/>) and the vehicle's pilot and SLAC on the other end. The plain
    /// vehicle model is off: the rig itself walks the session on the controller's EV session port in
    /// ISO 15118-20's order once the link is ready, closing S2 when it reaches cable check. One tick is
    /// one control period: the plant, then the vehicle, then the connection and the controller.
    /// </summary>
    public sealed class CcsRig
    {
        public const int TickMs = 20;

        // Where the rig's session stands (the vehicle's communication controller, as SimVehicle walks it).
        public const int SessionWaitingForLink = 0;
        public const int SessionAuthorizing = 1;
        public const int SessionParameters = 2;
        public const int SessionCableCheck = 3;
        public const int SessionPreCharge = 4;
        public const int SessionClosingContactor = 5;
        public const int SessionStarting = 6;
        public const int SessionCharging = 7;
        public const int SessionAborted = 8;

        public readonly SimulatedCharger Charger;
        public readonly SimCcsVehicle Vehicle;
        public readonly MessageLog Log = new MessageLog(1024, 96);
        public readonly MessageLog VehicleLog = new MessageLog(128, 96);
        public readonly CcsConnection Ccs;

        /// <summary>When false the rig never speaks on the session port (only the lower layers run).</summary>
        public bool DriveSession = true;

        /// <summary>When true the vehicle never closes S2 by itself (its readiness is set by the test through <see cref="RequestsEnergy"/>).</summary>
        public bool ManualReadiness;

        /// <summary>What the vehicle's communication controller asks of its pilot: S2 closed.</summary>
        public bool RequestsEnergy;

        /// <summary>Whether <see cref="Tick"/> steps the vehicle's pilot and SLAC (off: the vehicle never answers the 5 %).</summary>
        public bool StepVehicle = true;

        public int Session = SessionWaitingForLink;

        /// <summary>The last answer of <see cref="IEvSessionPort.CableCheck"/>.</summary>
        public StepStatus LastCableCheck = StepStatus.Ongoing;

        /// <summary>Cable check calls answered Ongoing before the controller entered its cable check state.</summary>
        public int CableCheckCallsBeforeStart;

        private EvStatus _status;

        public CcsRig() : this(null, null, null)
        {
        }

        /// <param name="link">The PLC medium (null: defaults, 23 dB).</param>
        /// <param name="ccsSettings">The connection's settings (null: defaults).</param>
        /// <param name="pevSettings">The vehicle's SLAC settings (null: defaults, threshold 40 dB).</param>
        public CcsRig(PlcLinkSettings link, CcsSettings ccsSettings, SlacPevSettings pevSettings)
        {
            Charger = new SimulatedCharger(new ChargerSettings(), 60, 50, 50);
            Charger.SimpleVehicleEnabled = false;
            Ccs = Charger.AttachCcs(Log, link, null, 20261127u, ccsSettings);
            Vehicle = new SimCcsVehicle(Charger.PilotCircuit, Charger.ProximityCircuit, Charger.PlcLink.Vehicle, pevSettings, VehicleLog);
        }

        public long NowMs => Charger.Clock.NowMs;

        public ChargeController Controller => Charger.Controller;

        /// <summary>One control period.</summary>
        public void Tick()
        {
            Charger.StepPlant();
            long now = Charger.Clock.NowMs;
            if (StepVehicle)
            {
                Vehicle.Step(now, RequestsEnergy);
            }

            if (DriveSession)
            {
                StepSession();
            }

            Charger.TickController();
        }

        public void Ticks(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Tick();
            }
        }

        /// <summary>Ticks until the simulated time reaches <paramref name="untilMs"/>.</summary>
        public void RunUntil(long untilMs)
        {
            while (NowMs < untilMs)
            {
                Tick();
            }
        }

        /// <summary>Ticks until the phase is <paramref name="phase"/>, for at most <paramref name="maxMs"/>; true if reached.</summary>
        public bool RunUntilPhase(CcsPhase phase, long maxMs)
        {
            long end = NowMs + maxMs;
            while (Ccs.Phase != phase && NowMs < end)
            {
                Tick();
            }

            return Ccs.Phase == phase;
        }

        /// <summary>Ticks until the controller is in <paramref name="state"/>, for at most <paramref name="maxMs"/>; true if reached.</summary>
        public bool RunUntilState(ChargerState state, long maxMs)
        {
            long end = NowMs + maxMs;
            while (Controller.State != state && NowMs < end)
            {
                Tick();
            }

            return Controller.State == state;
        }

        /// <summary>Ticks until the pilot's duty is <paramref name="duty"/> (0.01 %), for at most <paramref name="maxMs"/>; true if reached.</summary>
        public bool RunUntilDuty(int duty, long maxMs)
        {
            long end = NowMs + maxMs;
            while (Ccs.DutyCycleHundredthsPercent != duty && NowMs < end)
            {
                Tick();
            }

            return Ccs.DutyCycleHundredthsPercent == duty;
        }

        /// <summary>Ticks until the rig's session reaches <paramref name="session"/>, for at most <paramref name="maxMs"/>; true if reached.</summary>
        public bool RunUntilSession(int session, long maxMs)
        {
            long end = NowMs + maxMs;
            while (Session != session && NowMs < end)
            {
                Tick();
            }

            return Session == session;
        }

        /// <summary>Plugs in and runs until energy flows into the battery (false if it never does within 60 s).</summary>
        public bool PlugInAndCharge()
        {
            Vehicle.Plug();
            long end = NowMs + 60000;
            while (NowMs < end)
            {
                Tick();
                if (Session == SessionCharging && Controller.State == ChargerState.EnergyTransfer && Charger.Stage.OutputCurrentA > 10)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True while the output is off: converter disabled, both output contactors commanded open.</summary>
        public bool IsOutputOff => !Charger.Stage.IsEnabled && !Charger.Positive.IsCommandedClosed && !Charger.Negative.IsCommandedClosed;

        /// <summary>The newest record of <paramref name="code"/> in the controller's fault log, or a record with Code None.</summary>
        public FaultRecord LastFault(FaultCode code)
        {
            FaultLog faults = Controller.Faults;
            for (int i = faults.Count - 1; i >= 0; i--)
            {
                FaultRecord record = faults.Get(i);
                if (record.Code == code)
                {
                    return record;
                }
            }

            return default(FaultRecord);
        }

        /// <summary>How many failures of <paramref name="layer"/> named <paramref name="failure"/> (null: any) the charger's log holds.</summary>
        public int CountFailures(FailureLayer layer, string failure)
        {
            int n = 0;
            for (int i = 0; i < Log.Count; i++)
            {
                TraceEntry e = Log.Get(i);
                if (e.Layer == layer && (failure == null || e.Failure == failure))
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>The index of the first history entry at or after <paramref name="from"/> of this layer and name, or −1.</summary>
        public long FindHistory(long from, string layer, string name)
        {
            LinkHistory h = Ccs.History;
            for (long n = from; n < h.Total; n++)
            {
                if (h.Holds(n) && h.LayerAt(n) == layer && h.NameAt(n) == name)
                {
                    return n;
                }
            }

            return -1;
        }

        private void StepSession()
        {
            ChargeController c = Charger.Controller;
            if (Session == SessionAborted)
            {
                return;
            }

            if (Session != SessionWaitingForLink && c.State == ChargerState.Fault)
            {
                Session = SessionAborted;
                return;
            }

            Battery battery = Charger.Battery;
            switch (Session)
            {
                case SessionWaitingForLink:
                    if (Ccs.IsLinkReady && c.State == ChargerState.CommunicationSetup)
                    {
                        Session = SessionAuthorizing;
                    }

                    break;

                case SessionAuthorizing:
                    Advance(c.Authorize(), SessionParameters);
                    break;

                case SessionParameters:
                    EvLimits limits;
                    limits.MaxVoltageV = battery.MaxVoltageV;
                    limits.MinVoltageV = battery.MinVoltageV;
                    limits.MaxChargeCurrentA = battery.MaxChargeCurrentA;
                    limits.MaxDischargeCurrentA = 0;
                    limits.MaxChargePowerW = battery.MaxChargeCurrentA * battery.OpenCircuitVoltageV;
                    limits.MaxDischargePowerW = 0;
                    limits.BatteryCapacityWh = battery.CapacityWh;
                    Session = c.SetVehicleLimits(ref limits) ? SessionCableCheck : SessionAborted;
                    break;

                case SessionCableCheck:
                    // ISO 15118-20: the vehicle closes S2 (pilot C) before it asks for the cable check.
                    if (!ManualReadiness)
                    {
                        RequestsEnergy = true;
                    }

                    LastCableCheck = c.CableCheck(battery.MaxVoltageV);
                    if (c.State != ChargerState.CableCheck && LastCableCheck == StepStatus.Ongoing)
                    {
                        CableCheckCallsBeforeStart++;
                    }

                    Advance(LastCableCheck, SessionPreCharge);
                    break;

                case SessionPreCharge:
                    SendStatus(battery);
                    StepStatus pre = c.PreCharge(battery.OpenCircuitVoltageV);
                    ChargerPresentValues present;
                    c.GetPresentValues(out present);
                    double gapV = present.VoltageV - battery.OpenCircuitVoltageV;
                    if (pre == StepStatus.Finished && gapV <= 20 && gapV >= -20)
                    {
                        Charger.VehicleContactor.Close();
                        Session = SessionClosingContactor;
                    }
                    else if (pre == StepStatus.Failed)
                    {
                        Session = SessionAborted;
                    }

                    break;

                case SessionClosingContactor:
                    SendStatus(battery);
                    c.PreCharge(battery.OpenCircuitVoltageV);
                    if (Charger.VehicleContactor.IsFeedbackClosed)
                    {
                        Session = SessionStarting;
                    }

                    break;

                case SessionStarting:
                    SendStatus(battery);
                    Advance(c.StartEnergyTransfer(), SessionCharging);
                    break;

                case SessionCharging:
                    SendStatus(battery);
                    break;
            }
        }

        private void Advance(StepStatus status, int next)
        {
            if (status == StepStatus.Finished)
            {
                Session = next;
            }
            else if (status == StepStatus.Failed)
            {
                Session = SessionAborted;
            }
        }

        private void SendStatus(Battery battery)
        {
            _status.BatteryVoltageV = battery.OpenCircuitVoltageV;
            _status.SocPercent = battery.SocPercent;
            _status.HasCurrentRequest = false;
            _status.RequestedCurrentA = 0;
            _status.BatteryTemperatureC = battery.TemperatureC;
            Charger.Controller.UpdateVehicleStatus(ref _status);
        }
    }
}
