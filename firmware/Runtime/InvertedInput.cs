using System;
using V2G.Hal.Buses;

namespace V2G.Firmware.Runtime
{
    /// <summary>
    /// An input read the other way round. The pin maps mark the e-stop input "asserted = stop pressed or chain
    /// open", while <see cref="V2G.Firmware.Drivers.Board.GpioEmergencyStop"/> takes the chain's level (true =
    /// closed): the wiring puts this between them.
    /// </summary>
    public sealed class InvertedInput : IDigitalInput
    {
        private readonly IDigitalInput _input;

        /// <summary>Inverts <paramref name="input"/>.</summary>
        public InvertedInput(IDigitalInput input)
        {
            if (input == null)
            {
                throw new ArgumentNullException("input");
            }

            _input = input;
        }

        /// <inheritdoc />
        public bool Read()
        {
            return !_input.Read();
        }
    }
}
