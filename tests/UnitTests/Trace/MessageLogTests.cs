#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Trace;

namespace V2G.UnitTests.Trace
{
    [TestClass]
    public class MessageLogTests
    {
        [TestMethod]
        public void EntriesKeepTimeDirectionMessageAndDetails()
        {
            MessageLog log = new MessageLog(8, 64);

            TraceEntry req = log.Add(1000, MessageDirection.Received, "DC_PreChargeReq");
            req.Details.Append("EVTargetVoltage=").Append(398.5, 1);
            TraceEntry res = log.Add(1004, MessageDirection.Sent, "DC_PreChargeRes");
            res.ResponseTimeMs = 4;

            Assert.AreEqual(2, log.Count);
            Assert.AreEqual("DC_PreChargeReq", log.Get(0).Message);
            Assert.AreEqual("EVTargetVoltage=398.5", log.Get(0).Details.ToString());
            Assert.AreEqual(MessageDirection.Sent, log.Get(1).Direction);
            Assert.AreEqual(4L, log.Get(1).ResponseTimeMs);
            Assert.AreEqual(-1L, log.Get(0).ResponseTimeMs);
        }

        [TestMethod]
        public void AFailureNamesItsLayer()
        {
            MessageLog log = new MessageLog(4, 32);

            log.AddFailure(2000, FailureLayer.Exi, "UnexpectedEvent");

            Assert.AreEqual(FailureLayer.Exi, log.Last.Layer);
            Assert.AreEqual("EXI", FailureLayerNames.Of(log.Last.Layer));
            Assert.AreEqual("UnexpectedEvent", log.Last.Failure);
            Assert.AreEqual(MessageDirection.Event, log.Last.Direction);
        }

        [TestMethod]
        public void WhenFullTheOldestEntriesAreReused()
        {
            MessageLog log = new MessageLog(3, 16);
            for (int i = 0; i < 5; i++)
            {
                log.Add(i * 100, MessageDirection.Received, "BCL");
            }

            Assert.AreEqual(3, log.Count);
            Assert.AreEqual(5L, log.Total);
            Assert.AreEqual(200L, log.Get(0).TimeMs);
            Assert.AreEqual(400L, log.Last.TimeMs);
        }

        [TestMethod]
        public void LoggingInTheChargeLoopAllocatesNothing()
        {
#if !NANOFRAMEWORK_1_0
            MessageLog log = new MessageLog(16, 64);
            log.Add(0, MessageDirection.Received, "warm").Details.Append(1.0, 1);
            long before = System.GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                TraceEntry e = log.Add(i, MessageDirection.Received, "DC_ChargeLoopReq");
                e.Details.Append("EVPresentVoltage=").Append(398.5, 1).Append(" V");
            }

            Assert.AreEqual(0L, System.GC.GetAllocatedBytesForCurrentThread() - before);
#endif
        }

        [TestMethod]
        public void ClearingStartsANewSessionLog()
        {
            MessageLog log = new MessageLog(4, 16);
            log.Add(1, MessageDirection.Received, "SessionSetupReq");

            log.Clear();

            Assert.AreEqual(0, log.Count);
            Assert.IsNull(log.Last);
        }
    }
}
