using V2G.Protocol.Iso15118.Evcc;
using V2G.UnitTests.Fakes;

namespace V2G.UnitTests.Iso15118.Evcc
{
    /// <summary>An EVCC, its vehicle and a scripted charger on one in-memory connection, stepped tick by tick.</summary>
    public sealed class EvccRig
    {
        public const int TickMs = 20;

        public readonly FakeClock Clock = new FakeClock();
        public readonly FakeEvPlant Plant = new FakeEvPlant();
        public readonly FakeWallClock WallClock = new FakeWallClock();
        public readonly EvccSettings Settings;
        public readonly ScriptedCharger Charger;
        public BytePipe Pipe;
        public EvccSession Session;

        public EvccRig(EvccSettings settings)
        {
            Settings = settings;
            Clock.NowMs = 1000;
            Charger = new ScriptedCharger(Plant);
        }

        /// <summary>Creates the session and connects it (call after setting up the script).</summary>
        public EvccRig Start()
        {
            Session = new EvccSession(Settings, Plant, Clock, WallClock);
            Pipe = new BytePipe(65536);
            Charger.Attach(Pipe.ChargerEnd);
            Session.Attach(Pipe.EvEnd);
            return this;
        }

        public void Tick()
        {
            Clock.NowMs += TickMs;
            Session.Poll();
            Charger.Poll();
        }

        /// <summary>Runs until the session ends or pauses, at most <paramref name="maxTicks"/>.</summary>
        public void RunToEnd(int maxTicks)
        {
            for (int i = 0; i < maxTicks && !Session.IsFinished && !Session.IsPaused; i++)
            {
                Tick();
            }
        }

        /// <summary>Runs until the charger has received <paramref name="loops"/> DC_ChargeLoopReq (or the session ended).</summary>
        public void RunToLoop(int loops, int maxTicks)
        {
            for (int i = 0; i < maxTicks && Charger.LoopRequests < loops && !Session.IsFinished; i++)
            {
                Tick();
            }
        }

        /// <summary>The EVCC's log as text, one entry a line (allocates: for assert messages).</summary>
        public string LogText()
        {
            string text = "";
            for (int i = 0; i < Session.Log.Count; i++)
            {
                V2G.Protocol.Trace.TraceEntry e = Session.Log.Get(i);
                text += e.TimeMs + " " + e.Message + " " + e.Details.ToString() + (e.Failure != null ? " FAILURE " + e.Failure : "") + "\n";
            }

            return text;
        }

        /// <summary>The newest failure entry of the EVCC's log, or null.</summary>
        public V2G.Protocol.Trace.TraceEntry LastFailure()
        {
            for (int i = Session.Log.Count - 1; i >= 0; i--)
            {
                V2G.Protocol.Trace.TraceEntry e = Session.Log.Get(i);
                if (e.Failure != null && e.Direction == V2G.Protocol.Trace.MessageDirection.Event)
                {
                    return e;
                }
            }

            return null;
        }
    }
}
