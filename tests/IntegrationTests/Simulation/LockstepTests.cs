using System.Net;
using System.Threading;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Hal.Comms;
using V2G.Sim.Net;
using V2G.Sim.Simulation;

namespace V2G.IntegrationTests.Simulation
{
    [TestClass]
    public class LockstepTests
    {
        private static (V2gTcpServer server, V2gConnection charger, V2gConnection vehicle) Connect()
        {
            var server = new V2gTcpServer(IPAddress.IPv6Loopback, 0);
            server.Start();
            V2gConnection vehicle = V2gTcpClient.Connect(server.LocalEndPoint);
            V2gConnection charger = null;
            for (int i = 0; i < 500 && !server.TryAccept(out charger); i++)
            {
                Thread.Sleep(10);
            }

            Assert.IsNotNull(charger, "accepted");
            return (server, charger, vehicle);
        }

        [TestMethod]
        public void BytesWrittenByOneEndAreInFlightUntilTheOtherEndHasReadThem()
        {
            var (server, chargerRaw, vehicleRaw) = Connect();
            using (server)
            {
                var lockstep = new Lockstep();
                IByteStream charger = lockstep.Wrap(chargerRaw);
                IByteStream vehicle = lockstep.Wrap(vehicleRaw);

                Assert.IsTrue(vehicle.Write(new byte[] { 1, 2, 3, 4, 5 }, 0, 5));
                Assert.AreEqual(5L, lockstep.BytesInFlight);
                Assert.IsFalse(lockstep.IsQuiet, "time must not advance while the request is on its way");

                var buffer = new byte[16];
                int read = 0;
                bool settled = lockstep.Settle(() => read += charger.Read(buffer, read, buffer.Length - read), 5000);

                Assert.IsTrue(settled);
                Assert.AreEqual(5, read);
                Assert.IsTrue(lockstep.IsQuiet);
            }
        }

        [TestMethod]
        public void ARequestAndItsAnswerBothSettleBeforeTimeMoves()
        {
            var (server, chargerRaw, vehicleRaw) = Connect();
            using (server)
            {
                var lockstep = new Lockstep();
                IByteStream charger = lockstep.Wrap(chargerRaw);
                IByteStream vehicle = lockstep.Wrap(vehicleRaw);
                var buffer = new byte[16];
                bool answered = false;
                bool gotAnswer = false;
                vehicle.Write(new byte[] { 7 }, 0, 1);

                // The charger answers the moment it reads the request; the vehicle reads the answer.
                lockstep.Settle(() =>
                {
                    if (!answered && charger.Read(buffer, 0, 1) == 1)
                    {
                        answered = true;
                        charger.Write(new byte[] { 8, 9 }, 0, 2);
                    }

                    if (answered && vehicle.Read(buffer, 0, 2) > 0)
                    {
                        gotAnswer = true;
                    }
                }, 5000);

                Assert.IsTrue(answered && gotAnswer);
                Assert.IsTrue(lockstep.IsQuiet);
            }
        }

        [TestMethod]
        public void APeerThatNeverReadsStallsOnlyUntilTheWallLimit()
        {
            var (server, chargerRaw, vehicleRaw) = Connect();
            using (server)
            {
                var lockstep = new Lockstep();
                IByteStream vehicle = lockstep.Wrap(vehicleRaw);
                vehicle.Write(new byte[] { 1 }, 0, 1);

                bool settled = lockstep.Settle(() => { }, 200);

                Assert.IsFalse(settled);
                Assert.AreEqual(1L, lockstep.Stalls);
                Assert.IsTrue(lockstep.IsQuiet, "forgotten, so the simulation goes on");
                chargerRaw.Close();
            }
        }
    }
}
