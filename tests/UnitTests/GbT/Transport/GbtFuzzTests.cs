#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Transport;
using V2G.Protocol.Text;

namespace V2G.UnitTests.GbT.Transport
{
    /// <summary>Seeded random CAN frames into both TP ends and random payloads into every decoder: no exception, bounded work.</summary>
    [TestClass]
    public class GbtFuzzTests
    {
        private static uint _seed;

        private static int Next(int bound)
        {
            // Numerical Recipes LCG: reproducible on the host and the device.
            _seed = _seed * 1664525u + 1013904223u;
            return (int)((_seed >> 8) % (uint)bound);
        }

        private static CanFrame RandomTpFrame()
        {
            CanFrame frame = new CanFrame();
            int pf = Next(4) == 0 ? Next(256) : (Next(2) == 0 ? GbtPf.TpCm : GbtPf.TpDt);
            int destination = Next(3) == 0 ? Next(256) : (Next(2) == 0 ? GbtAddress.Charger : GbtAddress.Bms);
            int source = Next(3) == 0 ? Next(256) : (Next(2) == 0 ? GbtAddress.Bms : GbtAddress.Charger);
            frame.Id = GbtCanId.Make(Next(8), pf, destination, source);
            frame.IsExtended = Next(10) != 0;
            frame.Length = Next(5) == 0 ? Next(9) : 8;
            for (int i = 0; i < 8; i++)
            {
                int v = Next(256);
                if (i == 0 && pf == GbtPf.TpCm && Next(2) == 0)
                {
                    int[] controls = { 0x10, 0x11, 0x13, 0x20, 0xFF };
                    v = controls[Next(controls.Length)];
                }
                else if (i == 0 && pf == GbtPf.TpDt)
                {
                    v = Next(10);
                }

                frame.SetByte(i, (byte)v);
            }

            return frame;
        }

        [TestMethod]
        public void RandomFramesNeverThrowAndNeverWedgeTheTransport()
        {
            _seed = 20251127;
            J1939TransportReceiver rx = new J1939TransportReceiver(GbtAddress.Charger);
            J1939TransportSender tx = new J1939TransportSender(GbtAddress.Charger);
            byte[] payload = new byte[64];
            long now = 0;
            for (int i = 0; i < 20000; i++)
            {
                now += Next(30);
                if (!tx.IsBusy && Next(20) == 0)
                {
                    tx.Start(GbtPf.Bcs, Next(3) == 0 ? GbtAddress.Global : GbtAddress.Bms, payload, 9 + Next(50), now);
                }

                CanFrame frame = RandomTpFrame();
                rx.Handle(ref frame, now);
                tx.Handle(ref frame, now);
                rx.Poll(now);
                tx.Poll(now);
                CanFrame drained;
                while (rx.TryTakeFrame(out drained))
                {
                }

                while (tx.TryTakeFrame(out drained))
                {
                }

                int pf;
                int length;
                if (rx.TryTakeMessage(out pf, out length))
                {
                    Assert.IsTrue(length >= 1 && length <= J1939Tp.MaxMessageLength);
                }
            }

            // Whatever state the noise left, the timers bring both ends back to idle.
            for (int k = 0; k < 600; k++)
            {
                now += 10;
                rx.Poll(now);
                tx.Poll(now);
            }
            Assert.IsFalse(rx.IsBusy);
            Assert.IsFalse(tx.IsBusy);
        }

        [TestMethod]
        public void RandomPayloadsNeverThrowInAnyDecoder()
        {
            _seed = 42;
            byte[] payload = new byte[600];
            TextBuffer details = new TextBuffer(300);
            int accepted = 0;
            for (int i = 0; i < 20000; i++)
            {
                int pf = Next(4) == 0 ? Next(256) : Next(0x28);
                int length = Next(3) == 0 ? Next(600) : Next(60);
                for (int k = 0; k < length; k++)
                {
                    payload[k] = (byte)Next(256);
                }

                details.Clear();
                if (GbtMessageDecoder.Describe(pf, payload, length, details))
                {
                    accepted++;
                }
            }

            Assert.IsTrue(accepted > 1000, "most well-sized payloads decode: " + accepted);
            details.Clear();
            Assert.IsFalse(GbtMessageDecoder.Describe(GbtPf.Bcl, null, 5, details));
            Assert.IsFalse(GbtMessageDecoder.Describe(GbtPf.Bcl, payload, 700, details));
        }

        [TestMethod]
        public void TheDecoderWritesTheKeyFieldsOfABcl()
        {
            TextBuffer details = new TextBuffer(100);
            Assert.IsTrue(GbtMessageDecoder.Describe(GbtPf.Bcl, V2G.UnitTests.Slac.Hex.Parse("C0 0F C4 09 02"), 5, details));
            Assert.AreEqual("U=403.2 V I=-150.0 A mode=CC", details.ToString());
            details.Clear();
            Assert.IsTrue(GbtMessageDecoder.Describe(GbtPf.Cem, V2G.UnitTests.Slac.Hex.Parse("FC F0 C4 FC"), 4, details));
            Assert.AreEqual("BCL timeout ", details.ToString());
        }
    }
}
