using System;
using V2G.Hal.Buses;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>A PWM channel: keeps its settings and refuses a duty cycle outside 0..1 or a frequency of 0 or less, as a timer would.</summary>
    public sealed class SimPwmOutput : IPwmOutput
    {
        private double _frequencyHz;
        private double _dutyCycle;

        /// <inheritdoc />
        public double FrequencyHz
        {
            get => _frequencyHz;
            set
            {
                if (!(value > 0.0))
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _frequencyHz = value;
            }
        }

        /// <inheritdoc />
        public double DutyCycle
        {
            get => _dutyCycle;
            set
            {
                if (!(value >= 0.0 && value <= 1.0))
                {
                    throw new ArgumentOutOfRangeException("value");
                }

                _dutyCycle = value;
                DutyWriteCount++;
            }
        }

        /// <summary>Duty cycle writes so far.</summary>
        public int DutyWriteCount { get; private set; }

        /// <inheritdoc />
        public bool IsRunning { get; private set; }

        /// <summary>True while running at duty 1: a steady high level without edges.</summary>
        public bool IsSteadyHigh => IsRunning && _dutyCycle >= 1.0;

        /// <inheritdoc />
        public void Start()
        {
            IsRunning = true;
        }

        /// <inheritdoc />
        public void Stop()
        {
            IsRunning = false;
        }
    }
}
