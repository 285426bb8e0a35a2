using V2G.Hal.Power;

namespace V2G.UnitTests.Fakes
{
    /// <summary>A contactor whose auxiliary contact follows the coil at once, unless welded or dead.</summary>
    public sealed class FakeContactor : IContactor
    {
        private bool _main;

        public bool Welded;

        public bool Dead;

        public bool IsCommandedClosed { get; private set; }

        public bool IsFeedbackClosed => _main;

        public int OpenCommands;

        public void Close()
        {
            IsCommandedClosed = true;
            if (!Dead)
            {
                _main = true;
            }
        }

        public void Open()
        {
            IsCommandedClosed = false;
            OpenCommands++;
            if (!Welded)
            {
                _main = false;
            }
        }
    }
}
