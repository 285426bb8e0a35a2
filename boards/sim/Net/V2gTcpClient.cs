using System;
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
    /// <summary>The vehicle side of a V2G TCP connection (EV simulator, benches): connects, optionally with TLS and a client certificate.</summary>
    public static class V2gTcpClient
    {
        /// <summary>Connects to <paramref name="server"/>; with <paramref name="tls"/> the TLS handshake is done before this returns.</summary>
        /// <exception cref="SocketException">The connection was refused.</exception>
        /// <exception cref="AuthenticationException">The handshake failed (e.g. the charger's certificate does not chain to the configured anchors).</exception>
        public static async Task<V2gConnection> ConnectAsync(IPEndPoint server, V2gTlsClientOptions tls = null, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(server);
            var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            var stream = new NetworkStream(socket, ownsSocket: true);
            if (tls == null)
            {
                return new V2gConnection(socket, stream, null);
            }

            var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = tls.TargetHost,
                EnabledSslProtocols = tls.EnabledProtocols,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    tls.ServerCertificateAuthorities.Count == 0
                        ? errors == SslPolicyErrors.None
                        : CertificateChecks.ChainsTo(certificate, chain, tls.ServerCertificateAuthorities),
            };
            if (tls.ClientCertificate != null)
            {
                options.ClientCertificateContext = SslStreamCertificateContext.Create(tls.ClientCertificate, tls.ClientCertificateChain, offline: true);
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(tls.HandshakeTimeout);
            try
            {
                await ssl.AuthenticateAsClientAsync(options, limit.Token).ConfigureAwait(false);
            }
            catch
            {
                ssl.Dispose();
                socket.Dispose();
                throw;
            }

            return new V2gConnection(socket, ssl, ssl);
        }

        /// <summary>Blocking form of <see cref="ConnectAsync"/>.</summary>
        public static V2gConnection Connect(IPEndPoint server, V2gTlsClientOptions tls = null)
        {
            return ConnectAsync(server, tls).GetAwaiter().GetResult();
        }
    }
}
