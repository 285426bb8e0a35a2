using V2G.Hal.Safety;

namespace V2G.UnitTests.Fakes
{
    /// <summary>An insulation monitor that has a result at once.</summary>
    public sealed class FakeInsulationMonitor : IInsulationMonitor
    {
        public double PathResistanceOhm = 5000000;

        public bool Active;

        public double LastTestVoltageV;

        public int Tests;

        public bool DeviceFault { get; set; }

        public bool HasResult => Active;

        public double ResistanceOhm => PathResistanceOhm;

        public void StartTest(double testVoltageV)
        {
            Active = true;
            LastTestVoltageV = testVoltageV;
            Tests++;
        }

        public void Stop()
        {
            Active = false;
        }
    }
}
