using System;
using System.Device.Gpio;
using V2G.Hal.Buses;

namespace V2G.Boards.Hal
{
    /// <summary>
    /// An <see cref="IDigitalInput"/> over one GPIO pin: true = asserted, with the board's active-low inversion
    /// (an NC e-stop chain, an open-drain fault line). Sampled on each read, not debounced (the drivers debounce).
    /// Members used exist in nanoFramework's and dotnet/iot's System.Device.Gpio: OpenPin(int, PinMode), GpioPin.Read,
    /// PinValue equality, PinMode.Input/InputPullUp.
    /// </summary>
    public sealed class GpioInputPin : IDigitalInput, IDisposable
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        /// <summary>Opens <paramref name="pinNumber"/> as an input.</summary>
        /// <param name="controller">The MCU's GPIO controller.</param>
        /// <param name="pinNumber">The controller's pin number.</param>
        /// <param name="activeLow">True when asserted is the low level.</param>
        /// <param name="pullUp">True to enable the MCU's internal pull-up (an open-drain line without a board pull-up).</param>
        public GpioInputPin(GpioController controller, int pinNumber, bool activeLow, bool pullUp)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            _activeLow = activeLow;
            _pin = controller.OpenPin(pinNumber, pullUp ? PinMode.InputPullUp : PinMode.Input);
        }

        /// <summary>The pin's number on its controller.</summary>
        public int PinNumber => _pin.PinNumber;

        /// <inheritdoc />
        public bool Read()
        {
            return (_pin.Read() == PinValue.High) != _activeLow;
        }

        /// <summary>Releases the pin.</summary>
        public void Dispose()
        {
            _pin.Dispose();
        }
    }
}
