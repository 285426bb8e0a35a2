using V2G.Protocol.Slac;

namespace V2G.Firmware.Diagnostics
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104, FIPS 198-1) over the portable <see cref="Sha256"/>: the device's mscorlib has
    /// no System.Security.Cryptography, and the shell's challenge-response login needs a keyed hash so the
    /// device secret never crosses the wire. Allocates only when a message is longer than any before;
    /// one instance is not thread-safe.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>Length of a MAC, bytes.</summary>
        public const int MacLength = Sha256.DigestLength;

        private const int BlockLength = 64;
        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5c;

        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _key = new byte[BlockLength];
        private readonly byte[] _outer = new byte[BlockLength + Sha256.DigestLength];
        private byte[] _inner = new byte[BlockLength + 64];

        /// <summary>
        /// Writes HMAC-SHA256(<paramref name="key"/>, <paramref name="count"/> bytes of <paramref name="data"/>
        /// from <paramref name="offset"/>) into <paramref name="mac32"/>.
        /// </summary>
        public void Compute(byte[] key, byte[] data, int offset, int count, byte[] mac32)
        {
            if (key == null || data == null || mac32 == null || offset < 0 || count < 0 || offset + count > data.Length || mac32.Length < MacLength)
            {
                throw new System.ArgumentException();
            }

            // A key longer than a block is hashed first; a shorter one is padded with zeros (RFC 2104 §2).
            for (int i = 0; i < BlockLength; i++)
            {
                _key[i] = 0;
            }

            if (key.Length > BlockLength)
            {
                _sha.Compute(key, 0, key.Length, _outer);
                for (int i = 0; i < Sha256.DigestLength; i++)
                {
                    _key[i] = _outer[i];
                }
            }
            else
            {
                for (int i = 0; i < key.Length; i++)
                {
                    _key[i] = key[i];
                }
            }

            if (_inner.Length < BlockLength + count)
            {
                _inner = new byte[BlockLength + count];
            }

            for (int i = 0; i < BlockLength; i++)
            {
                _inner[i] = (byte)(_key[i] ^ InnerPad);
                _outer[i] = (byte)(_key[i] ^ OuterPad);
            }

            for (int i = 0; i < count; i++)
            {
                _inner[BlockLength + i] = data[offset + i];
            }

            // H((K ^ opad) ‖ H((K ^ ipad) ‖ m)): the inner digest lands right after the outer pad.
            _sha.Compute(_inner, 0, BlockLength + count, mac32);
            for (int i = 0; i < Sha256.DigestLength; i++)
            {
                _outer[BlockLength + i] = mac32[i];
            }

            _sha.Compute(_outer, 0, _outer.Length, mac32);
        }
    }
}
