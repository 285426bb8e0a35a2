using V2G.Hal.Buses;

namespace V2G.Sim.Plant.Board.Pins
{
    /// <summary>An ADC pin whose voltage the test or scenario sets.</summary>
    public sealed class SimAnalogInput : IAnalogInput
    {
        /// <summary>A pin at <paramref name="volts"/>.</summary>
        public SimAnalogInput(double volts)
        {
            Volts = volts;
        }

        /// <summary>The voltage at the pin, V.</summary>
        public double Volts { get; set; }

        /// <inheritdoc />
        public double ReadVolts()
        {
            return Volts;
        }
    }
}
