#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Iso15118;
using V2G.UnitTests.TestSupport;

namespace V2G.UnitTests.Iso15118
{
    [TestClass]
    public class PhysicalValueTests
    {
        [TestMethod]
        public void ValueTimesTenToTheExponent()
        {
            Expect.Near(398.5, PhysicalValue.ToDouble(-1, 3985), 1e-9, "398.5 V");
            Expect.Near(110000, PhysicalValue.ToDouble(1, 11000), 1e-9, "110 kW");
            Expect.Near(-36960, PhysicalValue.ToDouble(1, -3696), 1e-9, "negative energy request");
            Expect.Near(0.25, PhysicalValue.ToDouble(-2, 25), 1e-12, "0.25");
        }

        [TestMethod]
        public void TheFinestExponentThatFitsAShortIsChosen()
        {
            sbyte e;
            short v;

            Assert.IsTrue(PhysicalValue.FromDouble(398.5, -1, out e, out v));
            Assert.AreEqual((sbyte)(-1), e);
            Assert.AreEqual((short)3985, v);

            Assert.IsTrue(PhysicalValue.FromDouble(22000, -1, out e, out v));
            Assert.AreEqual((sbyte)0, e);
            Assert.AreEqual((short)22000, v);

            Assert.IsTrue(PhysicalValue.FromDouble(-110000, -1, out e, out v));
            Assert.AreEqual((sbyte)1, e);
            Assert.AreEqual((short)(-11000), v);
        }

        [TestMethod]
        public void AValueTooLargeForAShortAtTenToTheThirdIsRefused()
        {
            sbyte e;
            short v;

            Assert.IsFalse(PhysicalValue.FromDouble(1e9, 0, out e, out v));
            Assert.AreEqual((short)32767, v);
            Assert.IsFalse(PhysicalValue.FromDouble(double.NaN, 0, out e, out v));
        }
    }
}
