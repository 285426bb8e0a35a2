using V2G.Hal.Security;

namespace V2G.Protocol.Slac
{
    /// <summary>
    /// The keys of a HomePlug AV logical network (digest §2.7): a random NMK per session, the NID derived
    /// from it, and the NMK-HS password hash (not needed by SLAC; kept because the published test vectors
    /// use it).
    /// </summary>
    public static class NetworkKey
    {
        /// <summary>SHA-256 rounds in the NID derivation: one over the NMK, then 4 more [V:E2, T1, Q5].</summary>
        public const int NidHashRounds = 5;

        /// <summary>SHA-256 rounds in NMK-HS: one over password ‖ salt, then 999 more [V:E2, Q5].</summary>
        public const int NmkHashRounds = 1000;

        /// <summary>
        /// Security level in NID[6] bits 5..4: ISO 15118-3 requires 0b00 ("[V2G3-A09-93]" per [V:T1]).
        /// </summary>
        public const int SecurityLevel = 0;

        /// <summary>The NMK-HS salt 08 85 6D AF 7C F5 81 86 [V:E2, Q5].</summary>
        private static readonly byte[] NmkSalt = { 0x08, 0x85, 0x6D, 0xAF, 0x7C, 0xF5, 0x81, 0x86 };

        /// <summary>Derives the 7-byte NID of <paramref name="nmk16"/> (allocates a hash and a scratch buffer: not for a tight loop).</summary>
        public static void DeriveNid(byte[] nmk16, byte[] nid7)
        {
            DeriveNid(new Sha256(), new byte[Sha256.DigestLength], nmk16, nid7);
        }

        /// <summary>
        /// Derives the NID without allocating: d = SHA256(NMK), 4 × d = SHA256(d); NID[0..5] = d[0..5],
        /// NID[6] = (security level &lt;&lt; 4) | (d[6] &gt;&gt; 4), so its top 2 bits are 0.
        /// </summary>
        public static void DeriveNid(Sha256 sha, byte[] scratch32, byte[] nmk16, byte[] nid7)
        {
            for (int round = 0; round < NidHashRounds; round++)
            {
                DeriveNidRound(sha, scratch32, nmk16, round);
            }

            FinishNid(scratch32, nid7);
        }

        /// <summary>
        /// One of the <see cref="NidHashRounds"/> rounds of the NID derivation (round 0 hashes the NMK, the
        /// others the previous digest in <paramref name="scratch32"/>): a device can spread the five hashes
        /// over five control periods instead of spending them in one.
        /// </summary>
        public static void DeriveNidRound(Sha256 sha, byte[] scratch32, byte[] nmk16, int round)
        {
            if (round == 0)
            {
                sha.Compute(nmk16, 0, MmeHeader.NmkLength, scratch32);
            }
            else
            {
                sha.Compute(scratch32, 0, Sha256.DigestLength, scratch32);
            }
        }

        /// <summary>The NID from the last round's digest.</summary>
        public static void FinishNid(byte[] scratch32, byte[] nid7)
        {
            for (int i = 0; i < 6; i++)
            {
                nid7[i] = scratch32[i];
            }

            nid7[6] = (byte)((SecurityLevel << 4) | (scratch32[6] >> 4));
        }

        /// <summary>
        /// The NMK of a network password (HomePlug NMK-HS): d = SHA256(UTF-8(password) ‖ salt), then
        /// 999 more rounds; NMK = d[0..15]. Allocates.
        /// </summary>
        public static void NmkFromPassword(string password, byte[] nmk16)
        {
            if (password == null)
            {
                password = string.Empty;
            }

            byte[] input = new byte[Utf8Length(password) + NmkSalt.Length];
            int n = WriteUtf8(password, input);
            for (int i = 0; i < NmkSalt.Length; i++)
            {
                input[n + i] = NmkSalt[i];
            }

            Sha256 sha = new Sha256();
            byte[] d = new byte[Sha256.DigestLength];
            sha.Compute(input, 0, input.Length, d);
            for (int round = 1; round < NmkHashRounds; round++)
            {
                sha.Compute(d, 0, Sha256.DigestLength, d);
            }

            for (int i = 0; i < MmeHeader.NmkLength; i++)
            {
                nmk16[i] = d[i];
            }
        }

        /// <summary>
        /// A fresh random NMK from <paramref name="entropy"/>. A hardware or cryptographic generator is
        /// the recommendation (digest §2.7 [U]); a key of all zeros is redrawn.
        /// </summary>
        public static void NewNmk(IEntropySource entropy, byte[] nmk16)
        {
            for (int attempt = 0; attempt < 4; attempt++)
            {
                entropy.Fill(nmk16, 0, MmeHeader.NmkLength);
                if (!MmeHeader.IsAllZero(nmk16, 0, MmeHeader.NmkLength))
                {
                    return;
                }
            }
        }

        // The device's mscorlib has System.Text.Encoding only in part; a password is short, so encode here.
        private static int Utf8Length(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c < 0x80)
                {
                    n += 1;
                }
                else if (c < 0x800)
                {
                    n += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    n += 4;
                    i++;
                }
                else
                {
                    n += 3;
                }
            }

            return n;
        }

        private static int WriteUtf8(string s, byte[] target)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (c < 0x80)
                {
                    target[n++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    target[n++] = (byte)(0xC0 | (c >> 6));
                    target[n++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                    target[n++] = (byte)(0xF0 | (cp >> 18));
                    target[n++] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    target[n++] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    target[n++] = (byte)(0x80 | (cp & 0x3F));
                }
                else
                {
                    target[n++] = (byte)(0xE0 | (c >> 12));
                    target[n++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    target[n++] = (byte)(0x80 | (c & 0x3F));
                }
            }

            return n;
        }
    }
}
