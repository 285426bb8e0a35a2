using System;
using System.Net;
using V2G.Firmware.Session;
using V2G.Protocol.Iso15118.Secc;
using V2G.Protocol.Trace;
using V2G.Sim.Net;
using V2G.Sim.Plant.Board;

namespace V2G.Sim.Simulation
{
    /// <summary>
    /// The simulator board as a charger for a vehicle outside it (the EV simulator tool on a bench, or
    /// another implementation): the SECC listens on a real address, announces itself by SDP, and
    /// drives the controller; the run must be paced to wall time. The simulated battery behind the
    /// plant's vehicle contactor stands in for the outside vehicle's: that contactor closes once the
    /// controller's precharge has matched it, and opens when the output is no longer live.
    /// </summary>
    public sealed class ExternalVehicleListener : IVehicleDriver
    {
        private const double ContactorMatchV = 20;

        private readonly SimulatedCharger _charger;
        private readonly V2gTcpServer _server;
        private readonly SdpServer _sdp;
        private V2gConnection _connection;
        private bool _plugged;
        private bool _unplugged;
        private bool _sessionSeen;

        public ExternalVehicleListener(SimulatedCharger charger, IPEndPoint listen, V2gPki pki, bool mutualAuthentication)
        {
            _charger = charger ?? throw new ArgumentNullException(nameof(charger));
            _charger.SimpleVehicleEnabled = false;
            SeccLog = new MessageLog(256, 120);
            Secc = new SeccSession(new SeccSettings(), charger.Controller, SeccLog, charger.Clock, null)
            {
                Meter = charger.Meter,
                WallClock = new SimWallClock(charger.Clock, DateTime.UtcNow),
            };
            _server = new V2gTcpServer(listen.Address, listen.Port, pki?.ServerOptions(mutualAuthentication));
            _server.Start();
            bool tls = pki != null;
            _sdp = new SdpServer(new SdpServerOptions
            {
                ListenAddress = listen.Address,
                Port = SdpServerOptions.DefaultPort,
                SeccAddress = listen.Address,
                TlsPort = tls ? _server.LocalEndPoint.Port : 0,
                TcpPort = tls ? 0 : _server.LocalEndPoint.Port,
            });
            try
            {
                _sdp.Start();
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Port 15118 taken (another charger on this host): vehicles must be given the address.
                SdpUnavailable = true;
            }
        }

        public string Protocol => "iso15118-20";

        public SeccSession Secc { get; }

        public MessageLog SeccLog { get; }

        /// <summary>The address and port vehicles connect to.</summary>
        public IPEndPoint EndPoint => _server.LocalEndPoint;

        /// <summary>True if SDP could not bind its port; vehicles need the address.</summary>
        public bool SdpUnavailable { get; }

        public string Security => _connection?.SecurityDescription ?? "";

        public bool VehicleCertificatePresented => _connection?.RemoteCertificate != null;

        public bool IsPlugged => _plugged && !_unplugged;

        public string EndReason { get; private set; } = "";

        public void PlugIn(long nowMs)
        {
            _plugged = true;
            _charger.Controller.VehicleConnected();
        }

        public void Unplug() => _charger.Controller.VehicleDisconnected();

        public void RequestStop() => _charger.Controller.RequestStop();

        public void GoSilent()
        {
        }

        public void RunTick()
        {
            _charger.StepPlant();
            if (IsPlugged && _connection == null && _server.TryAccept(out V2gConnection accepted))
            {
                _connection = accepted;
                SeccLog.Add(_charger.Clock.NowMs, MessageDirection.Event, "connected").Details.Append(accepted.SecurityDescription);
                Secc.Attach(accepted);
            }

            if (_connection != null)
            {
                Secc.Poll();
                _sessionSeen |= Secc.IsConnected;
            }

            StandInForTheVehiclesContactor();
            _charger.TickController();

            // The outside vehicle has gone once its connection closed after a session.
            if (IsPlugged && _sessionSeen && !Secc.IsConnected && _charger.Controller.State != ChargerState.Stopping)
            {
                EndReason = Secc.LastFailure ?? "session_closed";
                _charger.VehicleContactor.Open();
                _charger.Controller.VehicleDisconnected();
                _unplugged = true;
            }
        }

        public void Dispose()
        {
            _connection?.Dispose();
            _server.Dispose();
            _sdp.Dispose();
        }

        private void StandInForTheVehiclesContactor()
        {
            ChargerState state = _charger.Controller.State;
            bool live = state == ChargerState.PreCharge || state == ChargerState.EnergyTransfer || state == ChargerState.Stopping;
            if (!live)
            {
                _charger.VehicleContactor.Open();
                return;
            }

            bool matched = Math.Abs(_charger.Connector.VoltageV - _charger.Battery.OpenCircuitVoltageV) <= ContactorMatchV;
            if (state == ChargerState.PreCharge && matched && _charger.Positive.IsClosed)
            {
                _charger.VehicleContactor.Close();
            }
        }
    }
}
