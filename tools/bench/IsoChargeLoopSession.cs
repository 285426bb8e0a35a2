using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using V2G.Firmware.Session;
using V2G.Firmware.Settings;
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Iso15118.Secc;
using V2G.Protocol.Trace;
using V2G.Sim.Net;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Vehicle;

namespace V2G.Bench
{
    /// <summary>
    /// A live ISO 15118-20 DC_BPT session in its charge loop, wired as the simulator's IsoVehicleLink
    /// wires it but without SDP and TLS: the charger's <see cref="SeccSession"/> on the simulator
    /// board (60 kWh pack at 40 %, 50 Hz grid) behind a <see cref="V2gTcpServer"/> on ::1, the EV
    /// simulator (<see cref="EvccSession"/>, BPT, Dynamic mode) on a <see cref="V2gTcpClient"/>
    /// connection. The session is driven in lockstep (each control period: plant steps, both ends
    /// polled until no byte is in flight, the controller's tick) to energy transfer at the dispatch.
    /// Afterwards the EVCC is no longer polled: the benchmark speaks for the vehicle on <see cref="VehicleStream"/>.
    /// </summary>
    public sealed class IsoChargeLoopSession : IDisposable
    {
        /// <summary>SLAC and the control pilot before the TCP connection, as IsoVehicleLink's default, ms.</summary>
        private const int CommunicationSetupMs = 2000;

        /// <summary>Plug-in to the charge loop is a few seconds of simulated time; past this, something is wrong.</summary>
        private const int MaxTicksToChargeLoop = 30000;

        /// <summary>Simulated time run in the charge loop before measuring, ms (as LiveSession).</summary>
        private const int SettleMs = 5000;

        /// <summary>Wall time a socket may take to connect, accept or deliver, ms.</summary>
        public const int SocketWaitMs = 10000;

        private readonly V2gTcpServer _server;

        private IsoChargeLoopSession(double dispatchPowerW)
        {
            Charger = new SimulatedCharger(new ChargerSettings(), 60, 40, 50);
            Charger.SimpleVehicleEnabled = false;
            Charger.Controller.SetDispatchPowerW(dispatchPowerW);
            var wallClock = new SimWallClock(Charger.Clock, new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc));
            SeccLog = new MessageLog(256, 120);
            Secc = new SeccSession(new SeccSettings(), Charger.Controller, SeccLog, Charger.Clock, null)
            {
                Meter = Charger.Meter,
                WallClock = wallClock,
            };
            var plant = new SimEvPlant(Charger.Battery, Charger.VehicleContactor, Charger.Circuit, Charger.Connector) { CanDischarge = true };
            Evcc = new EvccSession(new EvccSettings { UseBidirectional = true, UseDynamicMode = true, TargetSocPercent = 100, MinimumSocPercent = 10 }, plant, Charger.Clock, wallClock);
            _server = new V2gTcpServer(IPAddress.IPv6Loopback, 0, null);
            _server.Start();
        }

        /// <summary>The simulator board: plant, controller, meter.</summary>
        public SimulatedCharger Charger { get; }

        /// <summary>The charger's ISO 15118-20 session (attached to <see cref="ChargerStream"/>).</summary>
        public SeccSession Secc { get; }

        /// <summary>The SECC's message log.</summary>
        public MessageLog SeccLog { get; }

        /// <summary>The EV simulator; not polled once the session is in its charge loop.</summary>
        public EvccSession Evcc { get; }

        /// <summary>The charger's end of the TCP connection (what <see cref="ChargerStream"/> wraps).</summary>
        public V2gConnection ChargerEnd { get; private set; }

        /// <summary>The vehicle's end of the TCP connection (what <see cref="VehicleStream"/> wraps).</summary>
        public V2gConnection VehicleEnd { get; private set; }

        /// <summary>The stream the SECC is attached to.</summary>
        public CountingByteStream ChargerStream { get; private set; }

        /// <summary>The stream the EVCC was attached to; the benchmark writes its requests here.</summary>
        public CountingByteStream VehicleStream { get; private set; }

        /// <summary>Bytes written by one end and not yet read by the other.</summary>
        public long BytesInFlight =>
            ChargerStream.BytesWritten - VehicleStream.BytesRead + VehicleStream.BytesWritten - ChargerStream.BytesRead;

        /// <summary>Plugs in, connects over loopback TCP and runs the session into its charge loop at <paramref name="dispatchPowerW"/>.</summary>
        public static IsoChargeLoopSession Start(double dispatchPowerW)
        {
            var s = new IsoChargeLoopSession(dispatchPowerW);
            try
            {
                s.RunToChargeLoop();
                return s;
            }
            catch
            {
                s.Dispose();
                throw;
            }
        }

        /// <summary>Throws unless the SECC is still connected in its charge loop and the controller in energy transfer with no fault.</summary>
        public void RequireLive()
        {
            ChargeController c = Charger.Controller;
            if (!Secc.IsConnected || Secc.State != SeccState.ChargeLoop || c.State != ChargerState.EnergyTransfer || c.ActiveFaultCount != 0)
            {
                throw new InvalidOperationException(
                    $"the session left the charge loop: SECC {SeccStateNames.Of(Secc.State)} (connected {Secc.IsConnected}, last failure {Secc.LastFailure ?? "none"}), "
                    + $"controller {ChargerStateNames.Of(c.State)} with {c.ActiveFaultCount} active fault(s)");
            }
        }

        public void Dispose()
        {
            ChargerEnd?.Dispose();
            VehicleEnd?.Dispose();
            _server.Dispose();
        }

        private void RunToChargeLoop()
        {
            Charger.Controller.VehicleConnected();
            long connectAtMs = Charger.Clock.NowMs + CommunicationSetupMs;
            while (Charger.Clock.NowMs < connectAtMs)
            {
                Charger.RunTick();
            }

            Connect();
            int ticks = 0;
            while (!(Evcc.State == EvccState.ChargeLoop && Secc.State == SeccState.ChargeLoop && Charger.Controller.State == ChargerState.EnergyTransfer))
            {
                if (++ticks > MaxTicksToChargeLoop || Evcc.IsFinished)
                {
                    throw new InvalidOperationException(
                        $"no charge loop after {ticks} ticks: EVCC {Evcc.StateName} ({Evcc.Failure ?? "no failure"}), SECC {SeccStateNames.Of(Secc.State)} ({Secc.LastFailure ?? "no failure"}), "
                        + $"controller {ChargerStateNames.Of(Charger.Controller.State)}");
                }

                RunLockstepTick();
            }

            long settledAtMs = Charger.Clock.NowMs + SettleMs;
            while (Charger.Clock.NowMs < settledAtMs)
            {
                RunLockstepTick();
            }

            RequireLive();
        }

        private void Connect()
        {
            VehicleEnd = V2gTcpClient.Connect(_server.LocalEndPoint, null);
            var wall = Stopwatch.StartNew();
            V2gConnection chargerEnd;
            while (!_server.TryAccept(out chargerEnd))
            {
                if (wall.ElapsedMilliseconds > SocketWaitMs)
                {
                    throw new InvalidOperationException("the charger's server did not accept the loopback connection");
                }

                Thread.Sleep(1);
            }

            ChargerEnd = chargerEnd;
            ChargerStream = new CountingByteStream(ChargerEnd);
            VehicleStream = new CountingByteStream(VehicleEnd);
            Secc.Attach(ChargerStream);
            Evcc.Attach(VehicleStream);
        }

        /// <summary>One control period as IsoVehicleLink runs it: plant, both ends until nothing is in flight, the controller's tick.</summary>
        private void RunLockstepTick()
        {
            Charger.StepPlant();
            var wall = Stopwatch.StartNew();
            Evcc.Poll();
            Secc.Poll();
            while (BytesInFlight != 0)
            {
                if (wall.ElapsedMilliseconds > SocketWaitMs)
                {
                    throw new InvalidOperationException($"{BytesInFlight} bytes still in flight after {SocketWaitMs} ms");
                }

                Thread.Yield();
                Evcc.Poll();
                Secc.Poll();
            }

            Charger.TickController();
        }
    }
}
