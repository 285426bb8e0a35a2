#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Slac;

namespace V2G.UnitTests.Slac
{
    /// <summary>SHA-256 against the FIPS 180-2 examples.</summary>
    [TestClass]
    public class Sha256Tests
    {
        [TestMethod]
        public void TheDigestOfAbcIsTheFips180Example()
        {
            Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digest(Ascii("abc")));
        }

        [TestMethod]
        public void TheDigestOfNothingIsTheKnownEmptyHash()
        {
            Assert.AreEqual("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digest(new byte[0]));
        }

        [TestMethod]
        public void TheDigestOfThe448BitMessageNeedsASecondPaddingBlock()
        {
            Assert.AreEqual(
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Digest(Ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
        }

        [TestMethod]
        public void TheDigestOfOneMillionAIsTheFips180Example()
        {
            byte[] data = new byte[1000000];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)'a';
            }

            Assert.AreEqual("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Digest(data));
        }

        [TestMethod]
        public void HashingFromAnOffsetIntoTheInputArrayItselfWorks()
        {
            byte[] data = Ascii("xxabcxx");
            byte[] buffer = new byte[32];
            for (int i = 0; i < 3; i++)
            {
                buffer[i] = data[2 + i];
            }

            new Sha256().Compute(buffer, 0, 3, buffer);

            Assert.AreEqual("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.Of(buffer));
            byte[] digest = new byte[32];
            new Sha256().Compute(data, 2, 3, digest);
            Assert.AreEqual(Hex.Of(buffer), Hex.Of(digest));
        }

        [TestMethod]
        public void MessagesAroundTheBlockBoundaryHashLikeTheReference()
        {
            // 55, 56 and 64 bytes of 'a': the lengths where the padding does or does not spill into a second block.
            Assert.AreEqual("9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318", Digest(Repeat('a', 55)));
            Assert.AreEqual("b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a", Digest(Repeat('a', 56)));
            Assert.AreEqual("ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb", Digest(Repeat('a', 64)));
        }

        internal static byte[] Ascii(string s)
        {
            byte[] bytes = new byte[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                bytes[i] = (byte)s[i];
            }

            return bytes;
        }

        private static byte[] Repeat(char c, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)c;
            }

            return bytes;
        }

        private static string Digest(byte[] data)
        {
            byte[] digest = new byte[32];
            new Sha256().Compute(data, 0, data.Length, digest);
            return Hex.Of(digest);
        }
    }
}
