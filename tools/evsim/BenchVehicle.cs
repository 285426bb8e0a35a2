using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using V2G.Protocol.Iso15118.Evcc;
using V2G.Protocol.Iso15118.Transport;
using V2G.Protocol.Trace;
using V2G.Sim.Net;

namespace V2G.EvSim
{
    /// <summary>
    /// Runs the EV simulator against a charger in real time: SDP (or a given address), TCP or TLS 1.3,
    /// then the EvccSession polled every few milliseconds until the session ends.
    /// </summary>
    public sealed class BenchVehicle
    {
        private const int PollPeriodMs = 5;

        private readonly BenchVehicleOptions _options;
        private readonly SystemMonotonicClock _clock = new SystemMonotonicClock();

        public BenchVehicle(BenchVehicleOptions options)
        {
            _options = options;
            Plant = new BenchEvPlant(options.BatteryKWh, options.SocPercent, options.Bidirectional);
            Session = new EvccSession(
                new EvccSettings
                {
                    UseBidirectional = options.Bidirectional,
                    UseDynamicMode = options.DynamicMode,
                    TargetSocPercent = options.TargetSocPercent,
                    MinimumSocPercent = options.MinimumSocPercent,
                },
                Plant,
                _clock,
                new SystemWallClock());
            Session.RequestedPowerW = options.RequestedPowerW;
        }

        public BenchEvPlant Plant { get; }

        public EvccSession Session { get; }

        /// <summary>"tcp" or the negotiated TLS version and cipher suite.</summary>
        public string Security { get; private set; } = "";

        /// <summary>Called about once a second with a status line.</summary>
        public Action<string> Status { get; set; }

        /// <summary>Runs the whole session; returns true if it ended without a failure.</summary>
        public bool Run(CancellationToken cancel)
        {
            V2gConnection connection = Connect(cancel);
            if (connection == null)
            {
                return false;
            }

            using (connection)
            {
                Security = connection.SecurityDescription;
                Session.Attach(connection);
                long startMs = _clock.NowMs;
                long lastMs = startMs;
                long nextStatusMs = startMs;
                bool stopAsked = false;
                while (!Session.IsFinished)
                {
                    long now = _clock.NowMs;
                    Plant.ChargerCurrentA = Session.ChargerPresentCurrentA;
                    Plant.ChargerVoltageV = Session.ChargerPresentVoltageV;
                    Plant.Advance(now - lastMs);
                    lastMs = now;
                    if (!stopAsked && (cancel.IsCancellationRequested || (_options.StopAfterS > 0 && now - startMs >= _options.StopAfterS * 1000)))
                    {
                        Session.RequestStop();
                        stopAsked = true;
                    }

                    if (now - startMs > _options.TimeLimitS * 1000)
                    {
                        Status?.Invoke("time limit reached");
                        return false;
                    }

                    Session.Poll();
                    if (now >= nextStatusMs)
                    {
                        nextStatusMs += 1000;
                        Status?.Invoke($"{Session.StateName,-22} U={Session.ChargerPresentVoltageV,6:0.0} V  I={Session.ChargerPresentCurrentA,7:0.0} A  SoC={Plant.SocPercent:0.00} %");
                    }

                    Thread.Sleep(PollPeriodMs);
                }
            }

            return Session.FailureLayer == FailureLayer.None;
        }

        private V2gConnection Connect(CancellationToken cancel)
        {
            var endPoint = _options.Charger;
            if (endPoint == null)
            {
                var sdp = new SdpClientOptions { InterfaceIndex = _options.InterfaceIndex, Security = _options.Tls ? SdpSecurity.Tls : SdpSecurity.NoTls };
                if (_options.SdpDestination != null)
                {
                    sdp.Destination = _options.SdpDestination;
                }

                SdpDiscovery found = new SdpClient(sdp).DiscoverAsync(cancel).GetAwaiter().GetResult();
                if (found == null)
                {
                    Status?.Invoke("SDP: no charger answered");
                    return null;
                }

                endPoint = found.SeccEndPoint;
                Status?.Invoke($"SDP: charger at {endPoint} after {found.RequestsSent} request(s)");
            }

            V2gTlsClientOptions tls = null;
            if (_options.Tls)
            {
                tls = new V2gTlsClientOptions();
                if (_options.CaFile != null)
                {
                    tls.ServerCertificateAuthorities.Add(X509CertificateLoader.LoadCertificateFromFile(_options.CaFile));
                }

                if (_options.CertificateFile != null)
                {
                    tls.ClientCertificate = X509CertificateLoader.LoadPkcs12FromFile(_options.CertificateFile, _options.CertificatePassword);
                }
            }

            try
            {
                return V2gTcpClient.Connect(endPoint, tls);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException || e is System.Security.Authentication.AuthenticationException || e is IOException)
            {
                Status?.Invoke($"{(_options.Tls ? "TLS" : "TCP")}: cannot connect to {endPoint}: {e.Message}");
                return null;
            }
        }
    }
}
