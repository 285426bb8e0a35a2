using System.Collections;
using V2G.Hal.Comms;
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Fakes
{
    /// <summary>
    /// A broker client under the test's control: connects at once, fails, or hangs in Connecting for
    /// ever; can lose its link (also in the middle of a publish); records what was published and
    /// subscribed and the will it was given; injects inbound messages as the transport would.
    /// Recording allocates: allocation tests switch it off with <see cref="Recording"/>.
    /// </summary>
    public sealed class FakeUplink : IUplink
    {
        /// <summary>BeginConnect reaches Connected at once.</summary>
        public const int ConnectSucceeds = 0;

        /// <summary>BeginConnect ends in Failed (broker unreachable or refusing).</summary>
        public const int ConnectFails = 1;

        /// <summary>BeginConnect stays in Connecting until Reset (a socket that accepts and never answers).</summary>
        public const int ConnectHangs = 2;

        private readonly ArrayList _published = new ArrayList();
        private readonly ArrayList _subscriptions = new ArrayList();
        private UplinkLinkState _state = UplinkLinkState.Disconnected;

        /// <summary>What the next BeginConnect does.</summary>
        public int ConnectBehaviour = ConnectSucceeds;

        /// <summary>Subscribe returns false.</summary>
        public bool SubscribeRefused;

        /// <summary>The next publish loses the link instead of publishing (false returned).</summary>
        public bool DropOnNextPublish;

        /// <summary>Record publishes (false: only count them, allocation-free).</summary>
        public bool Recording = true;

        public int BeginConnects;
        public int Resets;
        public int PublishCount;

        /// <summary>The options of the last BeginConnect and a copy of its will payload (text).</summary>
        public UplinkConnectOptions LastOptions;
        public string LastWill;

        public UplinkLinkState LinkState => _state;

        public event UplinkMessageHandler MessageReceived;

        public void BeginConnect(UplinkConnectOptions options)
        {
            BeginConnects++;
            LastOptions = options;
            LastWill = options.WillPayload == null ? null : Utf8.Decode(options.WillPayload, 0, options.WillLength);
            _state = ConnectBehaviour == ConnectSucceeds ? UplinkLinkState.Connected
                : ConnectBehaviour == ConnectFails ? UplinkLinkState.Failed : UplinkLinkState.Connecting;
        }

        public void Reset()
        {
            Resets++;
            _state = UplinkLinkState.Disconnected;
        }

        public bool Publish(string topic, byte[] payload, int length, int qos, bool retain)
        {
            if (_state != UplinkLinkState.Connected)
            {
                return false;
            }

            if (DropOnNextPublish)
            {
                DropOnNextPublish = false;
                _state = UplinkLinkState.Disconnected;
                return false;
            }

            PublishCount++;
            if (Recording)
            {
                _published.Add(new FakePublish(topic, Utf8.Decode(payload, 0, length), qos, retain));
            }

            return true;
        }

        public bool Subscribe(string topicFilter, int qos)
        {
            if (_state != UplinkLinkState.Connected || SubscribeRefused)
            {
                return false;
            }

            _subscriptions.Add(topicFilter);
            return true;
        }

        /// <summary>The broker went away: the link is lost.</summary>
        public void DropLink()
        {
            _state = UplinkLinkState.Disconnected;
        }

        /// <summary>A message from the broker, raised as the transport would.</summary>
        public void Inject(string topic, string payload)
        {
            byte[] bytes = Utf8.Encode(payload);
            InjectBytes(topic, bytes, bytes.Length);
        }

        public void InjectBytes(string topic, byte[] payload, int length)
        {
            if (MessageReceived != null)
            {
                MessageReceived(topic, payload, length);
            }
        }

        public int PublishedCount => _published.Count;

        public FakePublish PublishedAt(int index)
        {
            return (FakePublish)_published[index];
        }

        /// <summary>Publishes on <paramref name="topic"/>, oldest first.</summary>
        public FakePublish[] On(string topic)
        {
            int n = 0;
            for (int i = 0; i < _published.Count; i++)
            {
                if (PublishedAt(i).Topic == topic)
                {
                    n++;
                }
            }

            FakePublish[] found = new FakePublish[n];
            n = 0;
            for (int i = 0; i < _published.Count; i++)
            {
                if (PublishedAt(i).Topic == topic)
                {
                    found[n++] = PublishedAt(i);
                }
            }

            return found;
        }

        /// <summary>The last publish on <paramref name="topic"/>, or null.</summary>
        public FakePublish LastOn(string topic)
        {
            FakePublish[] all = On(topic);
            return all.Length == 0 ? null : all[all.Length - 1];
        }

        public void ClearPublished()
        {
            _published.Clear();
        }

        public int SubscriptionCount => _subscriptions.Count;

        public string SubscriptionAt(int index)
        {
            return (string)_subscriptions[index];
        }
    }
}
