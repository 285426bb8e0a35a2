#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace V2G.UnitTests.GbT.Codec
{
    /// <summary>What a trace test does when ../shared is not there.</summary>
    public static class TraceAssert
    {
        /// <summary>Reports the test Inconclusive (MSTest); on the device, where the framework shape has no Inconclusive, the test just ends.</summary>
        public static void Missing(string name)
        {
#if !NANOFRAMEWORK_1_0
            Assert.Inconclusive("../shared/interop/gbt27930/" + name + " not found in " + GbtTraceFiles.Folder);
#endif
        }
    }
}
