using V2G.Hal.Buses;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>A digital input pin whose level the test or scenario sets.</summary>
    public sealed class SimDigitalInput : IDigitalInput
    {
        /// <summary>A pin reading <paramref name="level"/>.</summary>
        public SimDigitalInput(bool level)
        {
            Level = level;
        }

        /// <summary>The level the pin reads: true = high.</summary>
        public bool Level { get; set; }

        /// <summary>Reads so far.</summary>
        public int ReadCount { get; private set; }

        /// <inheritdoc />
        public bool Read()
        {
            ReadCount++;
            return Level;
        }
    }
}
