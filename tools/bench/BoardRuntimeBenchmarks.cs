using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using V2G.Boards.Esp32;
using V2G.Firmware.Runtime;
using V2G.Firmware.Session;
using V2G.Protocol.GbT.Charger;
using V2G.Sim.Plant.Board;

namespace V2G.Bench
{
    /// <summary>
    /// The whole board's control period on the host, GB/T charging: the ESP32 GB/T board (<see cref="Esp32PinMap.CreateGbt"/>)
    /// composed as the firmware composes it (<see cref="BoardWiring"/> + <see cref="ChargerRuntime"/>) on the host plant
    /// (<see cref="PlantPeripherals"/>), the BMS simulator on the plant's CAN bus asking for 100 A.
    /// <para>
    /// Three benchmarks split one 20 ms period, which runs in this order: the plant for 20 ms (ten 2 ms steps: converter,
    /// DC circuit and battery, grid, meter, the CAN bridge and the BMS simulator's poll), then
    /// <see cref="ChargerRuntime.RunControlTick"/> (the drivers' services over the chip models, the GB/T session, the
    /// controller), then <see cref="ChargerRuntime.RunBackground"/> (the other threads' work on the device; never timed).
    /// Each operation is <b>one</b> period's part, timed alone (one invocation per iteration), and the untimed rest of
    /// the period runs in the iteration setup, so every benchmark sees the same live session tick after tick:
    /// </para>
    /// <list type="bullet">
    /// <item><see cref="PlantAndControlTick"/>: the plant's 20 ms and <c>RunControlTick()</c> (the whole period).</item>
    /// <item><see cref="ControlTickOnly"/>: <c>RunControlTick()</c> alone, the firmware's share (its drivers' SPI and
    /// pin traffic lands in the host's chip and pin models, which are counted in it).</item>
    /// <item><see cref="PlantOnly"/>: the plant's 20 ms alone (the outside world, BMS included; not firmware).</item>
    /// </list>
    /// The session (60 kWh from 40 % towards an 80 % target) moves less than 1 % of SoC over a run; the cleanup throws
    /// unless it is still charging with no fault, so a broken session reports no figure.
    /// </summary>
    [MemoryDiagnoser]
    [InvocationCount(1, 1)]
    [WarmupCount(200)]
    [IterationCount(3000)]
    [GcForce(false)]
    public class BoardRuntimeBenchmarks
    {
        private const double StartSocPercent = 40;
        private const double TargetSocPercent = 80;
        private const double ChargeCurrentA = 100;
        private const int CountedPeriods = 1000;

        private PlantBoard _rig;
        private PlantPeripherals _plant;
        private ChargerRuntime _runtime;
        private int _periodMs;
        private long _periods;

        [GlobalSetup]
        public void Setup()
        {
            _rig = new PlantBoard(Esp32PinMap.CreateGbt(), Esp32PinMap.MonitorGbtCc1Channel, StartSocPercent);
            _plant = _rig.Plant;
            _runtime = _rig.Runtime;
            _periodMs = _runtime.Settings.TickPeriodMs;
            PlantBoardGbtVehicle vehicle = _rig.AttachGbtVehicle(TargetSocPercent, ChargeCurrentA);
            for (int i = 0; i < 10; i++)
            {
                _rig.Tick();
            }

            if (_runtime.Controller.ActiveFaultCount != 0)
            {
                throw new InvalidOperationException("the board has a fault before plug-in");
            }

            vehicle.PlugIn();
            if (!_rig.TickUntil(ChargerState.EnergyTransfer, 500))
            {
                throw new InvalidOperationException("no energy transfer within 10 s of plug-in: state " + ((int)_runtime.Controller.State).ToString());
            }

            // 10 s of charging, with pauses: the ramp settles, and tiered compilation promotes the tick's methods
            // before BenchmarkDotNet's warm-up (a call-counting delay of 100 ms, restarted by every new method).
            for (int round = 0; round < 5; round++)
            {
                for (int i = 0; i < 100; i++)
                {
                    _rig.Tick();
                }

                Thread.Sleep(250);
            }

            // BenchmarkDotNet's memory pass is one operation, process-wide; count 1,000 periods on this thread too.
            long plantBytes = 0;
            long tickBytes = 0;
            for (int i = 0; i < CountedPeriods; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                _plant.Advance(_periodMs);
                long between = GC.GetAllocatedBytesForCurrentThread();
                _runtime.RunControlTick();
                long after = GC.GetAllocatedBytesForCurrentThread();
                _runtime.RunBackground();
                plantBytes += between - before;
                tickBytes += after - between;
            }

            RequireCharging(_rig.Runtime, "after setup");
            Console.WriteLine($"// setup: {CountedPeriods} periods allocated {tickBytes} B in RunControlTick() and {plantBytes} B in the plant (this thread)");
            Console.WriteLine($"// setup: charging at {_plant.Circuit.PowerW:0} W, {_plant.Circuit.CurrentA:0.0} A, SoC {_plant.Battery.SocPercent:0.000} %, t = {_plant.Clock.NowMs} ms");
        }

        [IterationSetup(Target = nameof(PlantAndControlTick))]
        public void BeforePlantAndControlTick()
        {
            _runtime.RunBackground();
        }

        [Benchmark(Description = "plant 20 ms + RunControlTick() (whole period)")]
        public void PlantAndControlTick()
        {
            _plant.Advance(_periodMs);
            _runtime.RunControlTick();
        }

        [IterationSetup(Target = nameof(ControlTickOnly))]
        public void BeforeControlTickOnly()
        {
            _runtime.RunBackground();
            _plant.Advance(_periodMs);
        }

        [Benchmark(Description = "RunControlTick() only (firmware's share)")]
        public void ControlTickOnly()
        {
            _runtime.RunControlTick();
        }

        [IterationSetup(Target = nameof(PlantOnly))]
        public void BeforePlantOnly()
        {
            _runtime.RunControlTick();
            _runtime.RunBackground();
        }

        [Benchmark(Description = "plant 20 ms only (outside world, BMS included)")]
        public void PlantOnly()
        {
            _plant.Advance(_periodMs);
        }

        [IterationCleanup]
        public void CountPeriod()
        {
            _periods++;
        }

        [GlobalCleanup]
        public void Cleanup()
        {
            Console.WriteLine($"// cleanup: {_periods} periods run by BenchmarkDotNet, charging at {_plant.Circuit.PowerW:0} W, SoC {_plant.Battery.SocPercent:0.000} %, t = {_plant.Clock.NowMs} ms");
            RequireCharging(_rig.Runtime, "after the run");
        }

        /// <summary>Throws unless the GB/T session is still charging in energy transfer with no fault.</summary>
        private static void RequireCharging(ChargerRuntime r, string when)
        {
            if (r.Controller.State != ChargerState.EnergyTransfer || r.Controller.ActiveFaultCount != 0
                || r.Gbt.Stage != GbtChargerStage.Charging || r.Gbt.LastFailure != null)
            {
                throw new InvalidOperationException(
                    $"{when}: the GB/T session is not charging: controller state {(int)r.Controller.State}, {r.Controller.ActiveFaultCount} active fault(s), "
                    + $"GB/T stage {r.Gbt.Stage}, failure {r.Gbt.LastFailure ?? "none"}");
            }
        }
    }
}
