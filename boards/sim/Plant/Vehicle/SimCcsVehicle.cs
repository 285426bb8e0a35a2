using V2G.Hal.Comms;
using V2G.Protocol.Slac;
using V2G.Protocol.Trace;
using V2G.Sim.Plant.Pilot;

namespace V2G.Sim.Plant.Vehicle
{
    /// <summary>
    /// The vehicle's side of a CCS connector below ISO 15118-20: its pilot circuit (the diode, R2 and the
    /// S2 switch) and its SLAC, on the vehicle's port of the virtual PLC link. It starts SLAC when it sees
    /// the 5 % pilot, stops when the pilot leaves 5 % (the charger's error sequence), and closes S2 (state C)
    /// while its communication controller asks for energy.
    /// </summary>
    public sealed class SimCcsVehicle
    {
        private bool _slacRunning;
        private bool _forceNotReady;

        public SimCcsVehicle(PilotCircuit circuit, ProximityCircuit proximity, IEthernetPort port, SlacPevSettings settings, MessageLog log)
        {
            Pilot = new EvControlPilot(circuit, proximity);
            Slac = new SlacPev(settings ?? new SlacPevSettings(), port, log);
        }

        public EvControlPilot Pilot { get; }

        public SlacPev Slac { get; }

        public bool IsMatched => Slac.IsMatched;

        /// <summary>Fault injection: the vehicle opens S2 (back to B) whatever its session wants.</summary>
        public void ForceNotReady()
        {
            _forceNotReady = true;
        }

        public void Plug()
        {
            Pilot.Plug();
        }

        public void Unplug(long nowMs)
        {
            Pilot.SetS2(false);
            Pilot.Unplug();
            Slac.Unplug(nowMs);
            _slacRunning = false;
        }

        /// <param name="requestsEnergy">The vehicle's communication controller asks for energy (cable check to contactor open).</param>
        public void Step(long nowMs, bool requestsEnergy)
        {
            if (!Pilot.IsPlugged)
            {
                return;
            }

            Pilot.SetS2(requestsEnergy && !_forceNotReady);
            bool offered = Pilot.SeesDigitalCommunicationRequest;
            if (offered && !_slacRunning)
            {
                _slacRunning = true;
                Slac.Start(nowMs);
            }
            else if (!offered && _slacRunning)
            {
                _slacRunning = false;
                Slac.Stop(nowMs);
            }

            Slac.Poll(nowMs);
        }
    }
}
