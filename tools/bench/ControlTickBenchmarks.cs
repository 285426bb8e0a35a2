using BenchmarkDotNet.Attributes;
using V2G.Firmware.Session;
using V2G.Protocol.Session;
using V2G.Sim.Plant.Board;

namespace V2G.Bench
{
    /// <summary>
    /// The controller's <see cref="ChargeController.Tick"/> alone, in energy transfer, charging
    /// (+20 kW) and discharging (−20 kW). Each call advances the clock by one control period and
    /// hands the controller the vehicle's last status, as the vehicle's protocol would, so the
    /// communication watchdog never trips; the plant is not stepped, so the measurements stay
    /// where the settled session left them. The figure is the tick's own cost, status update included.
    /// </summary>
    [MemoryDiagnoser]
    public class ControlTickBenchmarks
    {
        private SimulatedCharger _charger;
        private ChargeController _controller;
        private SimClock _clock;
        private int _periodMs;
        private EvStatus _status;

        /// <summary>The dispatched power, W: + into the vehicle, − out of it.</summary>
        [Params(20000, -20000)]
        public double DispatchPowerW { get; set; }

        [GlobalSetup]
        public void StartSession()
        {
            _charger = LiveSession.Start(DispatchPowerW);
            _controller = _charger.Controller;
            _clock = _charger.Clock;
            _periodMs = _charger.Settings.TickPeriodMs;
            _status = _controller.VehicleStatus;
        }

        [Benchmark(Description = "Controller.Tick() only")]
        public void ControllerTick()
        {
            _clock.Advance(_periodMs);
            _controller.UpdateVehicleStatus(ref _status);
            _controller.Tick();
        }

        [GlobalCleanup]
        public void CheckSessionStayedLive()
        {
            LiveSession.RequireLive(_charger);
        }
    }
}
