using V2G.Hal.Buses;
using V2G.Protocol.GbT;
using V2G.Protocol.GbT.Charger;
using V2G.Protocol.Session;
using V2G.Protocol.Trace;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>
    /// The charger's GB/T session on a two-node test bus with the scripted BMS, a fake controller (or
    /// any IEvSessionPort), fake CC1/auxiliary power/lock and a simulated clock. <see cref="Step"/>
    /// moves time by <see cref="StepMs"/> and polls the BMS (only while the auxiliary power is on: it
    /// wakes on K3/K4) and the session.
    /// </summary>
    public sealed class GbtRig
    {
        public readonly GbtChargerSettings Settings;
        public readonly FakeClock Clock;
        public readonly TestCanBus Bus = new TestCanBus(60000);
        public readonly FakeCc1Sense Cc1 = new FakeCc1Sense();
        public readonly FakeAuxiliaryPower Aux = new FakeAuxiliaryPower();
        public readonly FakeConnectorLock Lock = new FakeConnectorLock();
        public readonly FakeSessionPort Port;
        public readonly MessageLog Log = new MessageLog(4096, 120);
        public readonly GbtChargerSession Session;
        public readonly BmsScript Bms;

        /// <summary>Simulated time per step, ms (the session is polled every step).</summary>
        public int StepMs = 5;

        /// <summary>When false, the scripted BMS is not polled (a test drives the bus itself).</summary>
        public bool BmsActive = true;

        public GbtRig(GbtChargerSettings settings)
            : this(settings, new FakeClock(), null)
        {
        }

        /// <summary>A rig on another controller (e.g. the real ChargeController on fakes) and its clock.</summary>
        public GbtRig(GbtChargerSettings settings, FakeClock clock, IEvSessionPort port)
        {
            Settings = settings;
            Clock = clock;
            Port = new FakeSessionPort(clock);
            Session = new GbtChargerSession(settings, port ?? Port, Bus.Charger, clock, Cc1, Aux, Lock, Log);
            Bms = new BmsScript(Bus.Bms);
        }

        public static GbtRig Create()
        {
            return new GbtRig(new GbtChargerSettings());
        }

        public static GbtRig Create(GbtProfile profile)
        {
            return new GbtRig(GbtChargerSettings.ForProfile(profile));
        }

        public long NowMs => Clock.NowMs;

        public GbtChargerStage Stage => Session.Stage;

        public void PlugIn()
        {
            Cc1.VoltageV = 4.0;
        }

        public void Unplug()
        {
            Cc1.VoltageV = 12.0;
        }

        public void Step()
        {
            Clock.NowMs += StepMs;
            Bus.NowMs = Clock.NowMs;
            if (BmsActive && Aux.IsOn)
            {
                Bms.Poll(Clock.NowMs);
            }
            else if (!Aux.IsOn && Bms.State != BmsScript.Idle)
            {
                Bms.Sleep();
            }

            Session.Poll(Clock.NowMs);
        }

        public void Advance(long ms)
        {
            long end = Clock.NowMs + ms;
            while (Clock.NowMs < end)
            {
                Step();
            }
        }

        /// <summary>Steps until the session is in <paramref name="stage"/>, at most <paramref name="maxMs"/>; returns whether it got there.</summary>
        public bool RunUntil(GbtChargerStage stage, long maxMs)
        {
            long end = Clock.NowMs + maxMs;
            while (Session.Stage != stage && Clock.NowMs < end)
            {
                Step();
            }

            return Session.Stage == stage;
        }

        /// <summary>Plugs in and runs to charging (about 6 s of simulated time).</summary>
        public bool ToCharging()
        {
            PlugIn();
            return RunUntil(GbtChargerStage.Charging, 20000);
        }

        // ---------------------------------------------------------------- the charger's recorded frames

        public static int PfOf(CanFrame frame)
        {
            return GbtCanId.PfOf(frame.Id);
        }

        /// <summary>Index of the first recorded charger frame of <paramref name="pf"/> at or after <paramref name="from"/>, or −1.</summary>
        public int IndexOf(int pf, int from)
        {
            for (int i = from < 0 ? 0 : from; i < Bus.Count; i++)
            {
                if (PfOf(Bus.Frame(i)) == pf)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Index of the first recorded charger frame of <paramref name="pf"/> whose byte 0 is <paramref name="firstByte"/>, or −1.</summary>
        public int IndexOf(int pf, int firstByte, int from)
        {
            for (int i = from < 0 ? 0 : from; i < Bus.Count; i++)
            {
                CanFrame frame = Bus.Frame(i);
                if (PfOf(frame) == pf && frame.GetByte(0) == firstByte)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Recorded charger frames of <paramref name="pf"/> sent at or after <paramref name="fromMs"/>.</summary>
        public int CountSent(int pf, long fromMs)
        {
            int n = 0;
            for (int i = 0; i < Bus.Count; i++)
            {
                if (PfOf(Bus.Frame(i)) == pf && Bus.TimeMs(i) >= fromMs)
                {
                    n++;
                }
            }

            return n;
        }

        /// <summary>Time of the last recorded charger frame of <paramref name="pf"/>, or −1.</summary>
        public long LastSentMs(int pf)
        {
            for (int i = Bus.Count - 1; i >= 0; i--)
            {
                if (PfOf(Bus.Frame(i)) == pf)
                {
                    return Bus.TimeMs(i);
                }
            }

            return -1;
        }

        /// <summary>Hex of a frame's payload ("FCF0C4FC").</summary>
        public static string HexOf(CanFrame frame)
        {
            const string digits = "0123456789ABCDEF";
            string s = "";
            for (int i = 0; i < frame.Length; i++)
            {
                byte b = frame.GetByte(i);
                s += digits[b >> 4].ToString() + digits[b & 0xF].ToString();
            }

            return s;
        }

        /// <summary>True if the log holds a failure named <paramref name="failure"/> on the CAN layer.</summary>
        public bool LoggedFailure(string failure)
        {
            for (int i = 0; i < Log.Count; i++)
            {
                TraceEntry e = Log.Get(i);
                if (e.Layer == FailureLayer.Can && e.Failure == failure)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True if the log holds an entry named <paramref name="message"/> in <paramref name="direction"/>.</summary>
        public bool Logged(string message, MessageDirection direction)
        {
            for (int i = 0; i < Log.Count; i++)
            {
                TraceEntry e = Log.Get(i);
                if (e.Direction == direction && e.Message == message)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
