using System;
using System.Diagnostics;
using V2G.Protocol.Iso15118.Transport;
using V2G.Sim.Net;

namespace V2G.Transport.Tests.TestSupport
{
    internal static class Polling
    {
        /// <summary>Polls as the firmware would until the reader reports something other than Waiting, or the time is up (then Waiting).</summary>
        public static V2gtpReadStatus Until(V2gtpReader reader, V2gConnection connection, int timeoutMs = 5000)
        {
            var elapsed = Stopwatch.StartNew();
            while (true)
            {
                V2gtpReadStatus status = reader.Poll();
                if (status != V2gtpReadStatus.Waiting || elapsed.ElapsedMilliseconds > timeoutMs)
                {
                    return status;
                }

                connection.WaitForData(20);
            }
        }

        /// <summary>True once <paramref name="condition"/> holds, false after <paramref name="timeoutMs"/>.</summary>
        public static bool Eventually(Func<bool> condition, int timeoutMs = 5000)
        {
            var elapsed = Stopwatch.StartNew();
            while (!condition())
            {
                if (elapsed.ElapsedMilliseconds > timeoutMs)
                {
                    return false;
                }

                System.Threading.Thread.Sleep(10);
            }

            return true;
        }
    }
}
