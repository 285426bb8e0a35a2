using System.Net;

namespace V2G.EvSim
{
    /// <summary>What the bench vehicle connects to and how it behaves.</summary>
    public sealed class BenchVehicleOptions
    {
        /// <summary>The charger's address and port; null = find it by SDP.</summary>
        public IPEndPoint Charger { get; set; }

        /// <summary>Where SDP requests go when <see cref="Charger"/> is null (default [ff02::1]:15118).</summary>
        public IPEndPoint SdpDestination { get; set; }

        public int InterfaceIndex { get; set; }

        public bool Tls { get; set; }

        /// <summary>DER/PEM file of the CA the charger's certificate must chain to.</summary>
        public string CaFile { get; set; }

        /// <summary>PKCS#12 file with the vehicle's certificate and key (mutual authentication).</summary>
        public string CertificateFile { get; set; }

        public string CertificatePassword { get; set; } = "v2g";

        public bool Bidirectional { get; set; } = true;

        public bool DynamicMode { get; set; } = true;

        /// <summary>Scheduled mode: the power the vehicle asks for, W (negative = discharge).</summary>
        public double RequestedPowerW { get; set; }

        public double BatteryKWh { get; set; } = 60;

        public double SocPercent { get; set; } = 40;

        public int TargetSocPercent { get; set; } = 80;

        public int MinimumSocPercent { get; set; } = 20;

        /// <summary>The vehicle asks to stop after this long, s (0 = when the session ends by itself).</summary>
        public double StopAfterS { get; set; }

        /// <summary>The vehicle gives up (and the run fails) after this long, s.</summary>
        public double TimeLimitS { get; set; } = 3600;
    }
}
