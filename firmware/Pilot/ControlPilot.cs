using System;
using V2G.Hal.Pilot;

namespace V2G.Firmware.Pilot
{
    /// <summary>
    /// The charger's side of the control pilot over <see cref="IControlPilot"/>: each control tick
    /// <see cref="Update"/> takes the board's latest high/low-phase sample, classifies it, debounces it
    /// into <see cref="State"/> and the <see cref="DiodeFault"/>, and drives the timed outputs (the
    /// delayed 5 % offer, the T_step_EF error sequence). Commands set the output; each one replaces
    /// whatever timed output was running. Allocates nothing after construction.
    /// </summary>
    public sealed class ControlPilot
    {
        /// <summary>Duty for steady +12 V, no PWM ("X1"), 0.01 % [V:E11 "10000 = X1"].</summary>
        public const int SteadyHighDuty = 10000;

        /// <summary>Duty for steady −12 V (state F), 0.01 % [V:E11 "0 = State F"].</summary>
        public const int SteadyLowDuty = 0;

        private const int OutputX1 = 0;
        private const int OutputOfferPending = 1;
        private const int OutputOffering = 2;
        private const int OutputStepEf = 3;
        private const int OutputX1AfterStepEf = 4;
        private const int OutputErrorSequenceDone = 5;
        private const int OutputF = 6;

        private readonly IControlPilot _pilot;
        private readonly PilotSettings _settings;

        private PilotState _state = PilotState.Invalid;
        private PilotState _previousState = PilotState.Invalid;
        private long _stateSinceMs;
        private PilotState _rawState = PilotState.Invalid;
        private PilotState _candidate = PilotState.Invalid;
        private int _candidateCount;

        private bool _diodeFault;
        private bool _rawDiodeFault;
        private int _diodeDisagreeCount;

        private double _highPhaseV;
        private double _lowPhaseV;

        private int _output = OutputX1;
        private long _outputDeadlineMs;

        /// <summary>Takes the board's pilot and puts it in X1 (steady +12 V), the safe idle output.</summary>
        public ControlPilot(IControlPilot pilot, PilotSettings settings)
        {
            if (pilot == null)
            {
                throw new ArgumentNullException("pilot");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            _pilot = pilot;
            _settings = settings;
            _pilot.SetDutyCycle(SteadyHighDuty);
        }

        /// <summary>The debounced state; <see cref="PilotState.Invalid"/> until the first one is confirmed.</summary>
        public PilotState State => _state;

        /// <summary>The debounced state before the last change.</summary>
        public PilotState PreviousState => _previousState;

        /// <summary>When <see cref="State"/> was confirmed, ms (the <c>nowMs</c> of that <see cref="Update"/>).</summary>
        public long StateSinceMs => _stateSinceMs;

        /// <summary>The latest sample's classification, before debounce (diagnostics).</summary>
        public PilotState RawState => _rawState;

        /// <summary>Latest high-phase sample, V (telemetry cp_voltage_hi [V:E11]).</summary>
        public double HighPhaseVoltageV => _highPhaseV;

        /// <summary>Latest low-phase sample, V (telemetry cp_voltage_lo [V:E11]).</summary>
        public double LowPhaseVoltageV => _lowPhaseV;

        /// <summary>
        /// The vehicle's diode looks shorted or missing [V:E10 DiodeFault]. Judged only on samples taken
        /// while PWM ran, and changed only after <see cref="PilotSettings.DebounceSamples"/> agreeing
        /// samples; kept while PWM is off (nothing to judge then); cleared when the vehicle leaves (state A).
        /// </summary>
        public bool DiodeFault => _diodeFault;

        /// <summary>The duty cycle on the pilot, 0.01 %.</summary>
        public int DutyCycle => _pilot.DutyCycle;

        /// <summary>True while the 5 % digital-communication PWM is on the pilot (not while it waits to start).</summary>
        public bool IsOfferingDigitalCommunication => _output == OutputOffering;

        /// <summary>True between <see cref="OfferDigitalCommunication"/> and the 5 % actually starting.</summary>
        public bool IsDigitalCommunicationPending => _output == OutputOfferPending;

        /// <summary>True while the error sequence runs (F, then X1).</summary>
        public bool IsInErrorSequence => _output == OutputStepEf || _output == OutputX1AfterStepEf;

        /// <summary>True once the error sequence has held F and then X1; the output stays X1 until the next command.</summary>
        public bool ErrorSequenceDone => _output == OutputErrorSequenceDone;

        /// <summary>Steady +12 V without PWM (X1): no vehicle, or power not available [V:E8, S2].</summary>
        public void SetX1()
        {
            _output = OutputX1;
            _pilot.SetDutyCycle(SteadyHighDuty);
        }

        /// <summary>
        /// Asks for digital communication: X1 now, then 5 % after <see cref="PilotSettings.SleepBeforePwmMs"/>
        /// (EVerest waits between enabling SLAC and the PWM, since some vehicles send their first SLAC packet
        /// very fast) [V:E9]. A repeated call while pending or offering changes nothing.
        /// </summary>
        public void OfferDigitalCommunication(long nowMs)
        {
            if (_output == OutputOfferPending || _output == OutputOffering)
            {
                return;
            }

            // Right after the error sequence the X1 pause has already been held (750 ms, inside the
            // 500-1000 ms EV READY asks for) and SLAC was ready long before: 5 % follows at once [V:E9].
            if (_output == OutputErrorSequenceDone)
            {
                _output = OutputOffering;
                _pilot.SetDutyCycle(_settings.DigitalCommunicationDutyHundredthsPercent);
                return;
            }

            _pilot.SetDutyCycle(SteadyHighDuty);
            _output = OutputOfferPending;
            _outputDeadlineMs = nowMs + _settings.SleepBeforePwmMs;
            DriveOutput(nowMs);
        }

        /// <summary>
        /// The T_step_EF error sequence after a SLAC failure or D-LINK_ERROR: state F for
        /// <see cref="PilotSettings.StepEfMs"/>, then X1 for <see cref="PilotSettings.X1AfterStepEfMs"/>,
        /// then <see cref="ErrorSequenceDone"/> [V:E9 Charger::request_error_sequence]. The caller decides
        /// what follows (EVerest resets SLAC and returns to 5 %).
        /// </summary>
        public void StartErrorSequence(long nowMs)
        {
            _pilot.SetDutyCycle(SteadyLowDuty);
            _output = OutputStepEf;
            _outputDeadlineMs = nowMs + _settings.StepEfMs;
        }

        /// <summary>Steady −12 V (state F, "EV supply equipment not available") until the next command [V:E10, O1].</summary>
        public void SetStateF()
        {
            _output = OutputF;
            _pilot.SetDutyCycle(SteadyLowDuty);
        }

        /// <summary>
        /// One control tick: classifies the board's latest sample (judged with the duty that was on while it
        /// was taken, i.e. before this tick's output change), debounces it, then drives the timed outputs.
        /// </summary>
        public void Update(long nowMs)
        {
            bool pwmRunning = PilotClassifier.IsPwm(_pilot.DutyCycle);
            _highPhaseV = _pilot.HighPhaseVoltageV;
            _lowPhaseV = _pilot.LowPhaseVoltageV;
            _rawState = PilotClassifier.Classify(_settings, _highPhaseV, _lowPhaseV, pwmRunning, out _rawDiodeFault);

            Debounce(nowMs);
            if (pwmRunning)
            {
                DebounceDiode();
            }

            DriveOutput(nowMs);
        }

        private void Debounce(long nowMs)
        {
            if (_rawState == _candidate)
            {
                if (_candidateCount < _settings.DebounceSamples)
                {
                    _candidateCount++;
                }
            }
            else
            {
                _candidate = _rawState;
                _candidateCount = 1;
            }

            if (_candidateCount >= _settings.DebounceSamples && _candidate != _state)
            {
                _previousState = _state;
                _state = _candidate;
                _stateSinceMs = nowMs;
                if (_state == PilotState.A)
                {
                    // The vehicle has gone: the next one gets a fresh diode judgement.
                    _diodeFault = false;
                    _diodeDisagreeCount = 0;
                }
            }
        }

        private void DebounceDiode()
        {
            if (_rawDiodeFault == _diodeFault)
            {
                _diodeDisagreeCount = 0;
                return;
            }

            _diodeDisagreeCount++;
            if (_diodeDisagreeCount >= _settings.DebounceSamples)
            {
                _diodeFault = _rawDiodeFault;
                _diodeDisagreeCount = 0;
            }
        }

        private void DriveOutput(long nowMs)
        {
            // Deadlines are reached by this tick's time: a late tick lengthens a phase, never shortens it,
            // and each phase is timed from when its output was really switched (T_step_EF is a minimum).
            switch (_output)
            {
                case OutputOfferPending:
                    if (nowMs >= _outputDeadlineMs)
                    {
                        _pilot.SetDutyCycle(_settings.DigitalCommunicationDutyHundredthsPercent);
                        _output = OutputOffering;
                    }

                    break;
                case OutputStepEf:
                    if (nowMs >= _outputDeadlineMs)
                    {
                        _pilot.SetDutyCycle(SteadyHighDuty);
                        _output = OutputX1AfterStepEf;
                        _outputDeadlineMs = nowMs + _settings.X1AfterStepEfMs;
                    }

                    break;
                case OutputX1AfterStepEf:
                    if (nowMs >= _outputDeadlineMs)
                    {
                        _output = OutputErrorSequenceDone;
                    }

                    break;
            }
        }
    }
}
