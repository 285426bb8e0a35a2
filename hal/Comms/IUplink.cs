namespace V2G.Hal.Comms
{
    /// <summary>Called for each message received on a subscribed topic.</summary>
    public delegate void UplinkMessageHandler(string topic, byte[] payload, int length);

    /// <summary>
    /// The connection to the aggregator's broker (MQTT): M2Mqtt on a board, MQTTnet on the host.
    /// It neither buffers nor reconnects by itself: the firmware's uplink supervisor does both, and
    /// gives every state a timeout, so an adapter must never block its caller on a connect.
    /// </summary>
    public interface IUplink
    {
        /// <summary>Where the connection stands; read by the supervisor on every pump.</summary>
        UplinkLinkState LinkState { get; }

        /// <summary>
        /// Starts connecting without blocking; <see cref="LinkState"/> goes Connecting, then Connected or
        /// Failed. Called only when Disconnected or Failed (the supervisor calls Reset first otherwise).
        /// </summary>
        void BeginConnect(UplinkConnectOptions options);

        /// <summary>
        /// Drops the connection or the attempt in flight (a hung connect included) and rebuilds the client;
        /// afterwards <see cref="LinkState"/> is Disconnected. Returns without waiting for the old attempt.
        /// </summary>
        void Reset();

        /// <summary>
        /// Publishes. QoS 0: true once handed to the transport; QoS 1: true once acknowledged (blocks at
        /// most the adapter's timeout). False if not connected or not acknowledged in time.
        /// </summary>
        bool Publish(string topic, byte[] payload, int length, int qos, bool retain);

        /// <summary>Subscribes (blocks at most the adapter's timeout); false if not connected or refused.</summary>
        bool Subscribe(string topicFilter, int qos);

        /// <summary>Raised for each inbound message, on the transport's thread: handlers copy and return.</summary>
        event UplinkMessageHandler MessageReceived;
    }
}
