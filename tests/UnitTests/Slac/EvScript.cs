using V2G.Protocol.Slac;

namespace V2G.UnitTests.Slac
{
    /// <summary>
    /// The vehicle (and the charger's own modem) in the SLAC tests: builds their frames with the codec and
    /// queues them at the charger's <see cref="FakeEthernetPort"/>.
    /// </summary>
    public sealed class EvScript
    {
        /// <summary>The charger's host MAC.</summary>
        public static readonly byte[] EvseMac = { 0x02, 0x00, 0x00, 0x0E, 0x5E, 0x01 };

        /// <summary>The vehicle's host MAC (EVerest's emulator EV [V:E7]).</summary>
        public static readonly byte[] DefaultEvMac = { 0x00, 0x7D, 0xFA, 0x09, 0xFE, 0x76 };

        /// <summary>The charger modem's own MAC (distinct from the host's).</summary>
        public static readonly byte[] ModemMac = { 0x00, 0xB0, 0x52, 0x11, 0x22, 0x33 };

        private readonly FakeEthernetPort _port;

        public EvScript(FakeEthernetPort port, byte[] evMac, byte[] runId)
        {
            _port = port;
            EvMac = evMac;
            RunId = runId;
        }

        public readonly byte[] EvMac;

        public readonly byte[] RunId;

        /// <summary>The frame last built (so a test can mutate it before <see cref="Inject"/>).</summary>
        public readonly byte[] Frame = new byte[200];

        public int Length;

        /// <summary>Queues <see cref="Frame"/> as it is now.</summary>
        public void Inject()
        {
            _port.Inject(Frame, Length);
        }

        public EvScript BuildParmReq()
        {
            Length = SlacParmReq.Write(Frame, MmeHeader.BroadcastMac, EvMac, RunId);
            return this;
        }

        public void ParmReq()
        {
            BuildParmReq().Inject();
        }

        public EvScript BuildStartAttenChar()
        {
            Length = StartAttenCharInd.Write(Frame, MmeHeader.BroadcastMac, EvMac, 10, 6, 1, EvMac, RunId);
            return this;
        }

        public void StartAttenChar()
        {
            BuildStartAttenChar().Inject();
        }

        public void Sound(int cnt)
        {
            Length = MnbcSoundInd.Write(Frame, MmeHeader.BroadcastMac, EvMac, cnt, RunId, null);
            Inject();
        }

        /// <summary>The charger's modem reporting one sound of this EV with <paramref name="aag"/> (58 groups).</summary>
        public void Profile(byte[] aag)
        {
            Length = AttenProfileInd.Write(Frame, EvseMac, ModemMac, EvMac, aag);
            Inject();
        }

        /// <summary>A sound and its profile with every group at <paramref name="attenuationDb"/>.</summary>
        public void SoundWithProfile(int cnt, int attenuationDb)
        {
            Sound(cnt);
            Profile(Flat(attenuationDb));
        }

        public EvScript BuildAttenCharRsp(int result)
        {
            Length = V2G.Protocol.Slac.AttenCharRsp.Write(Frame, EvseMac, EvMac, EvMac, RunId, result);
            return this;
        }

        public void AttenCharRsp()
        {
            BuildAttenCharRsp(0).Inject();
        }

        public EvScript BuildMatchReq()
        {
            Length = SlacMatchReq.Write(Frame, EvseMac, EvMac, EvMac, EvseMac, RunId);
            return this;
        }

        public void MatchReq()
        {
            BuildMatchReq().Inject();
        }

        public void SetKeyCnf(int result)
        {
            Length = V2G.Protocol.Slac.SetKeyCnf.Write(Frame, EvseMac, ModemMac, result);
            Inject();
        }

        public void LinkStatus(int status)
        {
            Length = PlLinkStatusCnf.Write(Frame, EvseMac, ModemMac, status);
            Inject();
        }

        /// <summary>The whole sounding: 3 START_ATTEN_CHAR.IND, then <paramref name="sounds"/> sounds each with its profile.</summary>
        public void Sounding(int sounds, int attenuationDb)
        {
            StartAttenChar();
            StartAttenChar();
            StartAttenChar();
            for (int i = 0; i < sounds; i++)
            {
                SoundWithProfile(sounds - 1 - i, attenuationDb);
            }
        }

        public static byte[] Flat(int attenuationDb)
        {
            byte[] aag = new byte[MmeHeader.AagGroupCount];
            for (int i = 0; i < aag.Length; i++)
            {
                aag[i] = (byte)attenuationDb;
            }

            return aag;
        }

        public static byte[] Ascii(string s)
        {
            byte[] bytes = new byte[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                bytes[i] = (byte)s[i];
            }

            return bytes;
        }
    }
}
