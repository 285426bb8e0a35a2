#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Faults;

namespace V2G.UnitTests.Faults
{
    [TestClass]
    public class FaultCatalogueTests
    {
        [TestMethod]
        public void EveryCodeHasItsOwnEntryAtItsNumber()
        {
            for (int i = 0; i < FaultCatalogue.Count; i++)
            {
                Assert.AreEqual(i, (int)FaultCatalogue.At(i).Code);
                Assert.AreEqual(i, (int)FaultCatalogue.Get((FaultCode)i).Code);
            }

            Assert.AreEqual((int)FaultCode.LossOfMains + 1, FaultCatalogue.Count);
        }

        [TestMethod]
        public void NamesAreUniqueAndSnakeCase()
        {
            for (int i = 0; i < FaultCatalogue.Count; i++)
            {
                string name = FaultCatalogue.At(i).Name;
                Assert.IsTrue(name.Length > 0);
                for (int c = 0; c < name.Length; c++)
                {
                    char ch = name[c];
                    Assert.IsTrue((ch >= 'a' && ch <= 'z') || ch == '_', name);
                }

                for (int j = i + 1; j < FaultCatalogue.Count; j++)
                {
                    Assert.IsFalse(name == FaultCatalogue.At(j).Name, name);
                }
            }
        }

        [TestMethod]
        public void AnUnknownCodeReadsAsNone()
        {
            Assert.AreEqual(FaultCode.None, FaultCatalogue.Get((FaultCode)999).Code);
        }

        [TestMethod]
        public void EmergencyStopInsulationAndUnplugUnderLoadOpenAtOnce()
        {
            Assert.IsTrue(FaultCatalogue.Get(FaultCode.EmergencyStop).OpensContactorsAtOnce);
            Assert.IsTrue(FaultCatalogue.Get(FaultCode.InsulationFault).OpensContactorsAtOnce);
            Assert.IsTrue(FaultCatalogue.Get(FaultCode.VehicleDisconnectedUnderLoad).OpensContactorsAtOnce);
            Assert.IsFalse(FaultCatalogue.Get(FaultCode.OverCurrent).OpensContactorsAtOnce);
        }
    }
}
