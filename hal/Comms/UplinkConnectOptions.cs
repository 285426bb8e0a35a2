namespace V2G.Hal.Comms
{
    /// <summary>
    /// What one connection to the broker asks for: the client id, the last will (the retained "offline"
    /// status the broker publishes when the link dies without a clean disconnect) and the MQTT 5 session.
    /// The supervisor fills one instance and reuses it for every attempt.
    /// </summary>
    public sealed class UplinkConnectOptions
    {
        /// <summary>MQTT client id; stable across reboots so the broker keeps the persistent session.</summary>
        public string ClientId;

        /// <summary>Topic of the last will (the charger's status topic); null for no will.</summary>
        public string WillTopic;

        /// <summary>Will payload bytes; only the first <see cref="WillLength"/> bytes are sent.</summary>
        public byte[] WillPayload;

        /// <summary>Number of bytes of <see cref="WillPayload"/> that form the will.</summary>
        public int WillLength;

        /// <summary>QoS of the will (1: the aggregator must see it).</summary>
        public int WillQos = 1;

        /// <summary>Whether the broker retains the will (yes: it replaces the retained "online" status).</summary>
        public bool WillRetain = true;

        /// <summary>MQTT keep-alive in seconds; the broker fires the will after 1.5 × this of silence.</summary>
        public int KeepAliveS = 30;

        /// <summary>MQTT 5 session expiry in seconds: QoS 1 commands sent while we were away are kept this long.</summary>
        public int SessionExpiryS = 3600;

        /// <summary>False: resume the broker's session (subscriptions and queued QoS 1 commands survive a reconnect).</summary>
        public bool CleanStart = false;
    }
}
