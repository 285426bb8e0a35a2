namespace V2G.UnitTests.Fakes
{
    /// <summary>One message the <see cref="FakeUplink"/> published.</summary>
    public sealed class FakePublish
    {
        public FakePublish(string topic, string payload, int qos, bool retain)
        {
            Topic = topic;
            Payload = payload;
            Qos = qos;
            Retain = retain;
        }

        public string Topic { get; }

        public string Payload { get; }

        public int Qos { get; }

        public bool Retain { get; }

        /// <summary>True if the payload contains <paramref name="text"/>.</summary>
        public bool Has(string text)
        {
            return Payload.IndexOf(text) >= 0;
        }
    }
}
