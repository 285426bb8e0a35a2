using System;
using V2G.Hal.Buses;

namespace V2G.Firmware.Drivers.Board
{
    /// <summary>
    /// The control pilot's two phases from one ADC input that cannot be triggered by the PWM: <see cref="Sample"/>
    /// reads the input <see cref="SamplesPerBurst"/> times back to back, and <see cref="HighPhase"/> and
    /// <see cref="LowPhase"/> give that burst's maximum and minimum, as the two inputs of a
    /// <see cref="PwmControlPilot"/>. One burst per control tick; a burst is taken at construction too, so the views
    /// never show a value that was not measured. Allocates nothing after construction.
    /// <para>
    /// What this cannot see, and only the device can check: the burst sees a phase only if a read falls into it.
    /// At 1 kHz a 5 % duty's high phase lasts 50 µs, so the spacing between reads (the ADC's conversion plus the
    /// call overhead) must be below 50 µs, and the burst must span at least one period (1 ms) to meet the low
    /// phase and the high phase whatever the PWM's phase at the start. A burst shorter than that, or spaced wider,
    /// reports the one phase it met for both. The ADC's own sampling time also smears the edges (the reading of a
    /// sample straddling an edge lies between the phases; the maximum and minimum are not affected unless every
    /// read of a phase straddles an edge).
    /// </para>
    /// </summary>
    public sealed class PilotPhaseSampler
    {
        private readonly IAnalogInput _input;
        private readonly int _samplesPerBurst;
        private readonly PhaseView _high;
        private readonly PhaseView _low;

        /// <summary>A sampler reading <paramref name="input"/> <paramref name="samplesPerBurst"/> times a burst (at least 2); takes a first burst.</summary>
        public PilotPhaseSampler(IAnalogInput input, int samplesPerBurst)
        {
            if (input == null)
            {
                throw new ArgumentNullException("input");
            }

            if (samplesPerBurst < 2)
            {
                throw new ArgumentOutOfRangeException("samplesPerBurst");
            }

            _input = input;
            _samplesPerBurst = samplesPerBurst;
            _high = new PhaseView();
            _low = new PhaseView();
            Sample();
        }

        /// <summary>Reads per burst.</summary>
        public int SamplesPerBurst => _samplesPerBurst;

        /// <summary>The last burst's maximum, V at the ADC pin: the pilot's high phase.</summary>
        public IAnalogInput HighPhase => _high;

        /// <summary>The last burst's minimum, V at the ADC pin: the pilot's low phase.</summary>
        public IAnalogInput LowPhase => _low;

        /// <summary>Takes one burst and updates both views.</summary>
        public void Sample()
        {
            double first = _input.ReadVolts();
            double max = first;
            double min = first;
            for (int i = 1; i < _samplesPerBurst; i++)
            {
                double v = _input.ReadVolts();
                if (v > max)
                {
                    max = v;
                }

                if (v < min)
                {
                    min = v;
                }
            }

            _high.Volts = max;
            _low.Volts = min;
        }

        /// <summary>One phase's value of the last burst, as an analog input.</summary>
        private sealed class PhaseView : IAnalogInput
        {
            public double Volts;

            public double ReadVolts()
            {
                return Volts;
            }
        }
    }
}
