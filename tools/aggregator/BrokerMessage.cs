using System;

namespace V2G.Aggregator
{
    /// <summary>One message as the broker delivered it.</summary>
    public sealed class BrokerMessage
    {
        public BrokerMessage(string topic, byte[] payload, bool retain, DateTimeOffset receivedAt)
        {
            Topic = topic;
            Payload = payload;
            Retain = retain;
            ReceivedAt = receivedAt;
        }

        public string Topic { get; }

        public byte[] Payload { get; }

        /// <summary>Delivered from the broker's retained store (a subscription's first message), not published now.</summary>
        public bool Retain { get; }

        /// <summary>Local clock.</summary>
        public DateTimeOffset ReceivedAt { get; }
    }
}
