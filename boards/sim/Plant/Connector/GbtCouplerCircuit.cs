using V2G.Hal.Connector;

namespace V2G.Sim.Plant.Connector
{
    /// <summary>
    /// The GB/T 20234.3 DC coupler as the simulator models it: the charger's CC1 pull-up (12 V through
    /// R1 = 1 kΩ) against the plug's resistance to PE (1 kΩ while the plug's latch switch S is open, 500 Ω
    /// once it closes), which gives detection point 1 its 12 / 6 / 4 V; the auxiliary supply's relays
    /// K3/K4; the connector lock with its feedback. The levels follow GB/T 18487.1's detection circuit
    /// as commonly described; they are not in our digest, so the firmware's thresholds are settings.
    /// </summary>
    public sealed class GbtCouplerCircuit : ICc1Sense, IAuxiliaryPower, IConnectorLock
    {
        public const double PullUpV = 12;
        public const double R1Ohm = 1000;

        /// <summary>The plug's resistance to PE with S open (while the latch is pressed), Ω.</summary>
        public const double PlugOhm = 1000;

        /// <summary>The plug's resistance to PE with S closed (latched): two 1 kΩ in parallel, Ω.</summary>
        public const double LatchedOhm = 500;

        private bool _plugged;
        private bool _latched;
        private bool _auxOn;
        private bool _locked;

        public bool IsPlugged => _plugged;

        /// <summary>Fault injection: a broken CC1 wire reads as no plug (12 V); a short to PE reads 0 V.</summary>
        public bool Cc1ShortedToPe { get; set; }

        /// <summary>Fault injection: the lock's motor does not move (its feedback stays unlocked).</summary>
        public bool LockJammed { get; set; }

        /// <summary>The plug goes in and its latch closes (S closed): detection point 1 at 4 V.</summary>
        public void Plug()
        {
            _plugged = true;
            _latched = true;
        }

        /// <summary>The latch button is pressed (S open, 6 V): the driver is about to pull the plug.</summary>
        public void PressLatch()
        {
            _latched = false;
        }

        public void Unplug()
        {
            _plugged = false;
            _latched = false;
        }

        public double VoltageV
        {
            get
            {
                if (Cc1ShortedToPe)
                {
                    return 0;
                }

                if (!_plugged)
                {
                    return PullUpV;
                }

                double r = _latched ? LatchedOhm : PlugOhm;
                return PullUpV * r / (R1Ohm + r);
            }
        }

        public void Switch(bool on)
        {
            _auxOn = on && _plugged;
        }

        /// <summary>The BMS's supply is there only while the relays are closed and the plug is in.</summary>
        public bool IsOn => _auxOn && _plugged;

        public void Lock()
        {
            if (!LockJammed)
            {
                _locked = true;
            }
        }

        public void Unlock()
        {
            _locked = false;
        }

        public bool IsLocked => _locked;
    }
}
