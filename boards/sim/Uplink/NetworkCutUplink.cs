using V2G.Hal.Comms;

namespace V2G.Sim.Uplink
{
    /// <summary>
    /// The network between the charger and its broker, which a scenario can cut ("broker_down") and
    /// restore ("broker_up"): while cut, the connection in place is dropped without a goodbye (the
    /// broker publishes the will once its keep-alive runs out or the socket closes), every connect
    /// fails as an unreachable host would, and nothing can be published.
    /// </summary>
    public sealed class NetworkCutUplink : IUplink
    {
        private readonly IUplink _inner;
        private bool _cut;

        public NetworkCutUplink(IUplink inner)
        {
            _inner = inner;
            _inner.MessageReceived += (topic, payload, length) =>
            {
                if (!_cut)
                {
                    MessageReceived?.Invoke(topic, payload, length);
                }
            };
        }

        public event UplinkMessageHandler MessageReceived;

        public IUplink Inner => _inner;

        public bool IsCut => _cut;

        /// <summary>Times the network was cut in this run.</summary>
        public int Cuts { get; private set; }

        public UplinkLinkState LinkState => _cut ? UplinkLinkState.Failed : _inner.LinkState;

        public void Cut()
        {
            if (_cut)
            {
                return;
            }

            _cut = true;
            Cuts++;
            _inner.Reset();
        }

        public void Restore()
        {
            _cut = false;
        }

        public void BeginConnect(UplinkConnectOptions options)
        {
            if (!_cut)
            {
                _inner.BeginConnect(options);
            }
        }

        public void Reset()
        {
            _inner.Reset();
        }

        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            return !_cut && _inner.Publish(topic, payload, length, qos, retain);
        }

        public bool Subscribe(string topicFilter, int qos)
        {
            return !_cut && _inner.Subscribe(topicFilter, qos);
        }
    }
}
