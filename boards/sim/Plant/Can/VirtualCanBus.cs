using V2G.Hal.Buses;
using V2G.Hal.Timing;
using V2G.Protocol.Can;

namespace V2G.Sim.Plant.Can
{
    /// <summary>
    /// A CAN bus in the simulator: any number of <see cref="VirtualCanNode"/> ports, and a frame sent by one
    /// node reaches every other node, as on the broadcast medium (GB/T 27930 puts exactly two nodes, charger and
    /// BMS, on a bus of their own [digest §2, S2, S10]). There is no arbitration: frames arrive in the order they
    /// were sent, after <see cref="VirtualCanBusSettings.DeliveryDelayMs"/> of the clock.
    /// <para>
    /// A recorder (<see cref="Recorder"/>) sees each frame that made it onto the wire. Fault injection:
    /// <see cref="DropFramesWithId"/> loses frames of one identifier (the sender believes they were sent, as
    /// after a receiver-side loss), <see cref="IsBusOff"/> takes the whole bus down, and
    /// <see cref="VirtualCanNode.ForcedBusOff"/> one node. Nodes are added at set-up; sending and receiving
    /// allocate nothing.
    /// </para>
    /// </summary>
    public sealed class VirtualCanBus
    {
        /// <summary>How many drop rules <see cref="DropFramesWithId"/> can hold at once.</summary>
        public const int MaxDropRules = 8;

        /// <summary>A drop rule's count that never runs out.</summary>
        public const int DropForever = -1;

        private readonly IMonotonicClock _clock;
        private readonly uint[] _dropIds = new uint[MaxDropRules];
        private readonly int[] _dropRemaining = new int[MaxDropRules];
        private readonly bool[] _dropActive = new bool[MaxDropRules];
        private VirtualCanNode[] _nodes = new VirtualCanNode[0];

        /// <summary>A bus on <paramref name="clock"/>'s time, with no nodes yet.</summary>
        public VirtualCanBus(IMonotonicClock clock, VirtualCanBusSettings settings)
        {
            if (clock == null)
            {
                throw new System.ArgumentNullException(nameof(clock));
            }

            _clock = clock;
            Settings = settings ?? new VirtualCanBusSettings();
        }

        /// <summary>Delivery settings (the delay applies to the next frame; the queue size to nodes added later).</summary>
        public VirtualCanBusSettings Settings { get; }

        /// <summary>Sees every frame that reaches the wire; null for none.</summary>
        public ICanFrameSink Recorder { get; set; }

        /// <summary>Fault injection: the whole bus is down (e.g. CAN_H shorted); no node can send or receive.</summary>
        public bool IsBusOff { get; set; }

        /// <summary>The simulated time, ms.</summary>
        public long NowMs => _clock.NowMs;

        /// <summary>Nodes on the bus.</summary>
        public int NodeCount => _nodes.Length;

        /// <summary>Frames put on the wire.</summary>
        public long FramesCarried { get; private set; }

        /// <summary>Frames lost to <see cref="DropFramesWithId"/>.</summary>
        public long FramesDropped { get; private set; }

        /// <summary>Sends refused: bus-off (bus or node) or an invalid frame.</summary>
        public long SendsRefused { get; private set; }

        /// <summary>Frames lost at full receive queues, all nodes.</summary>
        public long ReceiveOverflows
        {
            get
            {
                long total = 0;
                for (int i = 0; i < _nodes.Length; i++)
                {
                    total += _nodes[i].ReceiveOverflows;
                }

                return total;
            }
        }

        /// <summary>Adds a node (set-up only: allocates its queue).</summary>
        public VirtualCanNode AddNode(string name)
        {
            VirtualCanNode node = new VirtualCanNode(this, _nodes.Length, name, Settings.ReceiveQueueFrames);
            VirtualCanNode[] grown = new VirtualCanNode[_nodes.Length + 1];
            for (int i = 0; i < _nodes.Length; i++)
            {
                grown[i] = _nodes[i];
            }

            grown[_nodes.Length] = node;
            _nodes = grown;
            return node;
        }

        /// <summary>The node with <see cref="VirtualCanNode.Index"/> <paramref name="index"/>.</summary>
        public VirtualCanNode GetNode(int index)
        {
            return _nodes[index];
        }

        /// <summary>
        /// Fault injection: the next <paramref name="count"/> frames with identifier <paramref name="id"/>
        /// (<see cref="DropForever"/>: all of them until <see cref="ClearDropRules"/>) vanish from the wire. Returns
        /// false if <see cref="MaxDropRules"/> rules are already set. A rule for an id that has one replaces it.
        /// </summary>
        public bool DropFramesWithId(uint id, int count)
        {
            int free = -1;
            for (int i = 0; i < MaxDropRules; i++)
            {
                if (_dropActive[i] && _dropIds[i] == id)
                {
                    free = i;
                    break;
                }

                if (!_dropActive[i] && free < 0)
                {
                    free = i;
                }
            }

            if (free < 0)
            {
                return false;
            }

            _dropIds[free] = id;
            _dropRemaining[free] = count;
            _dropActive[free] = count != 0;
            return true;
        }

        /// <summary>Removes every drop rule.</summary>
        public void ClearDropRules()
        {
            for (int i = 0; i < MaxDropRules; i++)
            {
                _dropActive[i] = false;
            }
        }

        internal bool Transmit(VirtualCanNode sender, ref CanFrame frame)
        {
            if (IsBusOff || sender.ForcedBusOff || !CanHex.IsValid(ref frame))
            {
                SendsRefused++;
                return false;
            }

            sender.FramesSent++;
            if (ConsumeDropRule(frame.Id))
            {
                FramesDropped++;
                return true;
            }

            long nowMs = _clock.NowMs;
            FramesCarried++;
            if (Recorder != null)
            {
                Recorder.OnFrame(nowMs, sender.Index, ref frame);
            }

            long deliverAtMs = nowMs + Settings.DeliveryDelayMs;
            for (int i = 0; i < _nodes.Length; i++)
            {
                VirtualCanNode node = _nodes[i];
                if (node != sender && !node.ForcedBusOff)
                {
                    node.Deliver(ref frame, deliverAtMs);
                }
            }

            return true;
        }

        private bool ConsumeDropRule(uint id)
        {
            for (int i = 0; i < MaxDropRules; i++)
            {
                if (_dropActive[i] && _dropIds[i] == id)
                {
                    if (_dropRemaining[i] > 0 && --_dropRemaining[i] == 0)
                    {
                        _dropActive[i] = false;
                    }

                    return true;
                }
            }

            return false;
        }
    }
}
