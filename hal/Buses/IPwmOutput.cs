namespace V2G.Hal.Buses
{
    /// <summary>
    /// One PWM channel of a hardware timer. The timer keeps the waveform going by itself; managed code only
    /// changes its settings. A duty cycle of 0 or 1 gives a steady level (no edges).
    /// </summary>
    public interface IPwmOutput
    {
        /// <summary>Frequency, Hz. Set while stopped or running; the board picks the nearest the timer can do.</summary>
        double FrequencyHz { get; set; }

        /// <summary>High-time fraction, 0..1 (0 = steady low, 1 = steady high). Applied from the next period on.</summary>
        double DutyCycle { get; set; }

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        bool IsRunning { get; }

        /// <summary>Starts the waveform with the current frequency and duty cycle.</summary>
        void Start();

        /// <summary>Stops the waveform; the pin goes to its idle (low) level.</summary>
        void Stop();
    }
}
