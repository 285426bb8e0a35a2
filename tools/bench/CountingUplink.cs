using V2G.Hal.Comms;

namespace V2G.Bench
{
    /// <summary>A broker link that connects at once and only counts what is published: the uplink's own cost, without a network.</summary>
    public sealed class CountingUplink : IUplink
    {
        private UplinkLinkState _state = UplinkLinkState.Disconnected;

        public long Published { get; private set; }

        public long Bytes { get; private set; }

        public event UplinkMessageHandler MessageReceived;

        public UplinkLinkState LinkState => _state;

        public void BeginConnect(UplinkConnectOptions options)
        {
            _state = UplinkLinkState.Connected;
        }

        public void Reset()
        {
            _state = UplinkLinkState.Disconnected;
        }

        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            Published++;
            Bytes += length;
            return _state == UplinkLinkState.Connected;
        }

        public bool Subscribe(string topicFilter, int qos)
        {
            return _state == UplinkLinkState.Connected;
        }

        /// <summary>Delivers a message as the broker would (a command from the aggregator).</summary>
        public void Deliver(string topic, byte[] payload)
        {
            MessageReceived?.Invoke(topic, payload, payload.Length);
        }
    }
}
