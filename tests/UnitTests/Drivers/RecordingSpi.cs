using System;
using System.Collections;
using V2G.Hal.Buses;

namespace V2G.UnitTests.Drivers
{
    /// <summary>
    /// An SPI device that passes every transfer on to the chip model and keeps a copy of what went out (MOSI)
    /// and came back (MISO), so tests can check the driver's bytes on the wire. Allocates per transfer:
    /// not for the allocation tests.
    /// </summary>
    public sealed class RecordingSpi : ISpiTransfer
    {
        private readonly ISpiTransfer _inner;
        private readonly ArrayList _mosi = new ArrayList();
        private readonly ArrayList _miso = new ArrayList();

        public RecordingSpi(ISpiTransfer inner)
        {
            _inner = inner;
        }

        /// <summary>Transfers recorded since the last <see cref="Clear"/>.</summary>
        public int Count => _mosi.Count;

        public void Transfer(byte[] writeBuffer, byte[] readBuffer, int length)
        {
            _inner.Transfer(writeBuffer, readBuffer, length);
            _mosi.Add(Copy(writeBuffer, length));
            _miso.Add(Copy(readBuffer, length));
        }

        /// <summary>The bytes the host sent in transfer <paramref name="index"/>.</summary>
        public byte[] Mosi(int index)
        {
            return (byte[])_mosi[index];
        }

        /// <summary>The bytes the chip answered in transfer <paramref name="index"/>.</summary>
        public byte[] Miso(int index)
        {
            return (byte[])_miso[index];
        }

        /// <summary>The 16-bit command word that opened transfer <paramref name="index"/>.</summary>
        public int Command(int index)
        {
            byte[] mosi = Mosi(index);
            return (mosi[0] << 8) | mosi[1];
        }

        /// <summary>Whether transfer <paramref name="index"/> was an external (packet buffer) access.</summary>
        public bool IsExternal(int index)
        {
            return (Command(index) & 0x4000) == 0;
        }

        /// <summary>Index of the first transfer at or after <paramref name="from"/> opened by <paramref name="command"/>, or −1.</summary>
        public int IndexOf(int command, int from)
        {
            for (int i = from; i < Count; i++)
            {
                if (Command(i) == command)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>How many transfers were opened by <paramref name="command"/>.</summary>
        public int CountOf(int command)
        {
            int count = 0;
            for (int i = 0; i < Count; i++)
            {
                if (Command(i) == command)
                {
                    count++;
                }
            }

            return count;
        }

        public void Clear()
        {
            _mosi.Clear();
            _miso.Clear();
        }

        private static byte[] Copy(byte[] buffer, int length)
        {
            byte[] copy = new byte[length];
            Array.Copy(buffer, copy, length);
            return copy;
        }
    }
}
