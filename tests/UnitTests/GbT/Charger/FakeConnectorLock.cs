using V2G.Hal.Connector;

namespace V2G.UnitTests.GbT.Charger
{
    /// <summary>A connector lock whose feedback follows the command unless <see cref="Jammed"/>.</summary>
    public sealed class FakeConnectorLock : IConnectorLock
    {
        private bool _commanded;

        /// <summary>While true, the feedback never reads locked.</summary>
        public bool Jammed;

        public int UnlockCount;

        public bool IsLocked => _commanded && !Jammed;

        public bool IsCommandedLocked => _commanded;

        public void Lock()
        {
            _commanded = true;
        }

        public void Unlock()
        {
            if (_commanded)
            {
                UnlockCount++;
            }

            _commanded = false;
        }
    }
}
