using V2G.Hal.Connector;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>K3/K4 whose feedback follows the command at once; counts the switchings.</summary>
    public sealed class FakeAuxiliaryPower : IAuxiliaryPower
    {
        public bool IsOn { get; private set; }

        public int OnCount;

        public int OffCount;

        public void Switch(bool on)
        {
            if (on && !IsOn)
            {
                OnCount++;
            }

            if (!on && IsOn)
            {
                OffCount++;
            }

            IsOn = on;
        }
    }
}
