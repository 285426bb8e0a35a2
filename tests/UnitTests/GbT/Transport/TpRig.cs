using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Transport;

namespace V2G.UnitTests.GbT.Transport
{
    /// <summary>Test helpers: frames from hex, and a 1 ms-step bus between a sender (BMS) and a receiver (charger).</summary>
    public static class TpRig
    {
        /// <summary>Frames the receiver sent during the last <see cref="Run"/>.</summary>
        public static int ReceiverFrames;

        /// <summary>Frames the sender sent during the last <see cref="Run"/>.</summary>
        public static int SenderFrames;

        /// <summary>Time of the last TP.DT the sender sent, ms.</summary>
        public static long LastDtMs;

        /// <summary>Gap between the last two TP.DT, ms.</summary>
        public static long LastDtGapMs;

        public static CanFrame Frame(uint id, string hex)
        {
            byte[] bytes = V2G.UnitTests.Slac.Hex.Parse(hex);
            CanFrame frame = new CanFrame();
            frame.Id = id;
            frame.IsExtended = true;
            frame.Length = bytes.Length;
            for (int i = 0; i < bytes.Length; i++)
            {
                frame.SetByte(i, bytes[i]);
            }

            return frame;
        }

        /// <summary>Payload hex of a frame, lower case.</summary>
        public static string Hex(CanFrame frame)
        {
            return V2G.UnitTests.GbT.Codec.CandumpLine.HexOf(ref frame);
        }

        /// <summary>Runs both ends from <paramref name="fromMs"/> to <paramref name="toMs"/> in 1 ms steps, delivering every frame at once.</summary>
        public static void Run(J1939TransportSender sender, J1939TransportReceiver receiver, long fromMs, long toMs)
        {
            ReceiverFrames = 0;
            SenderFrames = 0;
            for (long t = fromMs; t <= toMs; t++)
            {
                sender.Poll(t);
                receiver.Poll(t);
                CanFrame frame;
                while (sender.TryTakeFrame(out frame))
                {
                    SenderFrames++;
                    if (GbtCanId.PfOf(frame.Id) == GbtPf.TpDt)
                    {
                        LastDtGapMs = t - LastDtMs;
                        LastDtMs = t;
                    }

                    receiver.Handle(ref frame, t);
                }

                while (receiver.TryTakeFrame(out frame))
                {
                    ReceiverFrames++;
                    sender.Handle(ref frame, t);
                }
            }
        }

        /// <summary>A payload 0, 1, 2, ... of <paramref name="length"/> bytes.</summary>
        public static byte[] Pattern(int length)
        {
            byte[] b = new byte[length];
            for (int i = 0; i < length; i++)
            {
                b[i] = (byte)(i * 7 + 3);
            }

            return b;
        }
    }
}
