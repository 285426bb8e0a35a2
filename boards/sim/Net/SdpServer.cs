using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using V2G.Protocol.Iso15118.Transport;

namespace V2G.Sim.Net
{
    /// <summary>
    /// The charger's SDP server: answers SDP requests (UDP, port 15118, sent to ff02::1) with the address,
    /// port and security of the V2G TCP server. A request asking for TLS gets the TLS port, one asking for none
    /// the plain port; when only one is offered, that one is announced whatever was asked (the EV decides
    /// whether to accept it). A refused request gets no answer: the EV repeats it.
    /// </summary>
    public sealed class SdpServer : IDisposable
    {
        private static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");

        private readonly SdpServerOptions _options;
        private readonly CancellationTokenSource _stopping = new();
        private Socket _socket;
        private int _answered;
        private int _refused;

        /// <summary>A server with <paramref name="options"/>; nothing happens before <see cref="Start"/>.</summary>
        public SdpServer(SdpServerOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            if (options.SeccAddress == null || options.SeccAddress.AddressFamily != AddressFamily.InterNetworkV6)
            {
                throw new ArgumentException("SDP announces an IPv6 address", nameof(options));
            }

            if (options.TlsPort == 0 && options.TcpPort == 0)
            {
                throw new ArgumentException("neither a TLS nor a TCP port to announce", nameof(options));
            }

            _options = options;
        }

        /// <summary>Raised (on a pool thread) after each answered request: the requester and what it asked for.</summary>
        public event EventHandler<SdpRequestEventArgs> RequestAnswered;

        /// <summary>The address and port bound (the port is known after <see cref="Start"/>).</summary>
        public IPEndPoint LocalEndPoint => (IPEndPoint)_socket?.LocalEndPoint;

        /// <summary>Requests answered.</summary>
        public int Answered => Volatile.Read(ref _answered);

        /// <summary>Datagrams refused (bad header, wrong length, unknown security or transport).</summary>
        public int Refused => Volatile.Read(ref _refused);

        /// <summary>Why the last datagram was refused (<see cref="SdpError.None"/> if none was).</summary>
        public SdpError LastError { get; private set; }

        /// <summary>True if the socket joined ff02::1 (not on loopback).</summary>
        public bool JoinedMulticast { get; private set; }

        /// <summary>Binds, joins ff02::1 unless bound to loopback, and starts answering.</summary>
        public void Start()
        {
            if (_socket != null)
            {
                throw new InvalidOperationException("already started");
            }

            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(_options.ListenAddress, _options.Port));
                if (!IPAddress.IsLoopback(_options.ListenAddress))
                {
                    socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.AddMembership,
                        new IPv6MulticastOption(AllNodes, _options.InterfaceIndex));
                    JoinedMulticast = true;
                }
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            _socket = socket;
            _ = Task.Run(ReceiveLoopAsync);
        }

        /// <summary>Stops answering.</summary>
        public void Dispose()
        {
            _stopping.Cancel();
            _socket?.Dispose();
        }

        /// <summary>
        /// The answer to a request, as a whole datagram, or the reason for none. Pure: the receive loop and the tests use it.
        /// </summary>
        public SdpError Answer(byte[] datagram, int count, byte[] answer, out SdpRequest request)
        {
            request = new SdpRequest();
            SdpError error = request.DecodeMessage(datagram, 0, count);
            if (error != SdpError.None)
            {
                return error;
            }

            var response = new SdpResponse
            {
                TransportProtocol = SdpTransportProtocol.Tcp,
            };
            response.SetAddress(_options.SeccAddress.GetAddressBytes(), 0);
            bool tls = request.Security == SdpSecurity.Tls ? _options.TlsPort != 0 : _options.TcpPort == 0;
            response.Security = tls ? SdpSecurity.Tls : SdpSecurity.NoTls;
            response.Port = (ushort)(tls ? _options.TlsPort : _options.TcpPort);
            return response.EncodeMessage(answer, 0);
        }

        private async Task ReceiveLoopAsync()
        {
            // Larger than any valid request, so an oversized datagram is seen whole and refused by its length.
            byte[] datagram = new byte[512];
            byte[] answer = new byte[SdpResponse.MessageLength];
            EndPoint any = new IPEndPoint(IPAddress.IPv6Any, 0);
            while (!_stopping.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(datagram, SocketFlags.None, any, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    // e.g. an ICMP port unreachable from an earlier answer: keep serving.
                    continue;
                }

                SdpError error = Answer(datagram, received.ReceivedBytes, answer, out SdpRequest request);
                if (error != SdpError.None)
                {
                    LastError = error;
                    Interlocked.Increment(ref _refused);
                    continue;
                }

                try
                {
                    await _socket.SendToAsync(answer, SocketFlags.None, received.RemoteEndPoint, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }

                Interlocked.Increment(ref _answered);
                RequestAnswered?.Invoke(this, new SdpRequestEventArgs((IPEndPoint)received.RemoteEndPoint, request.Security));
            }
        }
    }
}
