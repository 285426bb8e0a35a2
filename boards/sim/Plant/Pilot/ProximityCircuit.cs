using V2G.Hal.Pilot;

namespace V2G.Sim.Plant.Pilot
{
    /// <summary>
    /// The proximity contact as the charger's board measures it: the plug's PP–PE resistor while the plug
    /// is inserted (1.5 kΩ in a CCS2 DC plug [V:P3 EvseMode.md Q1]), open (+∞) otherwise. A fault value
    /// overrides both (a short to PE, a broken or wrong resistor).
    /// </summary>
    public sealed class ProximityCircuit : IProximitySense
    {
        private bool _inserted;
        private bool _faulted;
        private double _faultResistanceOhm;

        /// <summary>A proximity contact with the CCS2 plug's 1.5 kΩ resistor, not inserted.</summary>
        public ProximityCircuit() : this(1500)
        {
        }

        /// <summary>A proximity contact whose plug carries <paramref name="plugResistorOhm"/>.</summary>
        public ProximityCircuit(double plugResistorOhm)
        {
            PlugResistorOhm = plugResistorOhm;
        }

        /// <summary>The plug's coding resistor, Ω.</summary>
        public double PlugResistorOhm { get; set; }

        /// <summary>True while the plug is in the inlet.</summary>
        public bool IsInserted => _inserted;

        /// <summary>True while a fault value is injected.</summary>
        public bool IsFaulted => _faulted;

        /// <summary>The plug goes in.</summary>
        public void Insert()
        {
            _inserted = true;
        }

        /// <summary>The plug comes out.</summary>
        public void Remove()
        {
            _inserted = false;
        }

        /// <summary>Forces the measured resistance, Ω (0 = PP shorted to PE), whatever the plug does.</summary>
        public void InjectFault(double resistanceOhm)
        {
            _faulted = true;
            _faultResistanceOhm = resistanceOhm;
        }

        /// <summary>Removes an injected fault.</summary>
        public void ClearFault()
        {
            _faulted = false;
        }

        /// <summary>PP–PE resistance, Ω; +∞ when open.</summary>
        public double ResistanceOhm
        {
            get
            {
                if (_faulted)
                {
                    return _faultResistanceOhm;
                }

                return _inserted ? PlugResistorOhm : double.PositiveInfinity;
            }
        }
    }
}
