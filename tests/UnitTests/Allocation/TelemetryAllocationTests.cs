#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Allocation
{
    /// <summary>
    /// The uplink encodes a sample every second and a burst of records after each outage: encoding
    /// allocates nothing, and neither does validating a command or looking up its numbers (only the
    /// strings asked for are allocated). Counted on the host with the per-thread allocation counter.
    /// </summary>
    [TestClass]
    public class TelemetryAllocationTests
    {
#if !NANOFRAMEWORK_1_0
        private static TelemetrySample Sample()
        {
            TelemetrySample s = new TelemetrySample();
            s.UnixMs = 1795669201000;
            s.State = "energy_transfer";
            s.PowerW = -7400;
            s.DcVoltageV = 401.2;
            s.DcCurrentA = -18.6;
            s.DcPowerW = -7462.3;
            s.FrequencyHz = 49.987;
            s.SocPercent = 55.2;
            s.HasSetpoint = true;
            s.SetpointW = -7400;
            s.SetpointId = "abc";
            s.LimitReason = "none";
            s.BatteryClipReason = "none";
            return s;
        }
#endif

        [TestMethod]
        public void TenThousandTelemetryEncodesAllocateNothing()
        {
#if !NANOFRAMEWORK_1_0
            JsonWriter w = new JsonWriter(512);
            TelemetrySample s = Sample();
            MeterRecord m = new MeterRecord();
            m.Currency = "CNY";
            m.ClipReasonNames = new string[] { "soc_reserve", "soc_max" };
            m.ClipTicks = new long[MeterRecord.MaxClipReasons];
            m.ClipReasonCount = 2;
            m.ClipTicks[0] = 1;
            UplinkEvent e = new UplinkEvent();
            e.Kind = UplinkEventKinds.FaultRaised;
            e.Fault = "isolation";
            e.HasValue = true;
            TelemetryEncoder.Write(w, ref s, false);
            MeterEncoder.Write(w, ref m, false);
            EventEncoder.Write(w, ref e, false);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            int total = 0;
            for (int i = 0; i < 10000; i++)
            {
                s.Seq = i + 1;
                s.UnixMs += 1000;
                s.PowerW = -7400 + i * 0.37;
                s.FrequencyHz = 49.9 + (i % 200) * 0.001;
                TelemetryEncoder.Write(w, ref s, (i & 1) == 0);
                total += w.Length;
                m.Seq = i;
                m.EnergyImportWh += 12.5;
                m.LifetimeEfc += 0.001;
                m.ClipTicks[0] = i;
                MeterEncoder.Write(w, ref m, false);
                e.Seq = i;
                e.Value = i;
                EventEncoder.Write(w, ref e, true);
            }

            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.IsTrue(total > 10000 * 300, "the samples were written");
            Assert.AreEqual(0L, bytes, "bytes allocated by 10 000 encodes of each kind");
#endif
        }

        [TestMethod]
        public void ValidatingACommandAndReadingItsNumbersAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            byte[] payload = Utf8.Encode("{\"id\":\"abc-1\",\"power_W\":-7400,\"valid_until\":\"2026-11-26T06:00:00Z\",\"priority\":100,\"purpose\":\"arbitrage\",\"x\":{\"y\":[1,2.5e3,\"\\u00e9\"]}}");
            JsonReader r = new JsonReader();
            double power;
            long priority;
            r.Parse(payload, payload.Length);
            r.TryGetNumber("power_W", out power);
            r.TryGetInteger("priority", out priority);
            r.IndexOfString("purpose", SetpointPurposes.All);
            r.KeyAtIsOneOf(0, SetpointCommand.Keys);

            long before = System.GC.GetAllocatedBytesForCurrentThread();
            int found = 0;
            for (int i = 0; i < 10000; i++)
            {
                if (r.Parse(payload, payload.Length) == null && r.TryGetNumber("power_W", out power) && r.TryGetInteger("priority", out priority)
                    && r.IndexOfString("purpose", SetpointPurposes.All) == 1 && r.KeyAtIsOneOf(0, SetpointCommand.Keys))
                {
                    found++;
                }
            }

            long bytes = System.GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(10000, found);
            Assert.AreEqual(0L, bytes, "bytes allocated by 10 000 parses");
#endif
        }
    }
}
