using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// Forwards TCP connections from a loopback port to the broker, and can cut them all at once: the link
    /// dies in the middle, without a DISCONNECT, as when the charger loses power or its network.
    /// </summary>
    public sealed class TcpRelay : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly int _targetPort;
        private readonly List<Socket> _sockets = new List<Socket>();

        public TcpRelay(int targetPort)
        {
            _targetPort = targetPort;
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(AcceptLoop);
        }

        /// <summary>The port clients connect to instead of the broker's.</summary>
        public int Port { get; }

        /// <summary>Closes every relayed connection, both sides, without a word to either.</summary>
        public void Cut()
        {
            lock (_sockets)
            {
                foreach (Socket s in _sockets)
                {
                    try
                    {
                        s.Close(0);
                    }
                    catch (Exception)
                    {
                        // Already closed.
                    }
                }

                _sockets.Clear();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            Cut();
        }

        private async Task AcceptLoop()
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptSocketAsync().ConfigureAwait(false);
                }
                catch (Exception)
                {
                    return;
                }

                var broker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await broker.ConnectAsync(IPAddress.Loopback, _targetPort).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    client.Close(0);
                    broker.Dispose();
                    continue;
                }

                lock (_sockets)
                {
                    _sockets.Add(client);
                    _sockets.Add(broker);
                }

                _ = Task.Run(() => Pump(client, broker));
                _ = Task.Run(() => Pump(broker, client));
            }
        }

        private static async Task Pump(Socket from, Socket to)
        {
            byte[] buffer = new byte[4096];
            try
            {
                while (true)
                {
                    int n = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }

                    await to.SendAsync(new ArraySegment<byte>(buffer, 0, n), SocketFlags.None).ConfigureAwait(false);
                }
            }
            catch (Exception)
            {
                // Cut, or the other side went away.
            }

            try
            {
                to.Close(0);
                from.Close(0);
            }
            catch (Exception)
            {
            }
        }
    }
}
