using System;
using System.Diagnostics;
using System.Net;
using System.Threading;
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Iso15118.Secc;
using V2G.Protocol.Iso15118.Transport;
using V2G.Protocol.Trace;
using V2G.Sim.Net;
using V2G.Sim.Plant.Board;
using V2G.Sim.Plant.Vehicle;

namespace V2G.Sim.Simulation
{
    /// <summary>
    /// A CCS vehicle on the simulator board speaking ISO 15118-20: the charger's SECC session (driving
    /// the controller through the EV session port) and the EV simulator (driving the simulated vehicle),
    /// connected as a real vehicle would be: SDP over UDP on ::1, then TCP (or TLS 1.3) on loopback.
    /// Messages are exchanged in lockstep between the plant steps and the controller's tick, so
    /// simulated time never passes while a message is in flight.
    /// </summary>
    public sealed class IsoVehicleLink : IVehicleDriver
    {
        private const int UnplugAfterMs = 1000;
        private const int SocketWaitMs = 10000;

        /// <summary>After a cable is pulled mid-session, the sockets close this long after, ms (the pilot's debounce is 60 ms).</summary>
        private const int CloseAfterUnplugMs = 500;

        private readonly SimulatedCharger _charger;
        private readonly IsoLinkOptions _options;
        private readonly Lockstep _lockstep = new Lockstep();
        private readonly V2gPki _pki;
        private readonly V2gTcpServer _server;
        private readonly SdpServer _sdp;
        private V2gConnection _chargerEnd;
        private V2gConnection _vehicleEnd;
        private long _pluggedAtMs = -1;
        private long _finishedAtMs = -1;
        private bool _connected;
        private bool _unplugged;
        private bool _silent;
        private long _closeAtMs = -1;
        private readonly SimCcsVehicle _ccsVehicle;
        private string _endReason = "";
        private readonly EvccSettings _evSettings;

        /// <summary>The vehicle's departure, simulated ms (−1: the EV simulator's default departure).</summary>
        private readonly long _departureAtMs = -1;

        public IsoVehicleLink(SimulatedCharger charger, IsoLinkOptions options)
        {
            _charger = charger ?? throw new ArgumentNullException(nameof(charger));
            _options = options ?? new IsoLinkOptions();
            _charger.SimpleVehicleEnabled = false;
            var wallClock = new SimWallClock(charger.Clock, new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc));

            SeccLog = new MessageLog(256, 120);
            Secc = new SeccSession(new SeccSettings(), charger.Controller, SeccLog, charger.Clock, null)
            {
                Meter = charger.Meter,
                WallClock = wallClock,
            };

            Plant = new SimEvPlant(charger.Battery, charger.VehicleContactor, charger.Circuit, charger.Connector) { CanDischarge = _options.Bidirectional };
            var evSettings = new EvccSettings
            {
                UseBidirectional = _options.Bidirectional,
                UseDynamicMode = _options.DynamicMode,
                TargetSocPercent = (int)Math.Round(_options.TargetSocPercent),
                MinimumSocPercent = (int)Math.Round(_options.MinimumSocPercent),
            };
            if (!double.IsNaN(_options.DepartureS))
            {
                _departureAtMs = (long)Math.Round(_options.DepartureS * 1000);
                SetDepartureLeft(evSettings, charger.Clock.NowMs);
            }

            _evSettings = evSettings;
            Evcc = new EvccSession(evSettings, Plant, charger.Clock, wallClock);

            if (_options.Ccs)
            {
                // The charger's pilot, proximity and SLAC share the session's log, so the trace shows the
                // whole chain from plug-in; the vehicle's SLAC logs nothing into the charger's log.
                charger.AttachCcs(SeccLog, _options.PlcLink, _options.PlcImpairments, _options.Seed);
                _ccsVehicle = new SimCcsVehicle(charger.PilotCircuit, charger.ProximityCircuit, charger.PlcLink.Vehicle, _options.VehicleSlac, null);
            }

            if (_options.Tls)
            {
                _pki = new V2gPki();
            }

            _server = new V2gTcpServer(IPAddress.IPv6Loopback, 0, _options.Tls ? _pki.ServerOptions(_options.MutualAuthentication) : null);
            _server.Start();
            int port = _server.LocalEndPoint.Port;
            _sdp = new SdpServer(new SdpServerOptions
            {
                ListenAddress = IPAddress.IPv6Loopback,
                Port = 0,
                SeccAddress = IPAddress.IPv6Loopback,
                TlsPort = _options.Tls ? port : 0,
                TcpPort = _options.Tls ? 0 : port,
            });
            _sdp.Start();
        }

        public string Protocol => "iso15118-20";

        public SeccSession Secc { get; }

        public EvccSession Evcc { get; }

        public SimEvPlant Plant { get; }

        /// <summary>The charger's message log (requests, responses, failures with their layer).</summary>
        public MessageLog SeccLog { get; }

        public Lockstep Lockstep => _lockstep;

        /// <summary>"tcp", or the TLS version and cipher suite the charger negotiated.</summary>
        public string Security { get; private set; } = "";

        /// <summary>True if the vehicle presented a certificate the charger accepted (mutual authentication).</summary>
        public bool VehicleCertificatePresented { get; private set; }

        /// <summary>SDP requests the vehicle sent before it was answered.</summary>
        public int SdpRequests { get; private set; }

        public bool IsPlugged => _pluggedAtMs >= 0 && !_unplugged;

        public string EndReason => _endReason.Length > 0 ? _endReason : (Evcc.EndReason ?? "");

        /// <summary>The vehicle's CCS lower layers (pilot circuit and SLAC), or null without CCS.</summary>
        public SimCcsVehicle CcsVehicle => _ccsVehicle;

        public void PlugIn(long nowMs)
        {
            _pluggedAtMs = nowMs;
            if (_ccsVehicle != null)
            {
                // The charger finds the vehicle through its pilot (state B), not through a call.
                _ccsVehicle.Plug();
            }
            else
            {
                _charger.Controller.VehicleConnected();
            }
        }

        public void Unplug() => Unplug(_charger.Clock.NowMs);

        public void RequestStop() => Evcc.RequestStop();

        public void GoSilent() => _silent = true;

        public void RunTick()
        {
            _charger.StepPlant();
            long now = _charger.Clock.NowMs;
            if (_departureAtMs >= 0)
            {
                // The EV simulator counts its departure down from its first ScheduleExchange: until then, keep
                // its setting the time left to the scenario's departure.
                SetDepartureLeft(_evSettings, now);
            }
            if (_ccsVehicle != null && IsPlugged)
            {
                _ccsVehicle.Step(now, Evcc.RequestsEnergy);
            }

            if (IsPlugged && !_connected && IsLinkUp(now))
            {
                Connect(now);
            }

            if (IsPlugged && !_connected && _charger.Ccs != null && _charger.Ccs.Phase == V2G.Firmware.Ccs.CcsPhase.MatchingFailed)
            {
                Fail("slac_failed");
            }

            if (_connected && !_silent)
            {
                _lockstep.Settle(PollBothEnds, SocketWaitMs);
            }
            else if (_connected)
            {
                // A silent vehicle: only the charger goes on, and its timeouts find the silence.
                Secc.Poll();
            }

            _charger.TickController();
            if (_closeAtMs >= 0 && now >= _closeAtMs)
            {
                CloseConnections();
            }

            if (IsPlugged && _connected && Evcc.IsFinished)
            {
                if (_finishedAtMs < 0)
                {
                    _finishedAtMs = now;
                }
                else if (now - _finishedAtMs >= UnplugAfterMs)
                {
                    Unplug(now);
                }
            }
        }

        public void Dispose()
        {
            _chargerEnd?.Dispose();
            _vehicleEnd?.Dispose();
            _server.Dispose();
            _sdp.Dispose();
        }

        /// <summary>The EV simulator's DepartureTime (s from now) for a departure at <see cref="_departureAtMs"/>, at <paramref name="nowMs"/>.</summary>
        private void SetDepartureLeft(EvccSettings settings, long nowMs)
        {
            long leftMs = _departureAtMs - nowMs;
            settings.DepartureTimeS = leftMs > 0 ? (uint)((leftMs + 500) / 1000) : 0;
        }

        private void PollBothEnds()
        {
            Evcc.Poll();
            Secc.Poll();
        }

        private void Connect(long now)
        {
            _connected = true;
            SdpDiscovery discovery = new SdpClient(new SdpClientOptions
            {
                Destination = _sdp.LocalEndPoint,
                Security = _options.Tls ? SdpSecurity.Tls : SdpSecurity.NoTls,
            }).DiscoverAsync().GetAwaiter().GetResult();
            if (discovery == null)
            {
                SeccLog.AddFailure(now, FailureLayer.Sdp, "no_answer");
                Fail("sdp_failed");
                return;
            }

            SdpRequests = discovery.RequestsSent;
            try
            {
                _vehicleEnd = V2gTcpClient.Connect(discovery.SeccEndPoint, _options.Tls ? _pki.ClientOptions(_options.MutualAuthentication) : null);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException || e is System.Security.Authentication.AuthenticationException || e is System.IO.IOException)
            {
                SeccLog.AddFailure(now, _options.Tls ? FailureLayer.Tls : FailureLayer.V2gtp, "connect_failed");
                Fail("connect_failed");
                return;
            }

            Stopwatch wall = Stopwatch.StartNew();
            while (!_server.TryAccept(out _chargerEnd))
            {
                if (wall.ElapsedMilliseconds > SocketWaitMs)
                {
                    SeccLog.AddFailure(now, _options.Tls ? FailureLayer.Tls : FailureLayer.V2gtp, "accept_failed");
                    Fail("accept_failed");
                    return;
                }

                Thread.Sleep(1);
            }

            Security = _chargerEnd.SecurityDescription;
            VehicleCertificatePresented = _chargerEnd.RemoteCertificate != null;
            TraceEntry entry = SeccLog.Add(now, MessageDirection.Event, "connected");
            entry.Details.Append(Security);
            if (VehicleCertificatePresented)
            {
                entry.Details.Append(", vehicle certificate ").Append(_chargerEnd.RemoteCertificate.Subject);
            }

            Secc.Attach(_lockstep.Wrap(_chargerEnd));
            Evcc.Attach(_lockstep.Wrap(_vehicleEnd));
        }

        /// <summary>SDP may start: with CCS once both ends matched and the PLC link is up, else after the fixed delay.</summary>
        private bool IsLinkUp(long now)
        {
            if (_ccsVehicle == null)
            {
                return now - _pluggedAtMs >= _options.CommunicationSetupMs;
            }

            return _charger.Ccs.IsLinkReady && _ccsVehicle.IsMatched;
        }

        private void Fail(string reason)
        {
            _endReason = reason;
            Unplug(_charger.Clock.NowMs);
        }

        private void Unplug(long now)
        {
            if (_unplugged)
            {
                return;
            }

            Plant.OpenContactor();
            if (_ccsVehicle != null)
            {
                _ccsVehicle.Unplug(now);
            }
            else
            {
                _charger.Controller.VehicleDisconnected();
            }

            _unplugged = true;
            if (_ccsVehicle != null && _connected && !Evcc.IsFinished)
            {
                // A cable pulled mid-session cuts the PLC link: no TCP close reaches the charger, its
                // pilot tells it (A). The vehicle says nothing more; the dead connection is torn down
                // once the pilot has had its time.
                _silent = true;
                _closeAtMs = now + CloseAfterUnplugMs;
                return;
            }

            CloseConnections();
        }

        private void CloseConnections()
        {
            _closeAtMs = -1;
            _chargerEnd?.Close();
            _vehicleEnd?.Close();
        }
    }
}
