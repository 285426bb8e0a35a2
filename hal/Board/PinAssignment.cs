namespace V2G.Hal.Board
{
    /// <summary>One function bound to one pin of a board.</summary>
    public sealed class PinAssignment
    {
        /// <summary>Binds <paramref name="function"/> to a pin.</summary>
        /// <param name="function">What the pin does.</param>
        /// <param name="pinNumber">The number nanoFramework's GpioController takes (ESP32: the GPIO number; STM32: port × 16 + pin, PA0 = 0).</param>
        /// <param name="pinName">The pin as the data sheet and the board's silkscreen name it (GPIO23, PB5).</param>
        /// <param name="busInstance">The SPI bus, UART (COMn) or PWM timer the function uses, 0 = none; for an analog input on the MCU's ADC, the channel number nanoFramework's AdcController.OpenChannel takes (0 is a channel there).</param>
        /// <param name="notes">Why this pin: strapping level, alternate function, board jumper.</param>
        public PinAssignment(PinFunction function, int pinNumber, string pinName, int busInstance, string notes)
            : this(function, pinNumber, pinName, busInstance, false, notes)
        {
        }

        /// <summary>Binds <paramref name="function"/> to a pin whose asserted level may be low.</summary>
        /// <param name="activeLow">True when the function is asserted at the low level (an active-low fault line, chip select or interrupt).</param>
        public PinAssignment(PinFunction function, int pinNumber, string pinName, int busInstance, bool activeLow, string notes)
        {
            ActiveLow = activeLow;
            Function = function;
            PinNumber = pinNumber;
            PinName = pinName;
            BusInstance = busInstance;
            Notes = notes;
        }

        /// <summary>What the pin does.</summary>
        public PinFunction Function { get; }

        /// <summary>The pin number as nanoFramework's GpioController and Configuration.SetPinFunction take it.</summary>
        public int PinNumber { get; }

        /// <summary>The pin's data-sheet name.</summary>
        public string PinName { get; }

        /// <summary>The bus or peripheral instance (SPI bus id, COM port number, PWM timer), 0 = none; for an MCU analog input (<see cref="PinFunctions.IsMcuAnalogInput"/>) the AdcController channel, where 0 is a channel.</summary>
        public int BusInstance { get; }

        /// <summary>True when the function is asserted at the low level; the board's pin adapters invert it.</summary>
        public bool ActiveLow { get; }

        /// <summary>Why this pin was chosen.</summary>
        public string Notes { get; }
    }
}
