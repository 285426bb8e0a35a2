using System.Collections;
using V2G.Hal.Comms;

namespace V2G.UnitTests.Slac
{
    /// <summary>
    /// An Ethernet port for tests: frames queued by the test are received in order; frames sent are kept
    /// (copied) for the test to inspect.
    /// </summary>
    public sealed class FakeEthernetPort : IEthernetPort
    {
        private readonly ArrayList _incoming = new ArrayList();
        private readonly ArrayList _sent = new ArrayList();

        public FakeEthernetPort(byte[] mac)
        {
            MacAddress = mac;
        }

        public byte[] MacAddress { get; }

        /// <summary>While false, TrySend refuses (a full transmit queue).</summary>
        public bool AcceptSends = true;

        /// <summary>While false, sent frames are only counted, not copied (for the allocation test).</summary>
        public bool RecordSends = true;

        /// <summary>Frames accepted by TrySend, recorded or not.</summary>
        public int AcceptedSends;

        /// <summary>Frames offered to TrySend while it refused.</summary>
        public int RefusedSends;

        /// <summary>Frames longer than the receive buffer, dropped.</summary>
        public int DroppedTooLong;

        public int SentCount => _sent.Count;

        public int PendingCount => _incoming.Count;

        /// <summary>Queues a frame (its first <paramref name="length"/> bytes, copied) to be received.</summary>
        public void Inject(byte[] frame, int length)
        {
            byte[] copy = new byte[length];
            for (int i = 0; i < length; i++)
            {
                copy[i] = frame[i];
            }

            _incoming.Add(copy);
        }

        /// <summary>The i-th frame sent (0 = first).</summary>
        public byte[] Sent(int i)
        {
            return (byte[])_sent[i];
        }

        /// <summary>The newest frame sent, or null.</summary>
        public byte[] LastSent => _sent.Count == 0 ? null : (byte[])_sent[_sent.Count - 1];

        public void ClearSent()
        {
            _sent.Clear();
        }

        public bool TrySend(byte[] frame, int length)
        {
            if (!AcceptSends)
            {
                RefusedSends++;
                return false;
            }

            AcceptedSends++;
            if (!RecordSends)
            {
                return true;
            }

            byte[] copy = new byte[length];
            for (int i = 0; i < length; i++)
            {
                copy[i] = frame[i];
            }

            _sent.Add(copy);
            return true;
        }

        public int Receive(byte[] buffer)
        {
            while (_incoming.Count > 0)
            {
                byte[] frame = (byte[])_incoming[0];
                _incoming.RemoveAt(0);
                if (frame.Length > buffer.Length)
                {
                    DroppedTooLong++;
                    continue;
                }

                for (int i = 0; i < frame.Length; i++)
                {
                    buffer[i] = frame[i];
                }

                return frame.Length;
            }

            return 0;
        }
    }
}
