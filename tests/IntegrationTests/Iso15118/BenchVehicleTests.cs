using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.EvSim;
using V2G.IntegrationTests.TestSupport;
using V2G.Sim.Scenarios;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Iso15118
{
    /// <summary>
    /// The bench EV simulator (tools/evsim) against the simulator board listening as a charger for a
    /// vehicle outside it: two independent ends in wall time over a real socket, as on a bench.
    /// Real time means real deadlines (0.5 s in the charge loop): this class runs alone, after the
    /// parallel ones, so a CPU-heavy neighbour (the fuzz test) cannot starve either end on 2 cores.
    /// </summary>
    [TestClass]
    [DoNotParallelize]
    public class BenchVehicleTests
    {
        private static string Tail(V2G.Protocol.Trace.MessageLog log)
        {
            var text = new System.Text.StringBuilder();
            for (int i = System.Math.Max(0, log.Count - 12); i < log.Count; i++)
            {
                var e = log.Get(i);
                text.Append($"  {e.TimeMs} {e.Direction} {e.Message} {e.Details} {e.Failure}\n");
            }

            return text.ToString();
        }

        [TestMethod]
        [Timeout(120000, CooperativeCancellation = true)]
        public void TheBenchVehicleChargesAndDischargesOnAListeningChargerOverMutualTls()
        {
            using var pkiDir = new TempFolder();
            var scenario = new Scenario { Name = "bench", EndSeconds = 60 };
            scenario.At(0, "dispatch", powerW: 10000).At(0, "plug").At(6, "dispatch", powerW: -10000);
            var link = new IsoLinkOptions
            {
                Tls = true,
                MutualAuthentication = true,
                ListenEndPoint = new System.Net.IPEndPoint(System.Net.IPAddress.IPv6Loopback, 0),
                PkiDirectory = pkiDir.Path,
            };
            var charger = new ScenarioRunner(scenario, speed: 1, sampleIntervalMs: 1000, protocol: "listen", link: link);
            var listener = (ExternalVehicleListener)charger.Vehicle;
            Task<RunResult> chargerRun = Task.Run(() => charger.Run());

            var vehicle = new BenchVehicle(new BenchVehicleOptions
            {
                Charger = listener.EndPoint,
                Tls = true,
                CaFile = Path.Combine(pkiDir.Path, "charger-root.cer"),
                CertificateFile = Path.Combine(pkiDir.Path, "vehicle.pfx"),
                StopAfterS = 11,
                TimeLimitS = 60,
            });
            bool vehicleOk = vehicle.Run(CancellationToken.None);
            RunResult result = chargerRun.Wait(60000) ? chargerRun.Result : null;

            Assert.IsTrue(vehicleOk, $"vehicle: {vehicle.Session.EndReason} {vehicle.Session.Failure}\nvehicle log:\n{Tail(vehicle.Session.Log)}\ncharger log:\n{Tail(listener.SeccLog)}");
            Assert.AreEqual("vehicle_stop", vehicle.Session.EndReason);
            StringAssert.StartsWith(vehicle.Security, "tls13 ");
            Assert.IsNotNull(result, "the charger's run ended after the vehicle left");
            Assert.AreEqual("ok", result.Result, string.Join("; ", result.SessionFailures));
            StringAssert.StartsWith(result.Security, "tls13 ");
            Assert.IsTrue(result.VehicleCertificatePresented);
            Assert.IsGreaterThan(0.0, result.EnergyChargedWh);
            Assert.IsGreaterThan(0.0, result.EnergyDischargedWh);
            Assert.IsTrue(result.EndedSafe);
        }
    }
}
