using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Battery;
using V2G.Firmware.Faults;
using V2G.Firmware.Session;
using V2G.IntegrationTests.TestSupport;
using V2G.Protocol.Telemetry;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// docs/asyncapi/v2g-charger.asyncapi.yaml, the MQTT contract, through tools/asyncapi/validate.mjs
    /// (@asyncapi/parser as pinned by its package-lock.json, plus every example against its payload
    /// schema): the document is valid, it has a channel for every topic of <see cref="UplinkTopics"/>
    /// and no channel the firmware does not have, what the protocol's encoders write matches it, and
    /// a broken copy is caught.
    /// </summary>
    [TestClass]
    public sealed class AsyncApiTests
    {
        private const string DocumentPath = "docs/asyncapi/v2g-charger.asyncapi.yaml";
        private const string ValidatorPath = "tools/asyncapi/validate.mjs";
        private const string ChannelRoot = "v2g/" + UplinkTopics.Version + "/{chargerId}/";

        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

        private static ValidatorRun _document;

        [ClassInitialize]
        public static void ValidateTheDocument(TestContext context)
        {
            _document = Validate(Path.Combine(RepositoryRoot.Path, DocumentPath));
        }

        [TestMethod]
        public void TheDocumentIsValidAsyncApiWithExamplesMatchingTheirSchemas()
        {
            Assert.AreEqual(0, _document.ExitCode, $"{DocumentPath} is not valid:\n{_document.Stderr}");
            StringAssert.Contains(_document.Stderr, "validate: OK: AsyncAPI 3.0.0");
        }

        [TestMethod]
        public void EveryUplinkTopicHasAChannel()
        {
            List<string> channels = Channels();
            string[] missing = UplinkTopics.Suffixes.Where(s => !channels.Contains(ChannelRoot + s)).ToArray();

            Assert.IsEmpty(missing, $"topics with no channel in {DocumentPath}: {string.Join(", ", missing)}");
        }

        [TestMethod]
        public void EveryChannelIsAnUplinkTopic()
        {
            string[] unknown = Channels()
                .Where(c => !c.StartsWith(ChannelRoot, StringComparison.Ordinal)
                    || !UplinkTopics.Suffixes.Contains(c.Substring(ChannelRoot.Length)))
                .ToArray();

            Assert.IsEmpty(unknown, $"channels of {DocumentPath} missing from UplinkTopics.Suffixes: {string.Join(", ", unknown)}");
        }

        [TestMethod]
        public void WhatTheEncodersWriteMatchesTheDocument()
        {
            using var temp = new TempFolder();
            string payloads = temp.File("payloads.json");
            File.WriteAllText(payloads, EncodedPayloads());
            ValidatorRun run = Validate(Path.Combine(RepositoryRoot.Path, DocumentPath), payloads);

            Assert.AreEqual(0, run.ExitCode, $"encoded payloads that {DocumentPath} does not allow:\n{run.Stderr}");
            StringAssert.Contains(run.Stderr, "payloads checked");
        }

        [TestMethod]
        [DataRow("the MQTT binding 0.1.0", "bindingVersion: 0.2.0", "bindingVersion: 0.1.0", "bindingVersion")]
        [DataRow("an operation on a channel that does not exist", "$ref: '#/channels/heartbeat'", "$ref: '#/channels/heartbeats'", "'#/channels/heartbeats' does not exist")]
        [DataRow("a misspelt channel field", "    address: v2g/1/{chargerId}/meter", "    adress: v2g/1/{chargerId}/meter", "\"adress\" is not expected")]
        [DataRow("an example that breaks its schema", "            power_W: -7400\n", "            power_W: \"-7400\"\n", "setpoint example dispatchExport: /power_W must be number")]
        [DataRow("a misspelt schema keyword", "      minimum: 0.001\n", "      minimun: 0.001\n", "unknown keyword: \"minimun\"")]
        public void ABrokenCopyFailsValidation(string breakage, string original, string replacement, string expectedDiagnostic)
        {
            string text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, DocumentPath));
            Assert.Contains(original, text, $"the document no longer has the text this test breaks ({breakage})");

            using var temp = new TempFolder();
            string broken = temp.File("broken.asyncapi.yaml");
            File.WriteAllText(broken, text.Replace(original, replacement));
            ValidatorRun run = Validate(broken);

            Assert.AreEqual(1, run.ExitCode, $"{breakage}: the validator passed a broken copy:\n{run.Stderr}");
            StringAssert.Contains(run.Stderr, expectedDiagnostic, $"{breakage}: not the expected diagnostic");
            StringAssert.Contains(run.Stderr, "validate: INVALID");
        }

        /// <summary>
        /// Every uplink message the protocol layer encodes, as the validator's --payloads array: each
        /// charger state and event kind, replies of each result, with and without the optional members.
        /// </summary>
        private static string EncodedPayloads()
        {
            long t = new DateTimeOffset(2026, 11, 26, 5, 0, 1, TimeSpan.Zero).ToUnixTimeMilliseconds();
            var w = new JsonWriter(1024);
            var entries = new List<string>();
            void Add(string suffix, string name, bool written)
            {
                Assert.IsTrue(written, $"{name} did not fit the writer");
                entries.Add($"{{\"channel\":\"{ChannelRoot}{suffix}\",\"name\":\"{name}\",\"payload\":{w}}}");
            }

            Add(UplinkTopics.StatusSuffix, "online", StatusEncoder.Write(w, true, "0.7.0", 42, t));
            Add(UplinkTopics.StatusSuffix, "will", StatusEncoder.WriteWill(w, "0.7.0", 42));
            var capabilities = new ChargerCapabilities
            {
                MaxChargePowerW = 30000, MaxDischargePowerW = 30000, MaxChargeCurrentA = 80, MaxDischargeCurrentA = 80,
                MinVoltageV = 150, MaxVoltageV = 920,
            };
            Add(UplinkTopics.CapabilitiesSuffix, "capabilities", CapabilitiesEncoder.Write(w, capabilities));
            Add(UplinkTopics.LimitsSuffix, "limits", LimitsEncoder.Write(w, t, 30000, 11000, LimitSources.Charger, LimitSources.Vehicle));
            Add(UplinkTopics.LimitsSuffix, "limits heartbeat loss", LimitsEncoder.Write(w, t, 30000, 0, LimitSources.Charger, LimitSources.HeartbeatLoss));

            for (int i = 0; i < ChargerStateNames.Count; i++)
            {
                var sample = new TelemetrySample
                {
                    UnixMs = t, Seq = i + 1, State = ChargerStateNames.Of((ChargerState)i),
                    PowerW = -7400, DcVoltageV = 401.2, DcCurrentA = -18.6, DcPowerW = -7462.3, FrequencyHz = 49.987,
                    SocPercent = 55.2, HasSetpoint = true, SetpointW = -7400, SetpointId = "abc", DroopW = 0,
                    LimitReason = PowerLimitReasonNames.Of((PowerLimitReason)(i % 8)), BatteryClipReason = "none", ActiveFaults = 0,
                };
                Add(UplinkTopics.TelemetrySuffix, "telemetry " + sample.State, TelemetryEncoder.Write(w, ref sample, historical: i % 2 == 1));
            }

            for (int i = 0; i < BatteryClipReasonNames.Count; i++)
            {
                var clipped = new TelemetrySample
                {
                    UnixMs = t, Seq = 50 + i, State = ChargerStateNames.Of(ChargerState.EnergyTransfer),
                    PowerW = 0, DcVoltageV = 372.45, FrequencyHz = 50.004, SocPercent = 30, HasSetpoint = true, SetpointW = -20000,
                    SetpointId = "evening-peak-17", LimitReason = "none", BatteryClipReason = BatteryClipReasonNames.Of((BatteryClipReason)i),
                    BatteryClippedDcW = i == 0 ? 0 : 21052.63,
                };
                Add(UplinkTopics.TelemetrySuffix, "telemetry clipped " + clipped.BatteryClipReason, TelemetryEncoder.Write(w, ref clipped, historical: false));
            }

            var idle = new TelemetrySample
            {
                UnixMs = t, Seq = 99, State = "idle", FrequencyHz = double.NaN, SocPercent = double.NaN,
                HasSetpoint = false, LimitReason = "none", BatteryClipReason = "none", ActiveFaults = 2,
            };
            Add(UplinkTopics.TelemetrySuffix, "telemetry idle without measurements", TelemetryEncoder.Write(w, ref idle, historical: false));

            string[] clipNames = new string[BatteryClipReasonNames.Count - 1];
            long[] everyReason = new long[MeterRecord.MaxClipReasons];
            for (int i = 0; i < clipNames.Length; i++)
            {
                clipNames[i] = BatteryClipReasonNames.Of((BatteryClipReason)(i + 1));
                everyReason[i] = 1000 + i;
            }

            var meter = new MeterRecord
            {
                UnixMs = t, Seq = 3, EnergyImportWh = 1523400, EnergyExportWh = 402100, SessionChargedWh = 0,
                SessionDischargedWh = 1850.5, Sessions = 118, SessionEfc = 0.0178, LifetimeEfc = 96.4213, CapacityLossPercent = 2.4127,
                DegradationCost = 0.131, CostPerKWhDischarged = 0.0708, Currency = "CNY",
                ClipReasonNames = clipNames, ClipTicks = everyReason, ClipReasonCount = clipNames.Length,
            };
            Add(UplinkTopics.MeterSuffix, "meter every clip reason", MeterEncoder.Write(w, ref meter, historical: true));

            var unknownCost = new MeterRecord
            {
                UnixMs = t, Seq = 4, EnergyImportWh = 1525100, EnergyExportWh = 402100, SessionChargedWh = 1700, Sessions = 118,
                SessionEfc = 0.0163, LifetimeEfc = 12.5, CapacityLossPercent = 0.3021, DegradationCost = double.NaN,
                CostPerKWhDischarged = double.NaN, Currency = "", ClipReasonNames = clipNames, ClipTicks = new long[MeterRecord.MaxClipReasons],
                ClipReasonCount = clipNames.Length,
            };
            Add(UplinkTopics.MeterSuffix, "meter cost unknown, nothing clipped", MeterEncoder.Write(w, ref unknownCost, historical: false));

            FaultInfo fault = FaultCatalogue.At(FaultCatalogue.Count - 1);
            foreach (string kind in UplinkEventKinds.All)
            {
                var e = new UplinkEvent { UnixMs = t, Seq = 7, Kind = kind };
                if (kind == UplinkEventKinds.State)
                {
                    e.State = ChargerStateNames.Of(ChargerState.EnergyTransfer);
                }
                else if (kind == UplinkEventKinds.FaultRaised || kind == UplinkEventKinds.FaultCleared)
                {
                    e.Fault = fault.Name;
                    e.HasValue = kind == UplinkEventKinds.FaultRaised;
                    e.Value = 92.5;
                }
                else if (kind == UplinkEventKinds.SetpointExpired)
                {
                    e.HasValue = true;
                    e.Value = -7400;
                }

                Add(UplinkTopics.EventSuffix, "event " + kind, EventEncoder.Write(w, ref e, historical: false));
            }

            Add(UplinkTopics.SetpointReplySuffix, "reply accepted", SetpointReplyEncoder.Write(w, "abc", SetpointResults.Accepted, true, -7400, null, t));
            Add(UplinkTopics.SetpointReplySuffix, "reply clamped", SetpointReplyEncoder.Write(w, "def", SetpointResults.Clamped, true, -11000, "vehicle_power_limit", t));
            Add(UplinkTopics.SetpointReplySuffix, "reply rejected", SetpointReplyEncoder.Write(w, "ghi", SetpointResults.Rejected, false, 0, "expired", t));
            Add(UplinkTopics.SetpointReplySuffix, "reply rejected without id", SetpointReplyEncoder.Write(w, null, SetpointResults.Rejected, false, 0, "malformed JSON at byte 17: expected ':'", t));

            Add(UplinkTopics.DroopSuffix, "droop at connect", DroopConfigEncoder.Write(w, t, true, "ieee1547-cat2", 50, 0.036, 0.036, 0.05, 0.05, 5, 30000, null, null));
            Add(UplinkTopics.DroopSuffix, "droop accepted", DroopConfigEncoder.Write(w, t, true, "custom", 60, 0.017, 0.017, 0.02, 0.02, 0.2, 30000, DroopConfigEncoder.Accepted, null));
            Add(UplinkTopics.DroopSuffix, "droop rejected", DroopConfigEncoder.Write(w, t, false, "custom", 60, 0.036, 0.036, 0.05, 0.05, 5, 30000, DroopConfigEncoder.Rejected, "nominal frequency outside 40..70 Hz"));

            return "[\n" + string.Join(",\n", entries) + "\n]\n";
        }

        private static List<string> Channels()
        {
            Assert.AreEqual(0, _document.ExitCode, $"{DocumentPath} is not valid, so its channels are unknown:\n{_document.Stderr}");
            return _document.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        /// <summary>Runs <c>node tools/asyncapi/validate.mjs file [--payloads json]</c>; fails the test with the reason when node or the packages are missing.</summary>
        private static ValidatorRun Validate(string documentPath, string payloadsPath = null)
        {
            string root = RepositoryRoot.Path;
            string packages = Path.Combine(root, "tools", "asyncapi", "node_modules", "@asyncapi", "parser");
            if (!Directory.Exists(packages))
            {
                string log = Path.Combine(root, "out", "asyncapi-npm-ci.log");
                Assert.Fail("the AsyncAPI validator's packages are not installed: run `npm ci` in tools/asyncapi "
                    + "(tools/run-tests.sh does it when node_modules is missing)"
                    + (File.Exists(log) ? "; npm ci said:\n" + File.ReadAllText(log) : ""));
            }

            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(ValidatorPath);
            start.ArgumentList.Add(documentPath);
            if (payloadsPath != null)
            {
                start.ArgumentList.Add("--payloads");
                start.ArgumentList.Add(payloadsPath);
            }

            Process process;
            try
            {
                process = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail($"node could not be started ({e.Message}): tools/run-tests.sh installs nodejs and npm from Debian");
                return null;
            }

            using (process)
            {
                Task<string> stdout = process.StandardOutput.ReadToEndAsync();
                Task<string> stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(Timeout))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"node {ValidatorPath} {documentPath} did not exit within {Timeout.TotalSeconds} s");
                }

                process.WaitForExit();
                return new ValidatorRun(process.ExitCode, stdout.Result, stderr.Result);
            }
        }

        private sealed record ValidatorRun(int ExitCode, string Stdout, string Stderr);
    }
}
