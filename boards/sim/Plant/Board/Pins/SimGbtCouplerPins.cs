using System;
using V2G.Hal.Buses;
using V2G.Hal.Timing;
using V2G.Sim.Plant.Connector;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>
    /// The plant's GB/T coupler (<see cref="GbtCouplerCircuit"/>) at pin level: CC1 as the monitor ADC's input
    /// (detection point 1 divided by <see cref="Cc1VoltsPerAdcVolt"/>), the lock drive and its position feedback
    /// (the lock moves <see cref="LockTravelMs"/> after the drive changes; the circuit's <c>LockJammed</c> keeps
    /// it unlocked), and the auxiliary supply's relay drive.
    /// </summary>
    public sealed class SimGbtCouplerPins
    {
        private readonly IMonotonicClock _clock;
        private readonly GbtCouplerCircuit _circuit;
        private readonly Cc1Pin _cc1;
        private readonly LockDrivePin _lockDrive;
        private readonly LockFeedbackPin _lockFeedback;
        private readonly AuxDrivePin _auxDrive;

        /// <summary>Pins on <paramref name="circuit"/>, on <paramref name="clock"/>'s time.</summary>
        public SimGbtCouplerPins(IMonotonicClock clock, GbtCouplerCircuit circuit, double cc1VoltsPerAdcVolt, int lockTravelMs)
        {
            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (circuit == null)
            {
                throw new ArgumentNullException("circuit");
            }

            _clock = clock;
            _circuit = circuit;
            Cc1VoltsPerAdcVolt = cc1VoltsPerAdcVolt;
            LockTravelMs = lockTravelMs;
            _cc1 = new Cc1Pin(this);
            _lockDrive = new LockDrivePin(this);
            _lockFeedback = new LockFeedbackPin(this);
            _auxDrive = new AuxDrivePin(this);
        }

        /// <summary>The coupler circuit these pins drive and read.</summary>
        public GbtCouplerCircuit Circuit => _circuit;

        /// <summary>The board's CC1 divider: detection-point volts per ADC volt.</summary>
        public double Cc1VoltsPerAdcVolt { get; set; }

        /// <summary>Time the lock's actuator takes to move after the drive changes, ms.</summary>
        public int LockTravelMs { get; set; }

        /// <summary>The monitor ADC's CC1 input.</summary>
        public IAnalogInput Cc1Adc => _cc1;

        /// <summary>The lock drive: true = lock.</summary>
        public IDigitalOutput LockDrive => _lockDrive;

        /// <summary>The lock's position switch: true = locked.</summary>
        public IDigitalInput LockFeedback => _lockFeedback;

        /// <summary>The auxiliary supply relays' drive: true = K3/K4 closed.</summary>
        public IDigitalOutput AuxiliaryPowerDrive => _auxDrive;

        /// <summary>Moves the lock once the drive has been stable for the travel time.</summary>
        private void UpdateLock()
        {
            if (_clock.NowMs - _lockDrive.ChangedAtMs < LockTravelMs)
            {
                return;
            }

            if (_lockDrive.State)
            {
                _circuit.Lock();
            }
            else
            {
                _circuit.Unlock();
            }
        }

        private sealed class Cc1Pin : IAnalogInput
        {
            private readonly SimGbtCouplerPins _owner;

            public Cc1Pin(SimGbtCouplerPins owner)
            {
                _owner = owner;
            }

            public double ReadVolts()
            {
                return _owner._circuit.VoltageV / _owner.Cc1VoltsPerAdcVolt;
            }
        }

        private sealed class LockDrivePin : IDigitalOutput
        {
            private readonly SimGbtCouplerPins _owner;

            public LockDrivePin(SimGbtCouplerPins owner)
            {
                _owner = owner;
            }

            public bool State { get; private set; }

            public long ChangedAtMs { get; private set; }

            public void Write(bool asserted)
            {
                if (asserted != State)
                {
                    State = asserted;
                    ChangedAtMs = _owner._clock.NowMs;
                }
            }
        }

        private sealed class LockFeedbackPin : IDigitalInput
        {
            private readonly SimGbtCouplerPins _owner;

            public LockFeedbackPin(SimGbtCouplerPins owner)
            {
                _owner = owner;
            }

            public bool Read()
            {
                _owner.UpdateLock();
                return _owner._circuit.IsLocked;
            }
        }

        private sealed class AuxDrivePin : IDigitalOutput
        {
            private readonly SimGbtCouplerPins _owner;

            public AuxDrivePin(SimGbtCouplerPins owner)
            {
                _owner = owner;
            }

            public bool State { get; private set; }

            public void Write(bool asserted)
            {
                State = asserted;
                _owner._circuit.Switch(asserted);
            }
        }
    }
}
