using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using V2G.Protocol.Iso15118.Transport;

namespace V2G.Sim.Net
{
    /// <summary>
    /// The vehicle's SDP client: sends an SDP request every <see cref="SdpClientOptions.RequestInterval"/>
    /// (250 ms) until a valid response comes, at most <see cref="SdpClientOptions.MaxRequests"/> (50) times.
    /// Invalid answers are ignored, as the standard's EV does.
    /// </summary>
    public sealed class SdpClient
    {
        private readonly SdpClientOptions _options;

        /// <summary>A client with <paramref name="options"/>.</summary>
        public SdpClient(SdpClientOptions options)
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(options.Destination);
            _options = options;
        }

        /// <summary>Invalid datagrams received (and ignored) during the last discovery.</summary>
        public int Ignored { get; private set; }

        /// <summary>Runs SDP; returns the charger's answer, or null when every request went unanswered.</summary>
        public async Task<SdpDiscovery> DiscoverAsync(CancellationToken cancellationToken = default)
        {
            Ignored = 0;
            AddressFamily family = _options.Destination.AddressFamily;
            using var socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            if (_options.Destination.Address.IsIPv6Multicast && _options.InterfaceIndex != 0)
            {
                socket.SetSocketOption(SocketOptionLevel.IPv6, SocketOptionName.MulticastInterface, _options.InterfaceIndex);
            }

            var request = new SdpRequest { Security = _options.Security, TransportProtocol = SdpTransportProtocol.Tcp };
            byte[] requestBytes = new byte[SdpRequest.MessageLength];
            request.EncodeMessage(requestBytes, 0);
            byte[] datagram = new byte[512];
            EndPoint any = new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);

            for (int sent = 1; sent <= _options.MaxRequests; sent++)
            {
                await socket.SendToAsync(requestBytes, SocketFlags.None, _options.Destination, cancellationToken).ConfigureAwait(false);
                var interval = Stopwatch.StartNew();
                while (true)
                {
                    TimeSpan left = _options.RequestInterval - interval.Elapsed;
                    if (left <= TimeSpan.Zero)
                    {
                        break;
                    }

                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    wait.CancelAfter(left);
                    SocketReceiveFromResult received;
                    try
                    {
                        received = await socket.ReceiveFromAsync(datagram, SocketFlags.None, any, wait.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (SocketException)
                    {
                        // An ICMP error for an earlier request (e.g. no server on ::1 yet): wait for the next.
                        continue;
                    }

                    var response = new SdpResponse();
                    if (response.DecodeMessage(datagram, 0, received.ReceivedBytes) != SdpError.None)
                    {
                        Ignored++;
                        continue;
                    }

                    var responder = (IPEndPoint)received.RemoteEndPoint;
                    var address = new IPAddress(response.Address);
                    if (address.IsIPv6LinkLocal)
                    {
                        address.ScopeId = responder.Address.ScopeId != 0 ? responder.Address.ScopeId : _options.InterfaceIndex;
                    }

                    return new SdpDiscovery(response, new IPEndPoint(address, response.Port), responder, sent);
                }
            }

            return null;
        }
    }
}
