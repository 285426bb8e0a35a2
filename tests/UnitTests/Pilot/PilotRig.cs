using V2G.Firmware.Pilot;
using V2G.Sim.Plant.Pilot;

namespace V2G.UnitTests.Pilot
{
    /// <summary>
    /// The charger's <see cref="ControlPilot"/> and <see cref="ProximityMonitor"/> on the physical circuit
    /// models, with a vehicle model on the other end; time advances in 20 ms control ticks.
    /// </summary>
    public sealed class PilotRig
    {
        public const int TickMs = 20;

        public readonly PilotSettings Settings = new PilotSettings();
        public readonly PilotCircuit Circuit;
        public readonly ProximityCircuit Proximity = new ProximityCircuit();
        public readonly EvControlPilot Vehicle;
        public readonly ControlPilot Pilot;
        public readonly ProximityMonitor ProximityMonitor;
        public long NowMs = 1000;

        public PilotRig() : this(12345u)
        {
        }

        public PilotRig(uint noiseSeed)
        {
            Circuit = new PilotCircuit(noiseSeed);
            Vehicle = new EvControlPilot(Circuit, Proximity);
            Pilot = new ControlPilot(Circuit, Settings);
            ProximityMonitor = new ProximityMonitor(Proximity, Settings);
        }

        /// <summary>Advances one control tick and updates both monitors.</summary>
        public void Tick()
        {
            NowMs += TickMs;
            Pilot.Update(NowMs);
            ProximityMonitor.Update(NowMs);
        }

        public void Ticks(int count)
        {
            for (int i = 0; i < count; i++)
            {
                Tick();
            }
        }

        /// <summary>Enough ticks for any level change to be confirmed.</summary>
        public void Settle()
        {
            Ticks(Settings.DebounceSamples + Settings.ProximityDebounceSamples + 2);
        }

        /// <summary>Ticks until <paramref name="untilMs"/> is reached (the last tick lands on or after it).</summary>
        public void RunUntil(long untilMs)
        {
            while (NowMs < untilMs)
            {
                Tick();
            }
        }
    }
}
