using System.Security.Cryptography.X509Certificates;

namespace V2G.Sim.Net
{
    /// <summary>Chain validation against configured trust anchors only (the V2G PKI is not in the system store).</summary>
    internal static class CertificateChecks
    {
        /// <summary>True if <paramref name="certificate"/> chains to one of <paramref name="anchors"/>, using the intermediates the peer sent.</summary>
        internal static bool ChainsTo(X509Certificate certificate, X509Chain peerChain, X509Certificate2Collection anchors)
        {
            if (certificate == null || anchors == null || anchors.Count == 0)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(anchors);
            // No CRL or OCSP in the simulator; OCSP stapling for -20 is a later issue.
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (peerChain != null)
            {
                chain.ChainPolicy.ExtraStore.AddRange(peerChain.ChainPolicy.ExtraStore);
                foreach (X509ChainElement element in peerChain.ChainElements)
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            return chain.Build(leaf);
        }
    }
}
