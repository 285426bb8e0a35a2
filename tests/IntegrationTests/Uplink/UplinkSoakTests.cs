using System;
using System.Buffers;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using V2G.Firmware.Session;
using V2G.Firmware.Uplink;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// The host soak of issue 7: many thousand telemetry publishes through the firmware's UplinkService over
    /// MQTTnet to mosquitto (out of process, so the heap measured is the charger's side alone), with the
    /// telemetry period shortened to one sample per control period.
    /// </summary>
    [TestClass]
    public sealed class UplinkSoakTests
    {
        private const int WarmUpSamples = 2_000;
        private const int SoakSamples = 20_000;
        private const long HeapGrowthBoundBytes = 2 * 1024 * 1024;

        [TestMethod]
        [DoNotParallelize] // The heap is the whole process's: other tests beside it would blur it.
        public void TwentyThousandTelemetryPublishesLeaveTheHeapFlatAndTickAllocatesNothing()
        {
            var wall = Stopwatch.StartNew();
            using var mosquitto = new Mosquitto();
            var settings = new UplinkSettings { ChargerId = "soak-0001", TelemetryActivePeriodMs = 20, TelemetryIdlePeriodMs = 20 };
            using var charger = new ChargerOnBroker(mosquitto.Host, mosquitto.Port, settings);
            using var counter = new SeqCounter(mosquitto.Host, mosquitto.Port, "v2g/1/" + settings.ChargerId + "/telemetry", WarmUpSamples + SoakSamples + 1000);

            charger.WaitOnline();
            charger.Sim.Vehicle.PlugIn(charger.NowMs);
            Assert.IsTrue(charger.RunUntil(() => charger.Service.TelemetrySeq >= WarmUpSamples, 120_000));
            Assert.AreEqual(ChargerState.EnergyTransfer, charger.Sim.Controller.State, "charging through the soak");

            long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
            long seqBefore = charger.Service.TelemetrySeq;
            long publishedBefore = charger.Service.Published;
            var soakWall = Stopwatch.StartNew();
            charger.MeasureTickAllocations = true;
            Assert.IsTrue(charger.RunUntil(() => charger.Service.TelemetrySeq >= WarmUpSamples + SoakSamples / 2, 600_000));
            long heapHalfway = GC.GetTotalMemory(forceFullCollection: true);
            Assert.IsTrue(charger.RunUntil(() => charger.Service.TelemetrySeq >= WarmUpSamples + SoakSamples, 600_000));
            charger.MeasureTickAllocations = false;
            charger.Pump();
            long soakWallMs = soakWall.ElapsedMilliseconds;
            long heapAfter = GC.GetTotalMemory(forceFullCollection: true);
            long samples = charger.Service.TelemetrySeq - seqBefore;
            long published = charger.Service.Published - publishedBefore;

            long last = charger.Service.TelemetrySeq;
            bool all = counter.WaitForAll(last, 15_000);
            Console.WriteLine($"soak: {samples} samples ({published} publishes) in {soakWallMs} ms wall, {charger.NowMs / 1000.0} s simulated; heap {heapBefore} B before, {heapHalfway} B halfway, {heapAfter} B after ({heapAfter - heapBefore:+#;-#;0} B)");
            Console.WriteLine($"Tick: {charger.TickAllocatedBytes} B allocated over {charger.TicksMeasured} ticks ({(double)charger.TickAllocatedBytes / samples:0.###} B per sample)");
            Console.WriteLine($"subscriber: {counter.Distinct} distinct of 1..{last}, {counter.Duplicates} duplicates, first missing {counter.FirstMissing(last)}; publish failures {charger.Service.PublishFailures}, queued {charger.Queue.Enqueued}; total wall {wall.ElapsedMilliseconds} ms");

            Assert.IsGreaterThanOrEqualTo((long)SoakSamples, samples);
            Assert.AreEqual(0L, charger.Service.PublishFailures, charger.Service.LastError);
            Assert.AreEqual(0L, charger.Queue.Enqueued, "never offline");
            Assert.IsTrue(all, $"the subscriber has {counter.Distinct} of 1..{last}, first missing {counter.FirstMissing(last)}");
            Assert.IsLessThan(HeapGrowthBoundBytes, heapAfter - heapBefore, "the heap grows with the number of publishes");
            Assert.AreEqual(0L, charger.TickAllocatedBytes, $"UplinkService.Tick allocated {charger.TickAllocatedBytes} B over {charger.TicksMeasured} ticks");
        }

        /// <summary>
        /// A subscriber that keeps no message: it marks each telemetry seq in a preallocated table, so its
        /// own memory does not grow with the soak.
        /// </summary>
        private sealed class SeqCounter : IDisposable
        {
            private static readonly byte[] Marker = "\"seq\":"u8.ToArray();
            private readonly IMqttClient _client;
            private readonly bool[] _seen;
            private int _distinct;
            private int _duplicates;
            private int _unreadable;

            public SeqCounter(string host, int port, string topic, int capacity)
            {
                _seen = new bool[capacity + 1];
                _client = new MqttClientFactory().CreateMqttClient();
                _client.ApplicationMessageReceivedAsync += e =>
                {
                    Mark(e.ApplicationMessage.Payload);
                    return Task.CompletedTask;
                };
                MqttClientOptions options = new MqttClientOptionsBuilder()
                    .WithTcpServer(host, port)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithClientId("soak-counter")
                    .WithCleanStart(true)
                    .Build();
                using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                {
                    _client.ConnectAsync(options, timeout.Token).GetAwaiter().GetResult();
                }

                using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
                {
                    _client.SubscribeAsync(topic, MqttQualityOfServiceLevel.AtLeastOnce, timeout.Token).GetAwaiter().GetResult();
                }
            }

            public int Distinct => Volatile.Read(ref _distinct);

            public int Duplicates => Volatile.Read(ref _duplicates);

            public bool WaitForAll(long last, int wallMs)
            {
                var wall = Stopwatch.StartNew();
                while (Distinct < last && wall.ElapsedMilliseconds < wallMs)
                {
                    Thread.Sleep(10);
                }

                return Distinct == last && FirstMissing(last) == 0 && Volatile.Read(ref _unreadable) == 0;
            }

            public long FirstMissing(long last)
            {
                lock (_seen)
                {
                    for (long s = 1; s <= last && s < _seen.Length; s++)
                    {
                        if (!_seen[s])
                        {
                            return s;
                        }
                    }
                }

                return 0;
            }

            private void Mark(ReadOnlySequence<byte> payload)
            {
                ReadOnlySpan<byte> bytes = payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray();
                int at = bytes.IndexOf(Marker);
                long seq = 0;
                int i = at + Marker.Length;
                while (at >= 0 && i < bytes.Length && bytes[i] >= '0' && bytes[i] <= '9')
                {
                    seq = seq * 10 + (bytes[i++] - '0');
                }

                lock (_seen)
                {
                    if (at < 0 || seq < 1 || seq >= _seen.Length)
                    {
                        _unreadable++;
                    }
                    else if (_seen[seq])
                    {
                        _duplicates++;
                    }
                    else
                    {
                        _seen[seq] = true;
                        _distinct++;
                    }
                }
            }

            public void Dispose()
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    _client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).GetAwaiter().GetResult();
                }
                catch (Exception)
                {
                    // The broker may be gone already.
                }

                _client.Dispose();
            }
        }
    }
}
