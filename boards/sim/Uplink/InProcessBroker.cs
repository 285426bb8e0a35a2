using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using MQTTnet.Server;

namespace V2G.Sim.Uplink
{
    /// <summary>
    /// An MQTT 5 broker inside the simulator's process (MQTTnet.Server), listening on 127.0.0.1 only:
    /// the default when no --broker is given, so a run needs nothing installed. Sessions persist while
    /// the broker runs (clean start false resumes them), retained messages are kept in memory.
    /// </summary>
    public sealed class InProcessBroker : IDisposable
    {
        /// <summary>The address the broker listens on.</summary>
        public const string Host = "127.0.0.1";

        private const int BindAttempts = 5;

        private readonly MqttServer _server;
        private bool _disposed;

        private InProcessBroker(MqttServer server, int port)
        {
            _server = server;
            Port = port;
        }

        /// <summary>The TCP port the broker listens on.</summary>
        public int Port { get; }

        /// <summary>The broker as host:port, the form --broker takes.</summary>
        public string Address => Host + ":" + Port;

        /// <summary>MQTTnet's server, for tests that inspect retained messages, sessions or clients.</summary>
        public MqttServer Server => _server;

        /// <summary>
        /// Starts a broker on <paramref name="port"/>, or on a free port when 0. A free port is found by
        /// binding port 0 and releasing it, so another process may take it in between: then another is tried.
        /// </summary>
        public static InProcessBroker Start(int port = 0)
        {
            if (port < 0 || port > 65535)
            {
                throw new ArgumentOutOfRangeException(nameof(port), port, "a TCP port, or 0 for a free one");
            }

            for (int attempt = 1; ; attempt++)
            {
                int chosen = port != 0 ? port : FreeLoopbackPort();
                MqttServerOptions options = new MqttServerOptionsBuilder()
                    .WithDefaultEndpoint()
                    .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                    // IPAddress.None: no IPv6 listener (MQTTnet otherwise also binds [::] on the same port).
                    .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
                    .WithDefaultEndpointPort(chosen)
                    .WithPersistentSessions(true)
                    .Build();
                MqttServer server = new MqttServerFactory().CreateMqttServer(options);
                try
                {
                    server.StartAsync().GetAwaiter().GetResult();
                    return new InProcessBroker(server, chosen);
                }
                catch (SocketException) when (port == 0 && attempt < BindAttempts)
                {
                    server.Dispose();
                    Thread.Sleep(10 * attempt);
                }
                catch
                {
                    server.Dispose();
                    throw;
                }
            }
        }

        /// <summary>Stops the broker: connected clients lose their connection (their wills are published to no one).</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            try
            {
                _server.StopAsync(new MqttServerStopOptions()).GetAwaiter().GetResult();
            }
            finally
            {
                _server.Dispose();
            }
        }

        private static int FreeLoopbackPort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                return ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
