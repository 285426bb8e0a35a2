#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Protocol.Telemetry;

namespace V2G.UnitTests.Telemetry
{
    /// <summary>
    /// Commands come from the network: whatever the bytes, the reader and the command rules answer
    /// with a reason and never throw (an exception on the uplink thread would stop the dispatch).
    /// </summary>
    [TestClass]
    public class JsonReaderRobustnessTests
    {
        private const string Valid =
            "{\"id\":\"abc-1\",\"power_W\":-7400.5e0,\"valid_until\":\"2026-11-26T06:00:00+00:00\",\"priority\":100,"
            + "\"purpose\":\"arbitrage\",\"price_spread_per_kWh\":0.2}";

        private const string Nested =
            "{\"id\":\"d\\u00e9\\ud83d\\ude00\",\"x\":{\"y\":[true,false,null,{\"z\":-0.5E-3}]},\"preset\":\"fast\",\"k_of\":0.05}";

        // Bytes that matter to the grammar, so that mutations reach deep into it.
        private static readonly byte[] Interesting =
        {
            (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)'\\', (byte)':', (byte)',', (byte)'-', (byte)'+',
            (byte)'.', (byte)'e', (byte)'0', (byte)'1', (byte)'9', (byte)'u', (byte)'d', (byte)'t', (byte)'n', (byte)' ',
            0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF8, 0xFF,
        };

        private static uint _state;

        private static int NextInt(int bound)
        {
            // A fixed LCG: the same mutations on every run and on the device.
            _state = _state * 1664525 + 1013904223;
            return (int)((_state >> 8) % (uint)bound);
        }

        [TestMethod]
        public void TwentyThousandMutatedCommandsNeverThrow()
        {
            _state = 12345;
            byte[] strict = Utf8.Encode(Valid);
            byte[] nested = Utf8.Encode(Nested);
            byte[] payload = new byte[strict.Length + nested.Length];
            JsonReader r = new JsonReader();
            SetpointCommand setpoint = new SetpointCommand();
            DroopCommand droop = new DroopCommand();
            int accepted = 0;

            for (int run = 0; run < 20000; run++)
            {
                byte[] original = (run & 1) == 0 ? strict : nested;
                for (int i = 0; i < original.Length; i++)
                {
                    payload[i] = original[i];
                }

                int length = original.Length;
                int mutations = 1 + NextInt(4);
                for (int m = 0; m < mutations && length > 0; m++)
                {
                    int at = NextInt(length);
                    int how = NextInt(3);
                    if (how == 0)
                    {
                        payload[at] = Interesting[NextInt(Interesting.Length)];
                    }
                    else if (how == 1)
                    {
                        payload[at] = (byte)NextInt(256);
                    }
                    else
                    {
                        length = at;
                    }
                }

                string error = r.Parse(payload, length);
                if (error == null)
                {
                    for (int k = 0; k < r.MemberCount; k++)
                    {
                        Assert.IsNotNull(r.KeyAt(k));
                    }
                }

                if (SetpointCommand.Parse(r, 1795669200000, 300000, setpoint) == null)
                {
                    accepted++;
                }

                DroopCommand.Parse(r, droop);
            }

            Assert.IsTrue(accepted > 0, "some mutations leave a valid setpoint");
            Assert.IsTrue(accepted < 10000, "most mutations are refused");
        }

        [TestMethod]
        public void DeepNestingIsRefusedAtTheLimitNotByTheStack()
        {
            byte[] payload = new byte[1000];
            payload[0] = (byte)'{';
            payload[1] = (byte)'"';
            payload[2] = (byte)'a';
            payload[3] = (byte)'"';
            payload[4] = (byte)':';
            for (int i = 5; i < payload.Length; i++)
            {
                payload[i] = (byte)'[';
            }

            JsonReader r = new JsonReader();

            Assert.AreEqual("nesting too deep: more than 4 levels", r.Parse(payload, payload.Length));
        }

        [TestMethod]
        public void EveryTruncationOfAValidCommandIsMalformed()
        {
            byte[] payload = Utf8.Encode(Valid);
            JsonReader r = new JsonReader();
            Assert.IsNull(r.Parse(payload, payload.Length));

            for (int length = 0; length < payload.Length; length++)
            {
                string error = r.Parse(payload, length);
                Assert.IsNotNull(error, "length " + length.ToString());
            }
        }
    }
}
