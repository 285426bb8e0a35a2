#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Text;

namespace V2G.UnitTests.Trace
{
    [TestClass]
    public class TextBufferTests
    {
        [TestMethod]
        public void NumbersAndTextAreAppendedInOrder()
        {
            TextBuffer b = new TextBuffer(64);

            b.Append("U=").Append(398.5, 1).Append(" V, I=").Append(-25.04, 1).Append(" A, n=").Append(-42L).Append(',').Append(0L);

            Assert.AreEqual("U=398.5 V, I=-25.0 A, n=-42,0", b.ToString());
        }

        [TestMethod]
        public void DecimalsAreRoundedHalfAwayFromZero()
        {
            TextBuffer b = new TextBuffer(64);

            b.Append(2.675, 2).Append(' ').Append(-0.004, 2).Append(' ').Append(-0.006, 2).Append(' ').Append(7.0, 0).Append(' ').Append(0.5, 0);

            Assert.AreEqual("2.68 0.00 -0.01 7 1", b.ToString());
        }

        [TestMethod]
        public void ExtremeValuesDoNotBreakTheFormatter()
        {
            TextBuffer b = new TextBuffer(64);

            b.Append(long.MinValue).Append(' ').Append(double.NaN, 2).Append(' ').Append(1e300, 1);

            Assert.AreEqual("-9223372036854775808 NaN inf", b.ToString());
        }

        [TestMethod]
        public void TextThatDoesNotFitIsCutAndFlagged()
        {
            TextBuffer b = new TextBuffer(5);

            b.Append("abcdefgh");

            Assert.AreEqual("abcde", b.ToString());
            Assert.IsTrue(b.Overflowed);
            b.Clear();
            Assert.IsFalse(b.Overflowed);
            Assert.AreEqual(0, b.Length);
        }

        [TestMethod]
        public void AppendingAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            TextBuffer b = new TextBuffer(64);
            b.Append("warm").Append(1.5, 2).Append(3L);
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                b.Clear();
                b.Append("EVPresentVoltage=").Append(398.5 + i, 1).Append(" V ").Append((long)i);
            }

            Assert.AreEqual(0L, System.GC.GetAllocatedBytesForCurrentThread() - before);
#endif
        }
    }
}
