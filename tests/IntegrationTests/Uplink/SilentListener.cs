using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace V2G.IntegrationTests.Uplink
{
    /// <summary>
    /// A "broker" that accepts TCP connections and never says a word: a client's connect hangs waiting for
    /// the CONNACK. Records when the client gives up and closes its socket.
    /// </summary>
    public sealed class SilentListener : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly ManualResetEventSlim _accepted = new ManualResetEventSlim();
        private readonly ManualResetEventSlim _closedByClient = new ManualResetEventSlim();
        private Socket _socket;

        public SilentListener()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = Task.Run(Serve);
        }

        public int Port { get; }

        /// <summary>Waits until a client connected.</summary>
        public bool WaitAccepted(TimeSpan timeout) => _accepted.Wait(timeout);

        /// <summary>Waits until the accepted client closed its side (its read returns 0 or fails).</summary>
        public bool WaitClosedByClient(TimeSpan timeout) => _closedByClient.Wait(timeout);

        public void Dispose()
        {
            _listener.Stop();
            _socket?.Dispose();
        }

        private async Task Serve()
        {
            try
            {
                _socket = await _listener.AcceptSocketAsync().ConfigureAwait(false);
                _accepted.Set();
                byte[] sink = new byte[1024];
                // Read (and ignore) the CONNECT; the end of the stream is the client giving up.
                while (await _socket.ReceiveAsync(sink, SocketFlags.None).ConfigureAwait(false) > 0)
                {
                }
            }
            catch (Exception)
            {
                // A reset is a close too; a stopped listener ends the test anyway.
            }

            _closedByClient.Set();
        }
    }
}
