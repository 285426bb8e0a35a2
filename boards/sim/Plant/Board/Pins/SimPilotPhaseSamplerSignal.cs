using V2G.Hal.Buses;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>
    /// The pilot's ADC pin as a free-running PWM seen by an unsynchronised ADC: each read takes the level at the
    /// next sampling instant, <see cref="SampleSpacingUs"/> after the previous one, on a waveform of
    /// <see cref="PeriodUs"/> that sits at <see cref="HighV"/> for the first <see cref="DutyFraction"/> of each period
    /// and at <see cref="LowV"/> for the rest.
    /// </summary>
    public sealed class SimPilotPhaseSamplerSignal : IAnalogInput
    {
        private long _timeUs;

        /// <summary>A 1 kHz waveform; the first read samples at <paramref name="startUs"/> into a period.</summary>
        public SimPilotPhaseSamplerSignal(double highV, double lowV, double dutyFraction, int sampleSpacingUs, long startUs)
        {
            HighV = highV;
            LowV = lowV;
            DutyFraction = dutyFraction;
            SampleSpacingUs = sampleSpacingUs;
            PeriodUs = 1000;
            _timeUs = startUs;
        }

        public double HighV { get; set; }

        public double LowV { get; set; }

        /// <summary>The high phase's share of the period, 0..1.</summary>
        public double DutyFraction { get; set; }

        /// <summary>Time between two reads, µs.</summary>
        public int SampleSpacingUs { get; set; }

        /// <summary>The PWM period, µs.</summary>
        public int PeriodUs { get; set; }

        /// <summary>Reads so far.</summary>
        public int ReadCount { get; private set; }

        /// <summary>Moves the next sampling instant on by <paramref name="us"/> (the rest of a control tick).</summary>
        public void Skip(long us)
        {
            _timeUs += us;
        }

        /// <inheritdoc />
        public double ReadVolts()
        {
            ReadCount++;
            long inPeriodUs = _timeUs % PeriodUs;
            _timeUs += SampleSpacingUs;
            return inPeriodUs < DutyFraction * PeriodUs ? HighV : LowV;
        }
    }
}
