namespace V2G.Sim.Uplink
{
    /// <summary>Where the host's MQTT client connects and how: the broker, TLS, credentials, the wait for acknowledgements.</summary>
    public sealed class MqttNetUplinkOptions
    {
        /// <summary>The MQTT port without TLS.</summary>
        public const int DefaultPort = 1883;

        /// <summary>The MQTT port over TLS.</summary>
        public const int DefaultTlsPort = 8883;

        /// <summary>The broker's host name or address.</summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>The broker's TCP port.</summary>
        public int Port { get; set; } = DefaultPort;

        /// <summary>MQTT over TLS.</summary>
        public bool Tls { get; set; }

        /// <summary>
        /// PEM file of the CA (or CAs) the broker's certificate must chain to, for a private PKI;
        /// null: the system's trust store decides. The host name is checked either way.
        /// </summary>
        public string CaFile { get; set; }

        /// <summary>Accept any broker certificate (a test bench with a self-signed broker); never in the field.</summary>
        public bool AllowUntrusted { get; set; }

        /// <summary>MQTT username; null sends none.</summary>
        public string Username { get; set; }

        /// <summary>MQTT password (sent only with a username).</summary>
        public string Password { get; set; }

        /// <summary>
        /// The longest a call may block, ms: a QoS 1 publish waiting for its PUBACK, a subscribe waiting
        /// for its SUBACK. Also bounds a connect (socket, TLS, CONNACK), which then ends Failed.
        /// </summary>
        public int TimeoutMs { get; set; } = 5000;
    }
}
