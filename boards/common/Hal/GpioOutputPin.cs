using System;
using System.Device.Gpio;
using V2G.Hal.Buses;

namespace V2G.Boards.Hal
{
    /// <summary>
    /// An <see cref="IDigitalOutput"/> over one GPIO pin, with the board's active-low inversion. The same source
    /// compiles against nanoFramework's System.Device.Gpio on the device and dotnet/iot's on the host (members used:
    /// GpioController.OpenPin(int, PinMode), GpioPin.Write(PinValue), PinValue.High/Low, PinMode.Output: all in both).
    /// </summary>
    public sealed class GpioOutputPin : IDigitalOutput, IDisposable
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;
        private bool _state;

        /// <summary>
        /// Opens <paramref name="pinNumber"/> as an output and drives it to <paramref name="initiallyAsserted"/>.
        /// Between the open and that first write the pin drives the MCU's default output latch (low) for the time of
        /// one call: where a short low is unsafe (an active-low enable), the board's pull resistor and the driver
        /// stage's own delay must cover it — nanoFramework 1.x offers no open-with-level on every target.
        /// </summary>
        /// <param name="controller">The MCU's GPIO controller.</param>
        /// <param name="pinNumber">The controller's pin number.</param>
        /// <param name="activeLow">True when asserted is the low level (an active-low enable or reset).</param>
        /// <param name="initiallyAsserted">The logical level driven at open.</param>
        public GpioOutputPin(GpioController controller, int pinNumber, bool activeLow, bool initiallyAsserted)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            _activeLow = activeLow;
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
            Write(initiallyAsserted);
        }

        /// <inheritdoc />
        public bool State => _state;

        /// <summary>The pin's number on its controller.</summary>
        public int PinNumber => _pin.PinNumber;

        /// <inheritdoc />
        public void Write(bool asserted)
        {
            _pin.Write(asserted != _activeLow ? PinValue.High : PinValue.Low);
            _state = asserted;
        }

        /// <summary>Releases the pin.</summary>
        public void Dispose()
        {
            _pin.Dispose();
        }
    }
}
