namespace V2G.Firmware.Uplink
{
    /// <summary>
    /// The bounded hand-over of checked commands from the uplink thread (one producer) to the control
    /// thread (one consumer): a ring of preallocated <see cref="UplinkCommand"/> slots, used like
    /// <see cref="UplinkOutbox"/>. Commands are rare; a full ring refuses the command (answered "busy").
    /// </summary>
    public sealed class UplinkInbox
    {
        private readonly UplinkCommand[] _commands;
        private readonly object _lock = new object();
        private int _head;
        private int _count;

        public UplinkInbox(int capacity)
        {
            _commands = new UplinkCommand[capacity < 2 ? 2 : capacity];
            for (int i = 0; i < _commands.Length; i++)
            {
                _commands[i] = new UplinkCommand();
            }
        }

        /// <summary>The free slot to fill next, or null if the ring is full. Producer only.</summary>
        public UplinkCommand BeginWrite()
        {
            lock (_lock)
            {
                return _count == _commands.Length ? null : _commands[(_head + _count) % _commands.Length];
            }
        }

        /// <summary>Hands the slot from <see cref="BeginWrite"/> over to the consumer. Producer only.</summary>
        public void CommitWrite()
        {
            lock (_lock)
            {
                _count++;
            }
        }

        /// <summary>The oldest command, or null. Consumer only.</summary>
        public UplinkCommand Peek()
        {
            lock (_lock)
            {
                return _count == 0 ? null : _commands[_head];
            }
        }

        /// <summary>Frees the command <see cref="Peek"/> returned. Consumer only.</summary>
        public void Release()
        {
            lock (_lock)
            {
                if (_count > 0)
                {
                    _commands[_head].Droop = null;
                    _head = (_head + 1) % _commands.Length;
                    _count--;
                }
            }
        }
    }
}
