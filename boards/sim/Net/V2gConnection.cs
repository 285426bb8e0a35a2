using System;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using V2G.Hal.Comms;

namespace V2G.Sim.Net
{
    /// <summary>
    /// One V2G TCP connection (plain or TLS) as the firmware sees it: a non-blocking <see cref="IByteStream"/>.
    /// A background pump reads the socket (or the decrypted TLS stream) into a buffer; <see cref="Read"/>
    /// only copies what already waits, so the protocol code can poll it from its own loop.
    /// </summary>
    public sealed class V2gConnection : IByteStream, IDisposable
    {
        private const int ChunkBytes = 16 * 1024;

        private readonly Socket _socket;
        private readonly Stream _stream;
        private readonly SslStream _ssl;
        private readonly object _receiveLock = new();
        private readonly object _writeLock = new();
        private readonly CancellationTokenSource _closing = new();
        private byte[] _received = new byte[ChunkBytes];
        private int _head;
        private int _count;
        private bool _peerClosed;
        private volatile bool _closed;

        internal V2gConnection(Socket socket, Stream stream, SslStream ssl)
        {
            _socket = socket;
            _stream = stream;
            _ssl = ssl;
            RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
            LocalEndPoint = socket.LocalEndPoint as IPEndPoint;
            if (ssl != null)
            {
                TlsProtocol = ssl.SslProtocol;
                CipherSuite = ssl.NegotiatedCipherSuite;
                RemoteCertificate = ssl.RemoteCertificate as X509Certificate2
                    ?? (ssl.RemoteCertificate == null ? null : new X509Certificate2(ssl.RemoteCertificate));
            }

            // A thread of its own, not the thread pool: a host that blocks pool threads (a simulation
            // paced to wall time, a test) must never delay delivery past a 0.5 s protocol deadline.
            var pump = new Thread(Pump) { IsBackground = true, Name = "v2g-connection-receive" };
            pump.Start();
        }

        /// <summary>The peer's address and port.</summary>
        public IPEndPoint RemoteEndPoint { get; }

        /// <summary>This side's address and port.</summary>
        public IPEndPoint LocalEndPoint { get; }

        /// <summary>True for a TLS connection.</summary>
        public bool IsTls => _ssl != null;

        /// <summary>The negotiated TLS version (e.g. <see cref="SslProtocols.Tls13"/>); None for plain TCP.</summary>
        public SslProtocols TlsProtocol { get; }

        /// <summary>The negotiated cipher suite (e.g. TLS_AES_256_GCM_SHA384); meaningless for plain TCP.</summary>
        public TlsCipherSuite CipherSuite { get; }

        /// <summary>The peer's certificate (the vehicle's with mutual authentication, the charger's on the client side), or null.</summary>
        public X509Certificate2 RemoteCertificate { get; }

        /// <summary>One line for the session log: "tls13 TLS_AES_256_GCM_SHA384" or "tcp".</summary>
        public string SecurityDescription => IsTls ? $"{TlsProtocol.ToString().ToLowerInvariant()} {CipherSuite}" : "tcp";

        /// <inheritdoc />
        public bool IsOpen
        {
            get
            {
                if (_closed)
                {
                    return false;
                }

                lock (_receiveLock)
                {
                    // Bytes that arrived before the peer closed are still delivered.
                    return !(_peerClosed && _count == 0);
                }
            }
        }

        /// <summary>Bytes waiting to be read.</summary>
        public int Available
        {
            get
            {
                lock (_receiveLock)
                {
                    return _count;
                }
            }
        }

        /// <summary>Why the connection ended, when the pump saw an error (else null).</summary>
        public string CloseReason { get; private set; }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            lock (_receiveLock)
            {
                int n = Math.Min(count, _count);
                int first = Math.Min(n, _received.Length - _head);
                Buffer.BlockCopy(_received, _head, buffer, offset, first);
                Buffer.BlockCopy(_received, 0, buffer, offset + first, n - first);
                _head = (_head + n) % _received.Length;
                _count -= n;
                return n;
            }
        }

        /// <inheritdoc />
        public bool Write(byte[] buffer, int offset, int count)
        {
            if (_closed)
            {
                return false;
            }

            try
            {
                lock (_writeLock)
                {
                    _stream.Write(buffer, offset, count);
                    _stream.Flush();
                }

                return true;
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
            {
                CloseReason ??= e.Message;
                Close();
                return false;
            }
        }

        /// <summary>Waits up to <paramref name="timeoutMs"/> for bytes to arrive or the stream to end; true if bytes wait.</summary>
        public bool WaitForData(int timeoutMs)
        {
            lock (_receiveLock)
            {
                long deadline = Environment.TickCount64 + timeoutMs;
                while (_count == 0 && !_peerClosed && !_closed)
                {
                    long left = deadline - Environment.TickCount64;
                    if (left <= 0)
                    {
                        break;
                    }

                    Monitor.Wait(_receiveLock, (int)left);
                }

                return _count > 0;
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _closing.Cancel();
            try
            {
                _ssl?.Dispose();
                _stream.Dispose();
                _socket.Dispose();
            }
            catch (Exception e) when (e is IOException || e is SocketException || e is ObjectDisposedException)
            {
                // Closing a connection the peer already broke.
            }

            lock (_receiveLock)
            {
                Monitor.PulseAll(_receiveLock);
            }
        }

        /// <inheritdoc />
        public void Dispose() => Close();

        private void Pump()
        {
            byte[] chunk = new byte[ChunkBytes];
            try
            {
                while (!_closed)
                {
                    int n = _stream.Read(chunk, 0, chunk.Length);
                    if (n == 0)
                    {
                        break;
                    }

                    Append(chunk, n);
                }
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is SocketException
                || e is OperationCanceledException || e is AuthenticationException || e is InvalidOperationException)
            {
                if (!_closed)
                {
                    CloseReason ??= e.Message;
                }
            }

            lock (_receiveLock)
            {
                _peerClosed = true;
                Monitor.PulseAll(_receiveLock);
            }
        }

        private void Append(byte[] chunk, int n)
        {
            lock (_receiveLock)
            {
                if (_count + n > _received.Length)
                {
                    // Host side only: the ring grows; the device's own stream keeps a fixed buffer.
                    byte[] larger = new byte[Math.Max(_received.Length * 2, _count + n)];
                    int first = Math.Min(_count, _received.Length - _head);
                    Buffer.BlockCopy(_received, _head, larger, 0, first);
                    Buffer.BlockCopy(_received, 0, larger, first, _count - first);
                    _received = larger;
                    _head = 0;
                }

                int tail = (_head + _count) % _received.Length;
                int firstPart = Math.Min(n, _received.Length - tail);
                Buffer.BlockCopy(chunk, 0, _received, tail, firstPart);
                Buffer.BlockCopy(chunk, firstPart, _received, 0, n - firstPart);
                _count += n;
                Monitor.PulseAll(_receiveLock);
            }
        }
    }
}
