using BenchmarkDotNet.Attributes;
using V2G.Firmware.Grid;
using V2G.Hal.Grid;

namespace V2G.Bench
{
    /// <summary>
    /// Grid support's per-cycle and per-tick work on the host: one cycle into the frequency estimator
    /// (5-cycle window, guard, averages), one droop update outside the deadband with its filter, and one
    /// protection check (every trip timer, ride-through, loss of mains).
    /// </summary>
    [MemoryDiagnoser]
    public class GridBenchmarks
    {
        private readonly FrequencyEstimator _estimator = new FrequencyEstimator(new FrequencyEstimatorSettings(), 50);
        private readonly FrequencyDroop _droop = new FrequencyDroop(DroopPresets.Ieee1547CategoryIII(50));
        private readonly GridProtection _protection = new GridProtection(GridProtectionSettings.ForNominal(50, 230));
        private GridCycle _cycle;
        private long _nowMs;
        private double _endUs;

        [Benchmark(Description = "FrequencyEstimator.Add (one cycle)")]
        public double EstimatorCycle()
        {
            // 50 Hz with a small alternating wobble, so the window moves.
            _cycle.PeriodUs = (_nowMs & 1) == 0 ? 20000.4 : 19999.6;
            _endUs += _cycle.PeriodUs;
            _cycle.EndMs = (long)(_endUs / 1000);
            _cycle.RmsVoltageV = 230;
            _nowMs++;
            _estimator.Add(ref _cycle);
            return _estimator.FrequencyHz;
        }

        [Benchmark(Description = "FrequencyDroop.Update at 49.8 Hz (one tick)")]
        public double DroopTick()
        {
            _nowMs += 20;
            return _droop.Update(-10000, 49.8, _nowMs, 30000, 30000);
        }

        [Benchmark(Description = "GridProtection.Check (one tick)")]
        public int ProtectionTick()
        {
            _nowMs += 20;
            return (int)_protection.Check(49.95, 231, 0.1, _nowMs, _nowMs);
        }
    }
}
