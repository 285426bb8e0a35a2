using BenchmarkDotNet.Attributes;
using V2G.Sim.Plant.Board;

namespace V2G.Bench
{
    /// <summary>
    /// One whole control period of the simulator board, <see cref="SimulatedCharger.RunTick"/>:
    /// ten 2 ms plant steps (converter, DC circuit and battery, insulation monitor, grid, meter,
    /// watchdog), the simulated vehicle's messages, then the controller's tick, in energy
    /// transfer at ±20 kW. The session is rebuilt before every iteration because the plant moves:
    /// left running, the battery would reach its SoC limit and the vehicle would end the session.
    /// </summary>
    [MemoryDiagnoser]
    [InvocationCount(TicksPerIteration)]
    public class BoardTickBenchmarks
    {
        /// <summary>
        /// 100,000 ticks are 2,000 s of simulated time: about 11 kWh at 20 kW, 19 % of the 60 kWh
        /// pack, so a session started at 40 % ends an iteration near 59 % charging or 21 %
        /// discharging, inside the vehicle's 10–100 % window. More ticks would make the iteration
        /// longer (BenchmarkDotNet asks for 100 ms) but would run the discharging pack to its floor.
        /// </summary>
        private const int TicksPerIteration = 100000;

        private SimulatedCharger _charger;

        /// <summary>The dispatched power, W: + into the vehicle, − out of it.</summary>
        [Params(20000, -20000)]
        public double DispatchPowerW { get; set; }

        [IterationSetup]
        public void StartSession()
        {
            _charger = LiveSession.Start(DispatchPowerW);
        }

        [Benchmark(Description = "RunTick(): plant + vehicle + Controller.Tick()")]
        public void PlantVehicleAndControllerTick()
        {
            _charger.RunTick();
        }

        [IterationCleanup]
        public void CheckSessionStayedLive()
        {
            LiveSession.RequireLive(_charger);
        }
    }
}
