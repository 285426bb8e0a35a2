using System;
using System.Diagnostics;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Settings;
using V2G.Firmware.Uplink;
using V2G.Firmware.Uplink.StoreAndForward;
using V2G.Hal.Comms;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Storage;
using V2G.Sim.Uplink;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// The simulator board's charger with the firmware's <see cref="UplinkService"/> over MQTTnet to a real
    /// broker, in this process and without the simulator's runner: the test drives simulated time itself.
    /// Each control period runs the plant and the controller, then <see cref="UplinkService.Tick"/>; every
    /// <see cref="PumpEveryTicks"/> periods <see cref="UplinkService.Pump"/> runs on the same thread. While
    /// the transport is connecting, simulated time waits (a few wall milliseconds) for the network, so a
    /// connect that the broker answers is never timed out by simulated time racing ahead.
    /// </summary>
    public sealed class ChargerOnBroker : IDisposable
    {
        /// <summary>Calendar time at simulated 0.</summary>
        public static readonly DateTime StartUtc = new DateTime(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc);

        private static readonly TimeSpan NetworkWait = TimeSpan.FromSeconds(15);

        private readonly MqttNetUplink _mqtt;
        private long _ticks;

        /// <param name="queueSectors">Sectors of 4 KiB of the outage queue's flash (the board has 256).</param>
        public ChargerOnBroker(string host, int port, UplinkSettings settings, int queueSectors = SimulatedCharger.UplinkFlashSectors)
        {
            Sim = new SimulatedCharger(new ChargerSettings(), 60, 60, 50);
            _mqtt = new MqttNetUplink(new MqttNetUplinkOptions { Host = host, Port = port, TimeoutMs = 5000 });
            Network = new NetworkCutUplink(_mqtt);
            QueueFlash = new SimulatedFlash(SimulatedCharger.UplinkFlashSectorBytes, queueSectors);
            Queue = new OutageQueue(QueueFlash);
            Service = new UplinkService(settings, Sim.Controller, Network, Queue, Sim.Store, new SimWallClock(Sim.Clock, StartUtc), new SimEntropySource(7));
            Service.UseMeter(Sim.Meter);
        }

        public SimulatedCharger Sim { get; }

        public NetworkCutUplink Network { get; }

        public SimulatedFlash QueueFlash { get; }

        public OutageQueue Queue { get; }

        public UplinkService Service { get; }

        public long NowMs => Sim.Clock.NowMs;

        /// <summary>Control periods between two pumps (5 × 20 ms: the uplink thread's 100 ms).</summary>
        public int PumpEveryTicks { get; set; } = 5;

        /// <summary>Runs after each control period's Tick (the aggregator's heartbeats, say), with the simulated time.</summary>
        public Action<long> AfterTick { get; set; }

        /// <summary>When true, the bytes the service's Tick allocates are summed in <see cref="TickAllocatedBytes"/>.</summary>
        public bool MeasureTickAllocations { get; set; }

        public long TickAllocatedBytes { get; private set; }

        public long TicksMeasured { get; private set; }

        /// <summary>Telemetry seq handed over before the last pump that ended offline (so published historical or kept).</summary>
        public long LastSeqPumpedOffline { get; private set; }

        /// <summary>Calendar time of simulated <paramref name="simMs"/> as RFC 3339.</summary>
        public static string Rfc3339(long simMs) => StartUtc.AddMilliseconds(simMs).ToString("yyyy-MM-ddTHH:mm:ssZ");

        /// <summary>Pumps without advancing simulated time until online (a board's first connect), at most <paramref name="wallMs"/>.</summary>
        public void WaitOnline(int wallMs = 10000)
        {
            var wall = Stopwatch.StartNew();
            while (!Service.IsOnline && wall.ElapsedMilliseconds < wallMs)
            {
                Pump();
                if (!Service.IsOnline)
                {
                    Thread.Sleep(2);
                }
            }

            Assert.IsTrue(Service.IsOnline, $"not online within {wallMs} ms: {Service.LastError}");
        }

        /// <summary>Runs <paramref name="ms"/> of simulated time.</summary>
        public void Run(long ms)
        {
            long end = NowMs + ms;
            while (NowMs < end)
            {
                Step();
            }
        }

        /// <summary>Runs until <paramref name="done"/> holds, at most <paramref name="maxMs"/> of simulated time; false if it never did.</summary>
        public bool RunUntil(Func<bool> done, long maxMs)
        {
            long end = NowMs + maxMs;
            while (!done())
            {
                if (NowMs >= end)
                {
                    return false;
                }

                Step();
            }

            return true;
        }

        /// <summary>
        /// Runs one pump period at a time with a wall millisecond between, until <paramref name="done"/>
        /// holds (something coming from the broker: its arrival takes wall time), at most <paramref name="wallMs"/>.
        /// </summary>
        public bool RunUntilWall(Func<bool> done, int wallMs)
        {
            var wall = Stopwatch.StartNew();
            while (!done())
            {
                if (wall.ElapsedMilliseconds > wallMs)
                {
                    return false;
                }

                for (int i = 0; i < PumpEveryTicks; i++)
                {
                    Step();
                }

                Thread.Sleep(1);
            }

            return true;
        }

        /// <summary>One control period, and the pump when it is due.</summary>
        public void Step()
        {
            Sim.RunTick();
            long now = NowMs;
            if (MeasureTickAllocations)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Service.Tick(now);
                TickAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                TicksMeasured++;
            }
            else
            {
                Service.Tick(now);
            }

            AfterTick?.Invoke(now);
            if (++_ticks % PumpEveryTicks == 0)
            {
                Pump();
            }
        }

        /// <summary>The uplink thread's pump; while the transport connects, waits for it in wall time (simulated time stands still).</summary>
        public void Pump()
        {
            long handedOver = Service.TelemetrySeq;
            Service.Pump(NowMs);
            if (Network.LinkState == UplinkLinkState.Connecting)
            {
                var wall = Stopwatch.StartNew();
                while (Network.LinkState == UplinkLinkState.Connecting && wall.Elapsed < NetworkWait)
                {
                    Thread.Sleep(1);
                }

                Service.Pump(NowMs);
            }

            if (!Service.IsOnline)
            {
                LastSeqPumpedOffline = handedOver;
            }
        }

        public void Dispose()
        {
            _mqtt.Dispose();
        }
    }
}
