using BenchmarkDotNet.Attributes;
using V2G.Protocol.Telemetry;

namespace V2G.Bench
{
    /// <summary>
    /// The uplink's codec on the host: encoding one telemetry sample into the preallocated buffer (it
    /// must show 0 B allocated), and reading one setpoint command (reader plus SetpointCommand rules;
    /// the id and valid_until strings are the only allocations).
    /// </summary>
    [MemoryDiagnoser]
    public class TelemetryBenchmarks
    {
        private static readonly byte[] SetpointPayload = Utf8.Encode(
            "{\"id\":\"6f1c2e0a-4b7d-4e8a-9c3f-2d5b8a1e7c40\",\"power_W\":-7400,\"valid_until\":\"2026-11-26T06:00:00Z\","
            + "\"priority\":100,\"purpose\":\"dispatch\",\"price_spread_per_kWh\":0.2}");

        // 2026-11-26T05:00:00Z: before the payload's valid_until.
        private const long NowUnixMs = 1795669200000;

        private readonly JsonWriter _writer = new JsonWriter(512);
        private readonly JsonReader _reader = new JsonReader();
        private readonly SetpointCommand _command = new SetpointCommand();
        private TelemetrySample _sample;

        [GlobalSetup]
        public void Setup()
        {
            _sample.UnixMs = 1795669201000;
            _sample.Seq = 17;
            _sample.State = "energy_transfer";
            _sample.PowerW = -7400;
            _sample.DcVoltageV = 401.2;
            _sample.DcCurrentA = -18.6;
            _sample.DcPowerW = -7462.3;
            _sample.FrequencyHz = 49.987;
            _sample.SocPercent = 55.2;
            _sample.HasSetpoint = true;
            _sample.SetpointW = -7400;
            _sample.SetpointId = "6f1c2e0a-4b7d-4e8a-9c3f-2d5b8a1e7c40";
            _sample.LimitReason = "none";
            _sample.BatteryClipReason = "none";
        }

        [Benchmark(Description = "TelemetryEncoder.Write (one sample)")]
        public int EncodeSample()
        {
            _sample.Seq++;
            _sample.UnixMs += 1000;
            TelemetryEncoder.Write(_writer, ref _sample, false);
            return _writer.Length;
        }

        [Benchmark(Description = "JsonReader.Parse + SetpointCommand.Parse (one setpoint)")]
        public string ParseSetpoint()
        {
            _reader.Parse(SetpointPayload, SetpointPayload.Length);
            return SetpointCommand.Parse(_reader, NowUnixMs, 300000, _command);
        }
    }
}
