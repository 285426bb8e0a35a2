using System;
using System.Text;
using V2G.Firmware.Diagnostics;
using V2G.Firmware.Diagnostics.Log;
using V2G.Firmware.Uplink;
using V2G.Protocol.Trace;
using V2G.Sim.Plant.Board;

namespace V2G.Sim.Diagnostics
{
    /// <summary>
    /// The simulator board's diagnostics shell, wired as on a device: the firmware's <see cref="DiagnosticShell"/>
    /// with the whole command table, on a UART that is one end of a socat pseudo-terminal pair
    /// (<see cref="SocatPtyPair"/>), over the board's controller, diagnostic log, config keys and uplink. On the
    /// simulator it runs in the lockstep's one thread: <see cref="Poll"/> once a tick, after the control tick.
    /// </summary>
    public sealed class SimShell : IDisposable
    {
        /// <summary>Entropy seed of the login challenges (a run repeats; nothing here guards a real charger).</summary>
        private const uint ChallengeSeed = 0x5E11;

        private readonly SocatPtyPair _pair;
        private readonly PtySerialPort _port;
        private readonly ShellServices _services;

        /// <param name="log">The board's diagnostic log (fed by the runner from the controller's history and faults).</param>
        /// <param name="config">The board's config keys.</param>
        /// <param name="uplink">The uplink, or null.</param>
        /// <param name="pin">The technician PIN.</param>
        /// <param name="ptyDirectory">Where the pair's links go; null = a fresh temporary folder.</param>
        public SimShell(SimulatedCharger charger, DiagnosticLog log, ChargerConfig config, UplinkService uplink, string pin, string ptyDirectory)
        {
            ArgumentNullException.ThrowIfNull(charger);
            _pair = SocatPtyPair.Start(ptyDirectory);
            try
            {
                _port = new PtySerialPort(_pair.DevicePath);
            }
            catch
            {
                _pair.Dispose();
                throw;
            }

            Host = new SimShellHost(charger.Clock, new UplinkSettings().FirmwareVersion);
            _services = new ShellServices
            {
                Controller = charger.Controller,
                Log = log,
                Config = config,
                Uplink = uplink,
                Host = Host,
                Entropy = new SimEntropySource(ChallengeSeed),
            };
            var settings = new ShellSettings(DeviceSecret());
            settings.SetPin(pin);
            Shell = new DiagnosticShell(settings, _port, V2G.Firmware.Diagnostics.Commands.ShellCommands.All(), _services);
        }

        /// <summary>The technician's end of the pair: what <c>shell:</c> prints.</summary>
        public string TechnicianPath => _pair.TechnicianPath;

        public DiagnosticShell Shell { get; }

        public SimShellHost Host { get; }

        /// <summary>Bytes the UART could not place because no one read the technician's end.</summary>
        public long BytesDropped => _port.BytesDropped;

        /// <summary>
        /// The simulated board's device secret: fixed, so that a technician's tool can answer the login challenge
        /// (HMAC-SHA256 over the challenge with SHA-256 of "v2g-sim device secret"); a device has its own, random.
        /// </summary>
        public static byte[] DeviceSecret()
        {
            byte[] seed = Encoding.ASCII.GetBytes("v2g-sim device secret");
            byte[] digest = new byte[V2G.Protocol.Slac.Sha256.DigestLength];
            new V2G.Protocol.Slac.Sha256().Compute(seed, 0, seed.Length, digest);
            return digest;
        }

        /// <summary>Runs the shell once (reads what the technician typed, runs at most one step, writes a bounded slice).</summary>
        /// <param name="trace">The decoded message log of the current or last vehicle session, or null.</param>
        public void Poll(long nowMs, MessageLog trace)
        {
            _services.Trace = trace;
            Shell.Poll(nowMs);
        }

        /// <summary>
        /// Before the pair goes (the run ends): the shell finishes what it was writing (the reply to the reboot)
        /// within <paramref name="wallMs"/> of wall time, and socat gets a moment to relay it.
        /// </summary>
        public void Flush(long nowMs, int wallMs)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while ((Shell.PendingOutputBytes > 0 || Shell.IsStreaming) && clock.ElapsedMilliseconds < wallMs)
            {
                Shell.Poll(nowMs);
                System.Threading.Thread.Sleep(5);
            }

            System.Threading.Thread.Sleep(50);
        }

        public void Dispose()
        {
            _port.Dispose();
            _pair.Dispose();
        }
    }
}
