using System;
using System.Device.Pwm;
using V2G.Hal.Buses;

namespace V2G.Boards.Hal
{
    /// <summary>
    /// An <see cref="IPwmOutput"/> over one PwmChannel. PwmChannel.Frequency is whole hertz in both nanoFramework
    /// and dotnet/iot (nanoFramework's setter stores the frequency the timer actually reached, which
    /// <see cref="FrequencyHz"/> then reports); DutyCycle is 0..1 in both and nanoFramework throws outside it, so
    /// the duty is clamped here. Start/Stop exist in both.
    /// </summary>
    public sealed class PwmChannelOutput : IPwmOutput, IDisposable
    {
        private readonly PwmChannel _channel;
        private bool _running;

        /// <summary>Wraps <paramref name="channel"/> and leaves it stopped at duty 0.</summary>
        public PwmChannelOutput(PwmChannel channel)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            _channel = channel;
            _channel.DutyCycle = 0;
            _channel.Stop();
        }

        /// <inheritdoc />
        public double FrequencyHz
        {
            get => _channel.Frequency;
            set
            {
                if (!(value >= 1) || value > int.MaxValue)
                {
                    throw new ArgumentOutOfRangeException("value", "frequency must be at least 1 Hz");
                }

                _channel.Frequency = (int)(value + 0.5);
            }
        }

        /// <inheritdoc />
        public double DutyCycle
        {
            get => _channel.DutyCycle;
            set
            {
                // NaN goes to 0: a stopped reference is the safe reading of a bad number.
                double duty = value > 1 ? 1 : (value >= 0 ? value : 0);
                _channel.DutyCycle = duty;
            }
        }

        /// <inheritdoc />
        public bool IsRunning => _running;

        /// <inheritdoc />
        public void Start()
        {
            _channel.Start();
            _running = true;
        }

        /// <inheritdoc />
        public void Stop()
        {
            _channel.Stop();
            _running = false;
        }

        /// <summary>Stops and releases the channel.</summary>
        public void Dispose()
        {
            Stop();
            _channel.Dispose();
        }
    }
}
