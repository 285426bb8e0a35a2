using System;
using System.Device.Pwm;

namespace V2G.BoardAdapters.Tests
{
    /// <summary>
    /// A timer channel as dotnet/iot's PwmChannel: the frequency is rounded to what a timer with
    /// <see cref="ResolutionHz"/> steps can do (as nanoFramework's setter stores the reached frequency), and the duty
    /// cycle is refused outside 0..1 as nanoFramework's is.
    /// </summary>
    public sealed class FakePwmChannel : PwmChannel
    {
        private int _frequencyHz;
        private double _dutyCycle;

        public FakePwmChannel(int frequencyHz, double dutyCycle)
        {
            _frequencyHz = frequencyHz;
            _dutyCycle = dutyCycle;
        }

        /// <summary>The timer's frequency step, Hz.</summary>
        public int ResolutionHz { get; set; } = 1;

        public bool Running { get; private set; }

        public int Starts { get; private set; }

        public override int Frequency
        {
            get => _frequencyHz;
            set => _frequencyHz = value / ResolutionHz * ResolutionHz;
        }

        public override double DutyCycle
        {
            get => _dutyCycle;
            set
            {
                if (value < 0.0 || value > 1.0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "Value must be between 0.0 and 1.0.");
                }

                _dutyCycle = value;
            }
        }

        public override void Start()
        {
            Running = true;
            Starts++;
        }

        public override void Stop() => Running = false;
    }
}
