using BenchmarkDotNet.Attributes;
using V2G.Firmware.Battery;

namespace V2G.Bench
{
    /// <summary>
    /// The battery guard per control tick on the host: one decision (window, departure, DoD, C-rate,
    /// reversals, the marginal degradation cost of an arbitrage request, the ageing model fed), on a 52 kWh
    /// NMC pack discharging and charging in turn.
    /// </summary>
    [MemoryDiagnoser]
    public class BatteryGuardBenchmarks
    {
        private BatteryGuard _guard;
        private BatteryGuardInput _input;
        private double _socPercent = 70;

        [GlobalSetup]
        public void Setup()
        {
            BatteryGuardSettings settings = new BatteryGuardSettings();
            settings.ReserveSocPercent = 30;
            settings.MaxSocPercent = 90;
            settings.MaxReversalsPerHour = 4;
            settings.RefuseUnprofitableArbitrage = true;
            settings.Degradation.Model = AgeingModelKind.NmcKokam75Ah;
            settings.Degradation.ReplacementCost = 35193.6;
            _guard = new BatteryGuard(settings);
            _guard.StartSession(0, _socPercent);
            _input.CapacityWh = 52000;
            _input.TemperatureC = 25;
            _input.Purpose = BatteryPowerPurpose.Arbitrage;
            _input.HasPriceSpread = true;
            _input.PriceSpreadPerKWh = 0.2;
            _input.VehicleMinimumSocPercent = 20;
            _input.VehicleTargetSocPercent = 80;
            _input.TargetEnergyRequestWh = double.NaN;
            _input.HasDeparture = true;
            _input.DepartureMs = 12L * 3600 * 1000;
            _input.AvailableChargePowerW = 11000;
        }

        [Benchmark(Description = "BatteryGuard.Decide (one 20 ms tick)")]
        public double DecideOneTick()
        {
            _input.NowMs += 20;
            // Discharge for an hour, then charge for an hour: cycles close, the rainflow record moves.
            _input.RequestedPowerW = (_input.NowMs / 3600000) % 2 == 0 ? -11000 : 11000;
            _input.MeasuredPowerW = _input.RequestedPowerW;
            _socPercent += _input.RequestedPowerW * 0.02 / 3600 / 520;
            _socPercent = _socPercent < 31 ? 31 : (_socPercent > 89 ? 89 : _socPercent);
            _input.SocPercent = _socPercent;
            return _guard.Decide(ref _input).AllowedPowerW;
        }
    }
}
