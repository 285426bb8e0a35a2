namespace V2G.Hal.Comms
{
    /// <summary>Called for each message received on a subscribed topic.</summary>
    public delegate void UplinkMessageHandler(string topic, byte[] payload, int length);

    /// <summary>
    /// The connection to the aggregator's broker (MQTT): M2Mqtt on a board, MQTTnet on the host.
    /// It neither buffers nor reconnects by itself: the firmware's uplink service does both.
    /// </summary>
    public interface IUplink
    {
        bool IsConnected { get; }

        /// <summary>Publishes; returns false if not connected.</summary>
        bool Publish(string topic, byte[] payload, int length, int qos, bool retain);

        bool Subscribe(string topicFilter, int qos);

        event UplinkMessageHandler MessageReceived;
    }
}
