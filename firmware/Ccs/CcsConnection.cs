using V2G.Firmware.Control;
using V2G.Firmware.Faults;
using V2G.Firmware.Pilot;
using V2G.Firmware.Session;
using V2G.Hal.Timing;
using V2G.Protocol.Session;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;

namespace V2G.Firmware.Ccs
{
    /// <summary>
    /// The CCS connector below ISO 15118-20: the control pilot, the proximity contact and SLAC. It tells
    /// the controller when a vehicle is connected (pilot B) and gone (A), when communication can start
    /// (SLAC matched and the PLC link up), and whether the vehicle is ready for energy (C, or D with
    /// ventilation); it turns E, F, an invalid pilot or a shorted diode with a live output into faults,
    /// and a failed match into the pilot's error sequence and another attempt [digest 1.7, V:E9].
    /// Runs on the control thread before the controller, every tick; allocates nothing.
    /// </summary>
    public sealed class CcsConnection : IControlTask
    {
        private const string PilotLayer = "pilot";
        private const string SlacLayer = "slac";
        private const string PhaseLayer = "ccs";

        private readonly CcsSettings _settings;
        private readonly ChargeController _controller;
        private readonly ControlPilot _pilot;
        private readonly ProximityMonitor _proximity;
        private readonly SlacMatching _slac;
        private readonly IMonotonicClock _clock;
        private readonly MessageLog _log;
        private readonly LinkHistory _history = new LinkHistory(64);

        private CcsPhase _phase = CcsPhase.Unplugged;
        private PilotState _lastPilot;
        private SlacState _lastSlac;
        private int _attempts;
        private bool _diodeFaultReported;

        /// <param name="proximity">The proximity monitor, or null where the board has none.</param>
        /// <param name="log">The session's decoded message log (shared with the SECC), or null.</param>
        public CcsConnection(CcsSettings settings, ChargeController controller, ControlPilot pilot, ProximityMonitor proximity, SlacMatching slac, IMonotonicClock clock, MessageLog log)
        {
            if (settings == null || controller == null || pilot == null || slac == null || clock == null)
            {
                throw new System.ArgumentNullException();
            }

            _settings = settings;
            _controller = controller;
            _pilot = pilot;
            _proximity = proximity;
            _slac = slac;
            _clock = clock;
            _log = log;

            long now = clock.NowMs;
            _pilot.SetX1();
            _lastPilot = _pilot.State;

            // The key is loaded before any vehicle arrives, so that 5 % can follow plug-in at once:
            // some vehicles send CM_SLAC_PARM.REQ almost immediately [digest 4.4 #1, V:E5].
            _slac.Reset(now);
            _lastSlac = _slac.State;
            _controller.SetVehicleReady(false);
        }

        public CcsPhase Phase => _phase;

        public PilotState PilotState => _pilot.State;

        /// <summary>The pilot's duty cycle in force, 0.01 % (10000 = steady +12 V).</summary>
        public int DutyCycleHundredthsPercent => _pilot.DutyCycle;

        public ProximityMonitor Proximity => _proximity;

        public SlacState SlacState => _slac.State;

        public SlacMatching Slac => _slac;

        public ControlPilot Pilot => _pilot;

        /// <summary>Mean attenuation of the last matching's sounds, dB (as sent in CM_ATTEN_CHAR.IND).</summary>
        public double AttenuationDb => _slac.AttenuationDb;

        /// <summary>True once SLAC matched and the PLC link is up: SDP may run.</summary>
        public bool IsLinkReady => _phase == CcsPhase.LinkReady;

        /// <summary>Matching attempts since plug-in.</summary>
        public int MatchingAttempts => _attempts;

        /// <summary>Pilot, SLAC and phase changes with their times.</summary>
        public LinkHistory History => _history;

        public void Tick()
        {
            long now = _clock.NowMs;
            _pilot.Update(now);
            if (_proximity != null)
            {
                _proximity.Update(now);
            }

            PilotState pilot = _pilot.State;
            if (pilot != _lastPilot)
            {
                _history.Add(now, PilotLayer, PilotStateNames.Of(pilot));
                if (_log != null)
                {
                    _log.Add(now, MessageDirection.Event, "pilot").Details.Append(PilotStateNames.Of(_lastPilot)).Append(" -> ").Append(PilotStateNames.Of(pilot));
                }

                _lastPilot = pilot;
                if (pilot == PilotState.D && !_settings.VentilationAvailable && _phase == CcsPhase.LinkReady && _log != null)
                {
                    _log.AddFailure(now, FailureLayer.Pilot, "ventilation_not_available");
                }
            }

            _slac.Poll(now);
            if (_slac.State != _lastSlac)
            {
                _lastSlac = _slac.State;
                _history.Add(now, SlacLayer, SlacStateNames.Of(_lastSlac));
            }

            Advance(pilot, now);
            _controller.SetVehicleReady(_phase == CcsPhase.LinkReady && IsReadyForEnergy(pilot));
        }

        private void Advance(PilotState pilot, long now)
        {
            bool vehicleThere = pilot == PilotState.B || pilot == PilotState.C || pilot == PilotState.D;
            if (_settings.RequireProximity && _proximity != null && !_proximity.IsPlugInserted)
            {
                vehicleThere = false;
            }

            switch (_phase)
            {
                case CcsPhase.Unplugged:
                    if (vehicleThere)
                    {
                        _attempts = 1;
                        _diodeFaultReported = false;
                        _controller.VehicleConnected();
                        _slac.EnterBcd(now);
                        _pilot.OfferDigitalCommunication(now);
                        Enter(CcsPhase.Matching, now);
                    }

                    return;

                case CcsPhase.ErrorSequence:
                    // The pilot is ours to drive (F, then X1): what it reads now is not the vehicle's.
                    if (_pilot.ErrorSequenceDone)
                    {
                        if (pilot == PilotState.A)
                        {
                            Unplug(now);
                            return;
                        }

                        _slac.EnterBcd(now);
                        _pilot.OfferDigitalCommunication(now);
                        Enter(CcsPhase.Matching, now);
                    }

                    return;
            }

            if (pilot == PilotState.A || (!vehicleThere && _settings.RequireProximity && pilot != PilotState.E && pilot != PilotState.F))
            {
                Unplug(now);
                return;
            }

            if (_pilot.DiodeFault && !_diodeFaultReported)
            {
                _diodeFaultReported = true;
                _controller.ReportFault(FaultCode.PilotDiodeFault, _pilot.LowPhaseVoltageV);
                PilotFailure(now, "diode_fault");
                return;
            }

            if (pilot == PilotState.E || pilot == PilotState.F || pilot == PilotState.Invalid)
            {
                if (_phase != CcsPhase.PilotError)
                {
                    if (_controller.State == ChargerState.CableCheck || _controller.State == ChargerState.PreCharge
                        || _controller.State == ChargerState.EnergyTransfer || _controller.State == ChargerState.Stopping)
                    {
                        _controller.ReportFault(FaultCode.PilotError, _pilot.HighPhaseVoltageV);
                    }

                    PilotFailure(now, pilot == PilotState.Invalid ? "invalid_voltage" : (pilot == PilotState.E ? "state_e" : "state_f"));
                }

                return;
            }

            switch (_phase)
            {
                case CcsPhase.PilotError:
                    // The vehicle is back in B, C or D after E/F (it restarts its communication) [V:E9 EFtoBCD].
                    if (!_diodeFaultReported)
                    {
                        _slac.EnterBcd(now);
                        _pilot.OfferDigitalCommunication(now);
                        Enter(CcsPhase.Matching, now);
                    }

                    break;

                case CcsPhase.Matching:
                    if (_slac.IsMatched)
                    {
                        Enter(CcsPhase.LinkReady, now);
                        _controller.CommunicationStarted(SessionProtocol.Iso15118_20);
                    }
                    else if (_slac.Failed)
                    {
                        MatchingFailed(now);
                    }

                    break;

                case CcsPhase.LinkReady:
                    if (_slac.Failed)
                    {
                        // The modem lost the vehicle's network (D-LINK_ERROR): the session cannot go on,
                        // and matching starts over through the pilot's error sequence [digest 2.9, V:E5].
                        _controller.CommunicationLost();
                        MatchingFailed(now);
                    }

                    break;

            }
        }

        private void MatchingFailed(long now)
        {
            // SLAC has logged its own failure with its reason; what follows is this layer's reaction.
            // A fresh key for the next attempt (the last one may have been handed out, or refused by
            // the modem); matching restarts when the pilot is back in B after the error sequence.
            _slac.Reset(now);
            if (_attempts >= _settings.MaxMatchingAttempts)
            {
                // No digital communication, no DC charging: the pilot goes back to a steady +12 V
                // (no PWM) and the vehicle stays connected until it is unplugged.
                _pilot.SetX1();
                if (_log != null)
                {
                    _log.AddFailure(now, FailureLayer.Slac, "matching_attempts_exhausted");
                }

                Enter(CcsPhase.MatchingFailed, now);
                return;
            }

            _attempts++;
            _pilot.StartErrorSequence(now);
            Enter(CcsPhase.ErrorSequence, now);
        }

        private void PilotFailure(long now, string reason)
        {
            if (_log != null)
            {
                _log.AddFailure(now, FailureLayer.Pilot, reason);
            }

            _slac.LeaveBcd(now);
            if (_diodeFaultReported)
            {
                // A shorted diode defeats the pilot's protection: no PWM until the vehicle is unplugged.
                _pilot.SetX1();
            }

            Enter(CcsPhase.PilotError, now);
        }

        private void Unplug(long now)
        {
            _controller.SetVehicleReady(false);
            _controller.VehicleDisconnected();

            // The modem leaves the vehicle's network with a new key at once (TP_match_leave) [V:E5, E9].
            _slac.Reset(now);
            _pilot.SetX1();
            _attempts = 0;
            Enter(CcsPhase.Unplugged, now);
        }

        private bool IsReadyForEnergy(PilotState pilot)
        {
            return pilot == PilotState.C || (pilot == PilotState.D && _settings.VentilationAvailable);
        }

        private void Enter(CcsPhase phase, long now)
        {
            if (phase != _phase)
            {
                _phase = phase;
                _history.Add(now, PhaseLayer, CcsPhaseNames.Of(phase));
            }
        }
    }
}
