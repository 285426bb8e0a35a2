using System;
using System.Collections.Generic;

namespace V2G.Fuzz
{
    /// <summary>
    /// Byte-level mutations of whole V2GTP messages, driven by one seeded <see cref="Random"/>: bit flips,
    /// interesting byte values, inserted, deleted and duplicated ranges, truncation, junk at the end,
    /// splices of two messages, and each field of the 8-byte V2GTP header (version, inverse version,
    /// payload type, payload length too long, too short or huge). The header's length field is kept
    /// consistent with the payload unless the operator is about the length, so most mutations reach the
    /// EXI decoder rather than dying in the framing.
    /// </summary>
    public sealed class Mutator
    {
        /// <summary>The V2GTP header: version, inverse version, payload type (2 bytes), payload length (4 bytes).</summary>
        public const int HeaderBytes = 8;

        private static readonly byte[] Interesting = { 0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE };
        private static readonly ushort[] PayloadTypes = { 0x8001, 0x8002, 0x8003, 0x8004, 0x8005, 0x8006, 0x8007, 0x9000, 0x9001, 0x0000, 0xFFFF };

        private readonly Random _random;

        public Mutator(Random random)
        {
            _random = random ?? throw new ArgumentNullException(nameof(random));
        }

        /// <summary>The names of the operators, indexed as <see cref="Mutate"/> reports them.</summary>
        public static readonly string[] OperatorNames =
        {
            "bit_flip", "interesting_byte", "random_bytes", "insert_range", "delete_range", "duplicate_range",
            "truncate", "extend_junk", "splice", "header_version", "header_inverse_version", "header_payload_type",
            "header_length_long", "header_length_short", "header_length_huge", "stacked",
        };

        /// <summary>A mutated copy of <paramref name="message"/>; <paramref name="other"/> is the second message for a splice.</summary>
        public byte[] Mutate(byte[] message, byte[] other, out int op)
        {
            op = _random.Next(OperatorNames.Length);
            return Apply(op, message, other);
        }

        private byte[] Apply(int op, byte[] message, byte[] other)
        {
            if (message.Length <= HeaderBytes)
            {
                // Too short to have a payload (an earlier stacked truncation): junk of a header's length or so.
                return RandomBytes(1 + _random.Next(HeaderBytes + 4));
            }

            var b = new List<byte>(message);
            int payload = b.Count - HeaderBytes;
            switch (op)
            {
                case 0:
                    for (int n = 1 + _random.Next(3), i = 0; i < n; i++)
                    {
                        int at = BodyIndex(b);
                        b[at] ^= (byte)(1 << _random.Next(8));
                    }

                    break;
                case 1:
                    b[BodyIndex(b)] = Interesting[_random.Next(Interesting.Length)];
                    break;
                case 2:
                    for (int n = 1 + _random.Next(4), i = 0; i < n; i++)
                    {
                        b[BodyIndex(b)] = (byte)_random.Next(256);
                    }

                    break;
                case 3:
                    b.InsertRange(HeaderBytes + _random.Next(payload + 1), RandomBytes(1 + _random.Next(16)));
                    break;
                case 4:
                    if (payload > 0)
                    {
                        int at = HeaderBytes + _random.Next(payload);
                        b.RemoveRange(at, 1 + _random.Next(Math.Min(16, b.Count - at)));
                    }

                    break;
                case 5:
                    if (payload > 0)
                    {
                        int at = HeaderBytes + _random.Next(payload);
                        int n = 1 + _random.Next(Math.Min(16, b.Count - at));
                        b.InsertRange(at + _random.Next(b.Count - at + 1), b.GetRange(at, n));
                    }

                    break;
                case 6:
                    // Truncated: the header still announces the whole payload, so the SECC waits for the rest.
                    return b.GetRange(0, _random.Next(b.Count)).ToArray();
                case 7:
                    b.AddRange(RandomBytes(1 + _random.Next(32)));
                    break;
                case 8:
                    if (other != null && other.Length > HeaderBytes && payload > 0)
                    {
                        int cut = HeaderBytes + _random.Next(payload);
                        int from = HeaderBytes + _random.Next(other.Length - HeaderBytes);
                        b.RemoveRange(cut, b.Count - cut);
                        for (int i = from; i < other.Length; i++)
                        {
                            b.Add(other[i]);
                        }
                    }

                    break;
                case 9:
                    {
                        // Anything but the protocol version 0x01.
                        b[0] = (byte)(2 + _random.Next(255));
                        return b.ToArray();
                    }

                case 10:
                    b[1] = (byte)(b[1] ^ (1 + _random.Next(255)));
                    return b.ToArray();
                case 11:
                    {
                        ushort type = PayloadTypes[_random.Next(PayloadTypes.Length)];
                        b[2] = (byte)(type >> 8);
                        b[3] = (byte)type;
                        return b.ToArray();
                    }

                case 12:
                    SetLength(b, (uint)(payload + 1 + _random.Next(64)));
                    return b.ToArray();
                case 13:
                    SetLength(b, (uint)_random.Next(Math.Max(1, payload)));
                    return b.ToArray();
                case 14:
                    SetLength(b, _random.Next(2) == 0 ? 0xFFFFFFFFu : (uint)(8193 + _random.Next(1 << 20)));
                    return b.ToArray();
                default:
                    byte[] stacked = message;
                    for (int n = 2 + _random.Next(3), i = 0; i < n; i++)
                    {
                        stacked = Apply(_random.Next(9), stacked, other);
                    }


                    return stacked;
            }

            SetLength(b, (uint)Math.Max(0, b.Count - HeaderBytes));
            return b.ToArray();
        }

        private int BodyIndex(List<byte> b)
        {
            // Mostly the payload; sometimes the header, to reach the framing checks too.
            return b.Count > HeaderBytes && _random.Next(8) != 0 ? HeaderBytes + _random.Next(b.Count - HeaderBytes) : _random.Next(b.Count);
        }

        private byte[] RandomBytes(int n)
        {
            var junk = new byte[n];
            for (int i = 0; i < n; i++)
            {
                junk[i] = _random.Next(3) == 0 ? Interesting[_random.Next(Interesting.Length)] : (byte)_random.Next(256);
            }

            return junk;
        }

        private static void SetLength(List<byte> b, uint length)
        {
            if (b.Count < HeaderBytes)
            {
                return;
            }

            b[4] = (byte)(length >> 24);
            b[5] = (byte)(length >> 16);
            b[6] = (byte)(length >> 8);
            b[7] = (byte)length;
        }
    }
}
