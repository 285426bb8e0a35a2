using V2G.Firmware.Grid;
using V2G.Hal.Grid;
using V2G.Sim.Plant.Grid;

namespace V2G.UnitTests.Grid.Estimator
{
    /// <summary>
    /// The digest's test waveform (the simulated grid's defaults: 10 kS/s, 12-bit ±400 V, 3 % 3rd and
    /// 2 % 5th harmonic, 0.5 V rms noise [digest §6]) measured by the cycle meter and fed, cycle by
    /// cycle, into an estimator; time advances in 1 ms steps. Records each cycle's end time and estimate.
    /// </summary>
    public sealed class EstimatorRig
    {
        public const int MaxRecords = 4096;

        public readonly SimGrid Grid;
        public readonly FrequencyEstimator Estimator;
        public readonly long[] EndMs = new long[MaxRecords];
        public readonly double[] FrequencyHz = new double[MaxRecords];
        public readonly double[] RawFrequencyHz = new double[MaxRecords];
        public int Records;
        public long NowMs;

        public EstimatorRig(double nominalHz, double nominalVoltageV, int windowCycles, int seed)
        {
            Grid = new SimGrid(nominalHz, nominalVoltageV, seed);
            FrequencyEstimatorSettings settings = new FrequencyEstimatorSettings();
            settings.WindowCycles = windowCycles;
            Estimator = new FrequencyEstimator(settings, nominalHz);
        }

        /// <summary>Runs for <paramref name="ms"/>; records the cycles from now on (clears earlier records).</summary>
        public void RunAndRecord(long ms)
        {
            Records = 0;
            Run(ms);
        }

        public void Run(long ms)
        {
            GridCycle cycle;
            for (long t = 0; t < ms; t++)
            {
                Grid.Step(1);
                NowMs++;
                while (Grid.TryReadCycle(out cycle))
                {
                    Estimator.Add(ref cycle);
                    if (Records < MaxRecords)
                    {
                        EndMs[Records] = cycle.EndMs;
                        FrequencyHz[Records] = Estimator.FrequencyHz;
                        RawFrequencyHz[Records] = Estimator.RawFrequencyHz;
                        Records++;
                    }
                }
            }
        }

        /// <summary>Largest |estimate − trueHz| over the records, Hz.</summary>
        public double MaxErrorHz(double trueHz)
        {
            double max = 0;
            for (int i = 0; i < Records; i++)
            {
                double e = FrequencyHz[i] - trueHz;
                e = e < 0 ? -e : e;
                max = e > max ? e : max;
            }

            return max;
        }

        /// <summary>Largest |raw (unguarded) estimate − trueHz| over the records, Hz.</summary>
        public double MaxRawErrorHz(double trueHz)
        {
            double max = 0;
            for (int i = 0; i < Records; i++)
            {
                double e = RawFrequencyHz[i] - trueHz;
                e = e < 0 ? -e : e;
                max = e > max ? e : max;
            }

            return max;
        }

        /// <summary>
        /// Time from <paramref name="sinceMs"/> to the end of the first recorded cycle from which on every
        /// estimate stays within <paramref name="toleranceHz"/> of <paramref name="trueHz"/>, ms; -1 if never.
        /// </summary>
        public long SettledAfterMs(long sinceMs, double trueHz, double toleranceHz)
        {
            int first = Records;
            for (int i = Records - 1; i >= 0; i--)
            {
                double e = FrequencyHz[i] - trueHz;
                e = e < 0 ? -e : e;
                if (e > toleranceHz)
                {
                    break;
                }

                first = i;
            }

            return first == Records ? -1 : EndMs[first] - sinceMs;
        }
    }
}
