using System;
using V2G.Protocol.GbT.Bms;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Trace;
using V2G.Sim.Can;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Can;
using V2G.Sim.Plant.Connector;
using V2G.Sim.Plant.Vehicle;

namespace V2G.Sim.Simulation
{
    /// <summary>
    /// A GB/T vehicle on the simulator board: the charger's GB/T 27930 session (driving the controller
    /// through the EV session port) and the BMS simulator (driving the simulated vehicle), on a virtual
    /// CAN bus, with the GB/T coupler's CC1, auxiliary supply and lock as a plant model. Both stacks run
    /// at every 2 ms plant step, as a board's communication thread would; the controller ticks every
    /// control period.
    /// </summary>
    public sealed class GbtVehicleLink : IVehicleDriver, IPlantStepTask
    {
        private const int UnplugAfterMs = 1000;

        private readonly SimulatedCharger _charger;
        private readonly CandumpFileWriter _candump;
        private long _pluggedAtMs = -1;
        private long _endedAtMs = -1;
        private bool _unplugged;
        private bool _auxiliaryPower;
        private GbtChargerStage _lastStage = GbtChargerStage.Unplugged;

        public GbtVehicleLink(SimulatedCharger charger, GbtLinkOptions options, double targetSocPercent, double minimumSocPercent, bool vehicleCanDischarge)
        {
            _charger = charger ?? throw new ArgumentNullException(nameof(charger));
            options ??= new GbtLinkOptions();
            _charger.SimpleVehicleEnabled = false;
            _charger.Controller.SetVehicleReady(true);

            Bus = new VirtualCanBus(charger.Clock, new VirtualCanBusSettings());
            VirtualCanNode chargerNode = Bus.AddNode("charger");
            VirtualCanNode bmsNode = Bus.AddNode("bms");
            if (options.CandumpPath != null)
            {
                _candump = new CandumpFileWriter(options.CandumpPath, "can0");
                Bus.Recorder = _candump;
            }

            Coupler = new GbtCouplerCircuit();
            Log = new MessageLog(512, 120);
            GbtChargerSettings settings = GbtChargerSettings.ForProfile(options.Profile);
            settings.Discharge.Enabled = options.DischargeExtension;
            settings.Discharge.MaxDischargeCurrentA = charger.Settings.MaxDischargeCurrentA;
            settings.Discharge.MaxDischargePowerKw = charger.Settings.MaxDischargePowerW / 1000.0;
            settings.Discharge.MinDischargeVoltageV = charger.Settings.MinVoltageV;
            Session = new GbtChargerSession(settings, charger.Controller, chargerNode, charger.Clock, Coupler, Coupler, Coupler, Log);

            Plant = new SimEvPlant(charger.Battery, charger.VehicleContactor, charger.Circuit, charger.Connector) { CanDischarge = vehicleCanDischarge };
            var bmsSettings = new GbtBmsSettings
            {
                TargetSocPercent = targetSocPercent,
                MinSocPercent = minimumSocPercent,
                ChargeCurrentA = Math.Min(charger.Battery.MaxChargeCurrentA, 150),
            };
            bmsSettings.Discharge.Enabled = vehicleCanDischarge;
            bmsSettings.Discharge.MaxDischargeCurrentA = charger.Battery.MaxDischargeCurrentA;
            bmsSettings.Discharge.MaxDischargePowerKw = Plant.MaxDischargePowerW / 1000.0;
            bmsSettings.Discharge.MinDischargeVoltageV = Plant.MinVoltageV;
            Bms = new GbtBmsSimulator(bmsSettings, Plant, bmsNode, charger.Clock, null);
            _charger.StepTask = this;
        }

        public string Protocol => "gbt27930";

        public VirtualCanBus Bus { get; }

        public GbtCouplerCircuit Coupler { get; }

        public GbtChargerSession Session { get; }

        public GbtBmsSimulator Bms { get; }

        public SimEvPlant Plant { get; }

        /// <summary>The charger session's stage changes with their times (seen at every 2 ms plant step).</summary>
        public V2G.Firmware.Ccs.LinkHistory History { get; } = new V2G.Firmware.Ccs.LinkHistory(64);

        /// <summary>The charger's decoded GB/T message log (time, direction, message, key fields, failures).</summary>
        public MessageLog Log { get; }

        public bool IsPlugged => _pluggedAtMs >= 0 && !_unplugged;

        public string EndReason { get; private set; } = "";

        public void PlugIn(long nowMs)
        {
            _pluggedAtMs = nowMs;
            Coupler.Plug();
        }

        public void Unplug()
        {
            if (_unplugged)
            {
                return;
            }

            _unplugged = true;
            Plant.OpenContactor();
            Coupler.Unplug();
        }

        public void RequestStop() => Bms.StopAt(Plant.SocPercent);

        public void GoSilent() => Bms.GoSilent();

        /// <summary>Fault injection: the BMS stops sending BCL (the charger's 1 s BCL timeout).</summary>
        public void StopBcl() => Bms.StopBcl();

        public void RunTick()
        {
            _charger.StepPlant();
            _charger.TickController();

            long now = _charger.Clock.NowMs;
            bool ended = Session.Stage == GbtChargerStage.Ended || Bms.State == GbtBmsState.Done;
            if (IsPlugged && ended)
            {
                if (_endedAtMs < 0)
                {
                    _endedAtMs = now;
                    // A failure the session recovered from (a timeout, then a re-handshake) is not why it ended.
                    EndReason = Bms.State == GbtBmsState.Done ? GbtBmsStateNames.Of(Bms.State) : (Session.LastFailure ?? GbtBmsStateNames.Of(Bms.State));
                }
                else if (now - _endedAtMs >= UnplugAfterMs)
                {
                    Unplug();
                }
            }
        }

        /// <summary>Every plant step: the BMS follows the auxiliary supply, then both stacks poll.</summary>
        public void Step(long nowMs)
        {
            bool aux = Coupler.IsOn;
            if (aux != _auxiliaryPower)
            {
                _auxiliaryPower = aux;
                Bms.SetAuxiliaryPower(aux, nowMs);
            }

            Bms.Poll(nowMs);
            Session.Poll(nowMs);
            if (Session.Stage != _lastStage)
            {
                _lastStage = Session.Stage;
                History.Add(nowMs, "gbt", GbtChargerStageNames.Of(_lastStage));
            }
        }

        public void Dispose()
        {
            _charger.StepTask = null;
            _candump?.Dispose();
        }
    }
}
