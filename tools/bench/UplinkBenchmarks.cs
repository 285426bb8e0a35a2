using System;
using BenchmarkDotNet.Attributes;
using V2G.Firmware.Settings;
using V2G.Firmware.Storage;
using V2G.Firmware.Uplink;
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Storage;

namespace V2G.Bench
{
    /// <summary>
    /// The uplink service per control tick on the host, with a broker link that only counts: the
    /// control thread's Tick (sampling, events, limits, commands) and the uplink thread's Pump (encoding
    /// and publishing one telemetry sample per second), online; and one record through the outage
    /// queue on flash (enqueue, peek, mark sent), as while the broker is away and when it is back.
    /// </summary>
    [MemoryDiagnoser]
    public class UplinkBenchmarks
    {
        private SimulatedCharger _sim;
        private UplinkService _service;
        private OutageQueue _queue;
        private readonly byte[] _record = new byte[300];
        private readonly byte[] _peek = new byte[OutageQueue.MaxPayloadBytes];

        [GlobalSetup]
        public void Setup()
        {
            _sim = new SimulatedCharger(new ChargerSettings(), 60, 50, 50);
            var store = new FlashRecordStore(new SimulatedFlash(4096, 2), 16, 128);
            _service = new UplinkService(new UplinkSettings(), _sim.Controller, new CountingUplink(), new OutageQueue(new SimulatedFlash(4096, 16)), store,
                new SimWallClock(_sim.Clock, new DateTime(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc)), new SimEntropySource(7));
            _sim.Controller.SetDispatchPowerW(-10000);
            _sim.Vehicle.PlugIn(_sim.Clock.NowMs);

            // Into energy transfer, online: the steady state measured below.
            for (int i = 0; i < 3000; i++)
            {
                _sim.RunTick();
                _service.Tick(_sim.Clock.NowMs);
                _service.Pump(_sim.Clock.NowMs);
            }

            _queue = new OutageQueue(new SimulatedFlash(4096, 64));
            for (int i = 0; i < _record.Length; i++)
            {
                _record[i] = (byte)('a' + (i % 26));
            }
        }

        /// <summary>The uplink's share of one 20 ms control period: Tick, then Pump (a sample every 50th period).</summary>
        [Benchmark(Description = "UplinkService.Tick + Pump (one control period, online)")]
        public long TickAndPump()
        {
            // The clock moves without the plant: only the uplink's work is measured.
            _sim.Clock.Advance(20);
            long now = _sim.Clock.NowMs;
            _service.Tick(now);
            _service.Pump(now);
            return _service.TelemetrySeq;
        }

        [Benchmark(Description = "OutageQueue Enqueue + Peek + MarkSent (one 300-byte record)")]
        public int QueueRecord()
        {
            _queue.Enqueue(UplinkRecordClass.Telemetry, _record, 0, _record.Length);
            _queue.Peek(_peek, out int length, out UplinkRecordClass cls);
            _queue.MarkSent();
            return length;
        }
    }
}
