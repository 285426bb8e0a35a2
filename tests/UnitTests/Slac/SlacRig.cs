using V2G.Protocol.Slac;
using V2G.Protocol.Trace;

namespace V2G.UnitTests.Slac
{
    /// <summary>
    /// A charger's SLAC with a fake port, seeded entropy, a message log and a simulated clock
    /// (<see cref="NowMs"/>, passed to every call), plus the vehicle's script.
    /// </summary>
    public sealed class SlacRig
    {
        /// <summary>Tesla's RunID, "TESLA EV" in ASCII (pitfall #2).</summary>
        public static readonly byte[] TeslaRunId = { 0x54, 0x45, 0x53, 0x4C, 0x41, 0x20, 0x45, 0x56 };

        public readonly SlacSettings Settings;

        public readonly FakeEthernetPort Port;

        public readonly SeededEntropy Entropy;

        public readonly MessageLog Log;

        public readonly SlacMatching Slac;

        public readonly EvScript Ev;

        public long NowMs;

        public SlacRig(SlacSettings settings, byte[] runId)
        {
            Settings = settings;
            Port = new FakeEthernetPort(EvScript.EvseMac);
            Entropy = new SeededEntropy(42);
            Log = new MessageLog(256, 96);
            Slac = new SlacMatching(settings, Port, Entropy, Log);
            Ev = new EvScript(Port, EvScript.DefaultEvMac, runId);
        }

        /// <summary>A rig with the default settings except <see cref="SlacSettings.ResetInsteadOfFail"/> off, so a failure shows at once.</summary>
        public static SlacRig Create()
        {
            SlacSettings settings = new SlacSettings();
            settings.ResetInsteadOfFail = false;
            return new SlacRig(settings, TeslaRunId);
        }

        public void Poll()
        {
            Slac.Poll(NowMs);
        }

        /// <summary>Moves the clock <paramref name="ms"/> forward in 10 ms ticks, polling at each.</summary>
        public void Advance(long ms)
        {
            long end = NowMs + ms;
            while (NowMs < end)
            {
                long step = end - NowMs < 10 ? end - NowMs : 10;
                NowMs += step;
                Poll();
            }
        }

        /// <summary>
        /// Reset, then the polls that derive the new key's NID one hash at a time (no time passes), after
        /// which CM_SET_KEY.REQ has gone to the modem.
        /// </summary>
        public void ResetKey()
        {
            Slac.Reset(NowMs);
            DeriveKey();
        }

        /// <summary>The polls a new key's NID takes (<see cref="NetworkKey.NidHashRounds"/>), at the present time.</summary>
        public void DeriveKey()
        {
            for (int i = 0; i < NetworkKey.NidHashRounds; i++)
            {
                Poll();
            }
        }

        /// <summary>Start-up: Reset, the modem confirms the key (Result 0x01).</summary>
        public void LoadKey()
        {
            ResetKey();
            Ev.SetKeyCnf(0x01);
            Poll();
        }

        /// <summary>Key loaded and the pilot in B: waiting for CM_SLAC_PARM.REQ.</summary>
        public void Plugged()
        {
            LoadKey();
            Slac.EnterBcd(NowMs);
            Poll();
        }

        /// <summary>Up to CM_ATTEN_CHAR.IND sent, with 10 flat profiles at <paramref name="attenuationDb"/>.</summary>
        public void SoundedUpToAttenCharInd(int attenuationDb)
        {
            Plugged();
            Ev.ParmReq();
            Poll();
            Advance(100);
            Ev.Sounding(10, attenuationDb);
            Poll();
        }

        /// <summary>Up to waiting for CM_SLAC_MATCH.REQ.</summary>
        public void UpToWaitingForMatch()
        {
            SoundedUpToAttenCharInd(20);
            Ev.AttenCharRsp();
            Poll();
        }

        /// <summary>Up to CM_SLAC_MATCH.CNF sent.</summary>
        public void UpToMatchCnf()
        {
            UpToWaitingForMatch();
            Advance(900);
            Ev.MatchReq();
            Poll();
        }

        /// <summary>The newest frame sent of <paramref name="mmType"/>, or null.</summary>
        public byte[] LastSent(int mmType)
        {
            for (int i = Port.SentCount - 1; i >= 0; i--)
            {
                if (TypeOf(Port.Sent(i)) == mmType)
                {
                    return Port.Sent(i);
                }
            }

            return null;
        }

        /// <summary>How many frames of <paramref name="mmType"/> were sent.</summary>
        public int CountSent(int mmType)
        {
            int n = 0;
            for (int i = 0; i < Port.SentCount; i++)
            {
                if (TypeOf(Port.Sent(i)) == mmType)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>True if the message log holds a failure named <paramref name="reason"/> in the SLAC layer.</summary>
        public bool LoggedFailure(string reason)
        {
            for (int i = 0; i < Log.Count; i++)
            {
                TraceEntry e = Log.Get(i);
                if (e.Layer == FailureLayer.Slac && e.Failure == reason)
                {
                    return true;
                }
            }

            return false;
        }

        private static int TypeOf(byte[] frame)
        {
            int mmv;
            int mmType;
            return MmeHeader.TryRead(frame, frame.Length, out mmv, out mmType) ? mmType : -1;
        }
    }
}
