#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Firmware.Faults;

namespace V2G.UnitTests.Faults
{
    [TestClass]
    public class FaultLogTests
    {
        private static FaultRecord Record(long atMs)
        {
            FaultRecord r = default(FaultRecord);
            r.Code = FaultCode.OverCurrent;
            r.RaisedAtMs = atMs;
            r.ContactorsOpenAtMs = -1;
            r.ClearedAtMs = -1;
            return r;
        }

        [TestMethod]
        public void WhenFullTheOldestRecordIsOverwritten()
        {
            FaultLog log = new FaultLog(3);
            for (int i = 1; i <= 5; i++)
            {
                FaultRecord r = Record(i * 100);
                log.Add(ref r);
            }

            Assert.AreEqual(3, log.Count);
            Assert.AreEqual(5, log.TotalRaised);
            Assert.AreEqual(300L, log.Get(0).RaisedAtMs);
            Assert.AreEqual(500L, log.Get(2).RaisedAtMs);
        }

        [TestMethod]
        public void ARecordIsCompletedThroughItsHandle()
        {
            FaultLog log = new FaultLog(4);
            FaultRecord r = Record(100);
            int handle = log.Add(ref r);

            log.SetContactorsOpen(handle, 180, 42.5);
            log.SetCleared(handle, 900);

            FaultRecord stored = log.GetByHandle(handle);
            Assert.AreEqual(180L, stored.ContactorsOpenAtMs);
            Assert.AreEqual(42.5, stored.BreakingCurrentA);
            Assert.IsFalse(stored.IsActive);
            Assert.IsTrue(stored.IsSafeStateReached);
        }
    }
}
