using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.Dc;

namespace V2G.Iso15118.Tests
{
    /// <summary>Decoding into reused message objects and encoding from them allocate nothing in steady state.</summary>
    [TestClass]
    public sealed class AllocationTests
    {
        [TestMethod]
        public void DecodeAndEncodeOfABptDynamicChargeLoopReqAllocateNothing()
        {
            var doc = new Iso20DcDocument();
            byte[] input = Samples.DcChargeLoopReqBptDynamic;
            var output = new byte[256];
            // Warm-up: the first decode creates the message objects, later ones reuse them.
            Assert.AreEqual(ExiError.Ok, doc.Decode(input, 0, input.Length));
            Assert.AreEqual(ExiError.Ok, doc.Encode(output, 0, output.Length, out int length));
            Assert.AreEqual(input.Length, length);

            long before = GC.GetAllocatedBytesForCurrentThread();
            ExiError worst = ExiError.Ok;
            for (int i = 0; i < 10000; i++)
            {
                ExiError e = doc.Decode(input, 0, input.Length);
                if (e != ExiError.Ok) worst = e;
                e = doc.Encode(output, 0, output.Length, out length);
                if (e != ExiError.Ok) worst = e;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(ExiError.Ok, worst);
            Assert.AreEqual(0L, allocated, "bytes allocated over 10,000 decode+encode");
            CollectionAssert.AreEqual(input, output.AsSpan(0, length).ToArray());
        }
    }
}
