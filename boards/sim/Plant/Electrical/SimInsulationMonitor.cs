using V2G.Hal.Safety;

namespace V2G.Sim.Plant.Electrical
{
    /// <summary>
    /// An insulation monitor: a measurement takes <see cref="MeasurementTimeMs"/>, after which it
    /// keeps updating at that interval while active. The insulation path's resistance is set by the
    /// scenario (a fault is a low value).
    /// </summary>
    public sealed class SimInsulationMonitor : IInsulationMonitor
    {
        private bool _active;
        private double _sinceStartMs;
        private double _resistanceOhm;

        public SimInsulationMonitor(double pathResistanceOhm)
        {
            PathResistanceOhm = pathResistanceOhm;
        }

        /// <summary>The true insulation resistance of the DC path to earth, Ω.</summary>
        public double PathResistanceOhm { get; set; }

        public double MeasurementTimeMs = 1000;

        public bool DeviceFault { get; set; }

        public bool HasResult { get; private set; }

        public double ResistanceOhm => _resistanceOhm;

        public bool IsActive => _active;

        public void StartTest(double testVoltageV)
        {
            _active = true;
            _sinceStartMs = 0;
            HasResult = false;
        }

        public void Stop()
        {
            _active = false;
            HasResult = false;
        }

        public void Step(double dtMs)
        {
            if (!_active)
            {
                return;
            }

            _sinceStartMs += dtMs;
            if (_sinceStartMs >= MeasurementTimeMs)
            {
                _resistanceOhm = PathResistanceOhm;
                HasResult = true;
                _sinceStartMs = 0;
            }
        }
    }
}
