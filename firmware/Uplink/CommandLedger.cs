namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// The last N command ids with the reply each got. MQTT QoS 1 delivers at least once, so the
    /// aggregator's command can arrive twice (a redelivery after a lost PUBACK, the broker's persistent
    /// session after a reconnect): a repeat is applied once and answered with the first answer.
    /// An id is recorded when the command is taken in (pending), its reply when it is answered.
    /// Allocates only at construction; runs on the uplink thread.
    /// </summary>
    public sealed class CommandLedger
    {
        /// <summary>Longest reply kept per id, bytes (a setpoint reply is about 150).</summary>
        public const int MaxReplyBytes = 320;

        private readonly string[] _ids;
        private readonly byte[][] _replies;
        private readonly int[] _lengths;
        private int _next;
        private int _count;

        public CommandLedger(int capacity)
        {
            int n = capacity < 1 ? 1 : capacity;
            _ids = new string[n];
            _replies = new byte[n][];
            _lengths = new int[n];
            for (int i = 0; i < n; i++)
            {
                _replies[i] = new byte[MaxReplyBytes];
            }
        }

        public int Capacity => _ids.Length;

        /// <summary>Ids held.</summary>
        public int Count => _count;

        /// <summary>The slot of <paramref name="id"/>, or −1 if it is not remembered.</summary>
        public int Find(string id)
        {
            if (id == null)
            {
                return -1;
            }

            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] == id)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Remembers <paramref name="id"/> as taken in, not yet answered (the oldest id is forgotten when full); returns its slot.</summary>
        public int Add(string id)
        {
            int slot = _next;
            _ids[slot] = id;
            _lengths[slot] = -1;
            _next = (_next + 1) % _ids.Length;
            if (_count < _ids.Length)
            {
                _count++;
            }

            return slot;
        }

        /// <summary>Keeps the reply of the command <paramref name="id"/> (added first if it is not remembered). False if the reply is too long to keep.</summary>
        public bool SetReply(string id, byte[] reply, int offset, int length)
        {
            int slot = Find(id);
            if (slot < 0)
            {
                slot = Add(id);
            }

            if (length > MaxReplyBytes)
            {
                return false;
            }

            System.Array.Copy(reply, offset, _replies[slot], 0, length);
            _lengths[slot] = length;
            return true;
        }

        /// <summary>True once the command in <paramref name="slot"/> has been answered.</summary>
        public bool IsAnswered(int slot)
        {
            return slot >= 0 && slot < _count && _lengths[slot] >= 0;
        }

        /// <summary>The first reply of the command in <paramref name="slot"/>, bytes (valid while <see cref="IsAnswered"/>).</summary>
        public byte[] ReplyOf(int slot)
        {
            return _replies[slot];
        }

        /// <summary>Length of <see cref="ReplyOf"/>, or −1 while the command is pending.</summary>
        public int ReplyLengthOf(int slot)
        {
            return _lengths[slot];
        }
    }
}
