#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Grid;

namespace V2G.UnitTests.Grid.Protection
{
    [TestClass]
    public class GridTripNamesTests
    {
        [TestMethod]
        public void EveryTripHasItsEnumName()
        {
            Assert.AreEqual("None", GridTripNames.Name(GridTrip.None));
            Assert.AreEqual("UnderFrequency", GridTripNames.Name(GridTrip.UnderFrequency));
            Assert.AreEqual("OverFrequency", GridTripNames.Name(GridTrip.OverFrequency));
            Assert.AreEqual("UnderVoltage", GridTripNames.Name(GridTrip.UnderVoltage));
            Assert.AreEqual("OverVoltage", GridTripNames.Name(GridTrip.OverVoltage));
            Assert.AreEqual("Rocof", GridTripNames.Name(GridTrip.Rocof));
            Assert.AreEqual("LossOfMains", GridTripNames.Name(GridTrip.LossOfMains));
        }

        [TestMethod]
        public void TheNamesAreDistinctAndCoverEveryValue()
        {
            for (int i = 0; i < GridTripNames.Count; i++)
            {
                string name = GridTripNames.Name((GridTrip)i);
                Assert.IsFalse(name == "Unknown", "value " + i);
                for (int j = 0; j < i; j++)
                {
                    Assert.IsFalse(GridTripNames.Name((GridTrip)j) == name, "values " + j + " and " + i);
                }
            }

            Assert.AreEqual("Unknown", GridTripNames.Name((GridTrip)GridTripNames.Count));
        }

        [TestMethod]
        public void TheNameTableMatchesTheEnumOnTheHost()
        {
#if !NANOFRAMEWORK_1_0
            string[] names = System.Enum.GetNames(typeof(GridTrip));
            Assert.AreEqual(GridTripNames.Count, names.Length);
            foreach (string name in names)
            {
                GridTrip trip = (GridTrip)System.Enum.Parse(typeof(GridTrip), name);
                Assert.AreEqual(name, GridTripNames.Name(trip));
            }
#endif
        }
    }
}
