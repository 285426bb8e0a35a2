using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace V2G.Sim.Net
{
    /// <summary>
    /// The charger's V2G TCP server (the port SDP announces): listens on IPv6, accepts vehicles and hands each
    /// connection over as a <see cref="V2gConnection"/> (an IByteStream) once it is ready, after the TLS
    /// handshake when <see cref="V2gTlsServerOptions"/> are given. A handshake that fails or exceeds its time
    /// limit closes that connection only; the server keeps accepting.
    /// </summary>
    public sealed class V2gTcpServer : IDisposable
    {
        private readonly IPAddress _address;
        private readonly int _port;
        private readonly V2gTlsServerOptions _tls;
        private readonly SslStreamCertificateContext _certificateContext;
        private readonly ConcurrentQueue<V2gConnection> _ready = new();
        private readonly SemaphoreSlim _readyCount = new(0);
        private readonly CancellationTokenSource _stopping = new();
        private Socket _listener;
        private int _handshakesFailed;

        /// <summary>A server on <paramref name="address"/> (IPv6; e.g. the link-local address, or ::1) and <paramref name="port"/> (0: any free port).</summary>
        /// <param name="tls">TLS settings, or null for plain TCP.</param>
        public V2gTcpServer(IPAddress address, int port, V2gTlsServerOptions tls = null)
        {
            ArgumentNullException.ThrowIfNull(address);
            if (tls != null && tls.Certificate == null)
            {
                throw new ArgumentException("TLS needs the charger's certificate", nameof(tls));
            }

            _address = address;
            _port = port;
            _tls = tls;
            if (tls != null)
            {
                _certificateContext = SslStreamCertificateContext.Create(tls.Certificate, tls.CertificateChain, offline: true);
            }
        }

        /// <summary>Raised (on a pool thread) when a connection is closed before it was ready.</summary>
        public event EventHandler<V2gHandshakeFailure> HandshakeFailed;

        /// <summary>The address and port listened on (the port is known after <see cref="Start"/>).</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)_listener?.LocalEndPoint;

        /// <summary>True if connections are TLS.</summary>
        public bool IsTls => _tls != null;

        /// <summary>Connections closed because their handshake failed or timed out.</summary>
        public int HandshakesFailed => Volatile.Read(ref _handshakesFailed);

        /// <summary>Binds and starts accepting.</summary>
        public void Start()
        {
            if (_listener != null)
            {
                throw new InvalidOperationException("already started");
            }

            var listener = new Socket(_address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                listener.Bind(new IPEndPoint(_address, _port));
                listener.Listen(16);
            }
            catch
            {
                listener.Dispose();
                throw;
            }

            _listener = listener;
            _ = Task.Run(AcceptLoopAsync);
        }

        /// <summary>Takes a ready connection if one waits (non-blocking).</summary>
        public bool TryAccept(out V2gConnection connection)
        {
            if (_readyCount.Wait(0) && _ready.TryDequeue(out connection))
            {
                return true;
            }

            connection = null;
            return false;
        }

        /// <summary>Waits for the next ready connection.</summary>
        public async Task<V2gConnection> AcceptAsync(CancellationToken cancellationToken = default)
        {
            await _readyCount.WaitAsync(cancellationToken).ConfigureAwait(false);
            _ready.TryDequeue(out V2gConnection connection);
            return connection;
        }

        /// <summary>Stops listening and closes connections not yet taken; connections already taken stay open.</summary>
        public void Dispose()
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            _listener?.Dispose();
            while (_ready.TryDequeue(out V2gConnection connection))
            {
                connection.Close();
            }
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    // A connection reset before accept completed: keep accepting.
                    continue;
                }

                // V2G messages are small request/response pairs: do not wait to coalesce them.
                socket.NoDelay = true;
                _ = Task.Run(() => PrepareAsync(socket));
            }
        }

        private async Task PrepareAsync(Socket socket)
        {
            var stream = new NetworkStream(socket, ownsSocket: true);
            if (_tls == null)
            {
                Hand(new V2gConnection(socket, stream, null));
                return;
            }

            var remote = socket.RemoteEndPoint as IPEndPoint;
            var elapsed = Stopwatch.StartNew();
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            limit.CancelAfter(_tls.HandshakeTimeout);
            // A peer that sends nothing leaves a read pending; closing the socket ends it whatever the TLS layer does.
            using CancellationTokenRegistration closeOnLimit = limit.Token.Register(() => socket.Dispose());
            var options = new SslServerAuthenticationOptions
            {
                ServerCertificateContext = _certificateContext,
                ClientCertificateRequired = _tls.RequireClientCertificate,
                EnabledSslProtocols = _tls.EnabledProtocols,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = ValidateClientCertificate,
            };

            try
            {
                await ssl.AuthenticateAsServerAsync(options, limit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AuthenticationException || e is IOException || e is OperationCanceledException
                || e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
            {
                bool timedOut = limit.IsCancellationRequested && !_stopping.IsCancellationRequested;
                ssl.Dispose();
                socket.Dispose();
                string reason = timedOut ? $"TLS handshake not finished within {_tls.HandshakeTimeout.TotalSeconds:F1} s" : e.Message;
                HandshakeFailed?.Invoke(this, new V2gHandshakeFailure(remote, timedOut, reason, elapsed.Elapsed));
                // Counted after the subscribers have heard of it: whoever sees the count sees the event's effects too.
                Interlocked.Increment(ref _handshakesFailed);
                return;
            }

            closeOnLimit.Dispose();
            Hand(new V2gConnection(socket, ssl, ssl));
        }

        private bool ValidateClientCertificate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
        {
            if (certificate == null)
            {
                return !_tls.RequireClientCertificate;
            }

            if (_tls.ClientCertificateAuthorities.Count == 0)
            {
                return errors == SslPolicyErrors.None;
            }

            return CertificateChecks.ChainsTo(certificate, chain, _tls.ClientCertificateAuthorities);
        }

        private void Hand(V2gConnection connection)
        {
            if (_stopping.IsCancellationRequested)
            {
                connection.Close();
                return;
            }

            _ready.Enqueue(connection);
            _readyCount.Release();
        }
    }
}
