using V2G.Hal.Comms;

namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// One simulated HomePlug Green PHY modem (a QCA7000 as the host sees it through its driver) on a
    /// <see cref="VirtualPlcLink"/>: the host's Ethernet port. The host's MAC and the modem's MAC differ,
    /// as on real hardware ("The PLC device and the associated host interface must have different MAC
    /// address" [V:Q3]). The modem answers its own host's management frames (CM_SET_KEY, the Qualcomm
    /// vendor MMEs), keeps the network key it was given, and hands received frames to the host when
    /// their simulated arrival time has come. Nothing blocks; nothing is allocated after construction.
    /// </summary>
    public sealed class PlcModemModel : IEthernetPort
    {
        private readonly VirtualPlcLink _link;
        private readonly byte[] _hostMac;
        private readonly byte[] _modemMac;
        private readonly byte[] _nmk = new byte[PlcFrameLayout.NmkLength];
        private readonly byte[] _nid = new byte[PlcFrameLayout.NidLength];

        internal PlcModemModel(VirtualPlcLink link, string name, byte[] hostMac, byte[] modemMac, int queueFrames)
        {
            _link = link;
            Name = name;
            _hostMac = PlcFrameLayout.CopyMac(hostMac);
            _modemMac = PlcFrameLayout.CopyMac(modemMac);
            Queue = new PlcFrameQueue(queueFrames, PlcFrameLayout.MaxFrameLength);
            KeySetAtMs = -1;
        }

        internal readonly PlcFrameQueue Queue;

        /// <summary>"charger" or "vehicle", for logs.</summary>
        public string Name { get; }

        /// <summary>The host's MAC (6 bytes), as given to the link. Do not modify.</summary>
        public byte[] MacAddress => _hostMac;

        /// <summary>The modem's own MAC (source of its CNFs and of CM_ATTEN_PROFILE.IND). Do not modify.</summary>
        public byte[] ModemMacAddress => _modemMac;

        /// <summary>Whether the modem holds a network membership key set by its host.</summary>
        public bool HasKey { get; private set; }

        /// <summary>Simulated time the current key was set, ms; −1 if none.</summary>
        public long KeySetAtMs { get; private set; }

        /// <summary>CM_SET_KEY.REQs accepted.</summary>
        public int KeysSet { get; private set; }

        /// <summary>Until this simulated time the modem is restarting and drops every frame, ms.</summary>
        public long RestartUntilMs { get; private set; }

        /// <summary>Frames the host handed over (accepted by <see cref="TrySend"/>).</summary>
        public long FramesSent { get; private set; }

        /// <summary>Frames handed to the host by <see cref="Receive"/>.</summary>
        public long FramesReceived { get; private set; }

        /// <summary>Frames <see cref="TrySend"/> refused (shorter than an Ethernet header or longer than 1522 bytes).</summary>
        public long FramesRefused { get; private set; }

        /// <summary>Frames dropped because they were longer than the host's receive buffer.</summary>
        public long FramesTooLongForBuffer { get; private set; }

        /// <summary>Frames dropped, either way, while the modem was restarting.</summary>
        public long FramesDroppedRestarting { get; internal set; }

        /// <summary>Frames for the host dropped because its receive queue was full.</summary>
        public long ReceiveOverflows => Queue.Overflows;

        /// <summary>Frames waiting for the host (due or not yet).</summary>
        public int Pending => Queue.Count;

        /// <summary>Whether the modem is restarting at simulated time <paramref name="nowMs"/>.</summary>
        public bool IsRestartingAt(long nowMs) => nowMs < RestartUntilMs;

        /// <summary>Copies the NMK (16 bytes) into <paramref name="target"/>; false if the modem holds none.</summary>
        public bool CopyNmk(byte[] target)
        {
            PlcFrameLayout.Copy(_nmk, 0, target, 0, PlcFrameLayout.NmkLength);
            return HasKey;
        }

        /// <summary>Copies the NID (7 bytes) into <paramref name="target"/>; false if the modem holds none.</summary>
        public bool CopyNid(byte[] target)
        {
            PlcFrameLayout.Copy(_nid, 0, target, 0, PlcFrameLayout.NidLength);
            return HasKey;
        }

        /// <summary>Forgets the key (a power cycle without a stored PIB key): the network splits.</summary>
        public void ForgetKey()
        {
            HasKey = false;
            KeySetAtMs = -1;
            _link.KeysChanged(_link.NowMs);
        }

        /// <summary>Hands a frame to the modem: answered locally, carried across the medium, or filtered.</summary>
        public bool TrySend(byte[] frame, int length)
        {
            if (frame == null || length < PlcFrameLayout.EthernetHeaderLength || length > frame.Length || length > PlcFrameLayout.MaxFrameLength)
            {
                FramesRefused++;
                return false;
            }

            FramesSent++;
            _link.FromHost(this, frame, length);
            return true;
        }

        /// <summary>Copies the earliest frame due now into <paramref name="buffer"/>; 0 if none.</summary>
        public int Receive(byte[] buffer)
        {
            long now = _link.NowMs;
            while (true)
            {
                int slot = Queue.TakeDue(now);
                if (slot < 0)
                {
                    return 0;
                }

                int length = Queue.LengthOf(slot);
                if (buffer == null || length > buffer.Length)
                {
                    FramesTooLongForBuffer++;
                    continue;
                }

                PlcFrameLayout.Copy(Queue.DataOf(slot), 0, buffer, 0, length);
                FramesReceived++;
                return length;
            }
        }

        internal void StoreKey(byte[] setKeyReq, long nowMs)
        {
            PlcFrameLayout.Copy(setKeyReq, PlcFrameLayout.SetKeyReqNid, _nid, 0, PlcFrameLayout.NidLength);
            PlcFrameLayout.Copy(setKeyReq, PlcFrameLayout.SetKeyReqNewKey, _nmk, 0, PlcFrameLayout.NmkLength);
            HasKey = true;
            KeySetAtMs = nowMs;
            KeysSet++;
        }

        internal void BeginRestart(long untilMs)
        {
            if (untilMs > RestartUntilMs)
            {
                RestartUntilMs = untilMs;
            }
        }

        internal bool SameKeyAs(PlcModemModel other)
        {
            return HasKey && other.HasKey
                && PlcFrameLayout.Equal(_nmk, 0, other._nmk, 0, PlcFrameLayout.NmkLength)
                && PlcFrameLayout.Equal(_nid, 0, other._nid, 0, PlcFrameLayout.NidLength);
        }
    }
}
