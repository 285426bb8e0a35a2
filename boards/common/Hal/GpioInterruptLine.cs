using System;
using System.Device.Gpio;
using V2G.Hal.Buses;
using V2G.Hal.Timing;

namespace V2G.Boards.Hal
{
    /// <summary>
    /// An <see cref="IInterruptInput"/> over one GPIO pin (a chip's INT): <see cref="Asserted"/> on the asserting
    /// edge (falling for an active-low line), stamped with the monotonic clock when the runtime delivers the edge —
    /// on nanoFramework that is the managed event thread, some time after the hardware edge, so the stamp is an
    /// upper bound. GpioPin.ValueChanged and PinValueChangedEventArgs.ChangeType exist in both nanoFramework's and
    /// dotnet/iot's System.Device.Gpio; their delegate types differ in name (PinValueChangedEventHandler,
    /// PinChangeEventHandler) but share the signature, so the method group below binds to either.
    /// </summary>
    public sealed class GpioInterruptLine : IInterruptInput, IDisposable
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;
        private readonly IMonotonicClock _clock;
        private readonly PinEventTypes _assertingEdge;

        /// <summary>Opens <paramref name="pinNumber"/> as an input and listens for its edges.</summary>
        /// <param name="controller">The MCU's GPIO controller.</param>
        /// <param name="pinNumber">The controller's pin number.</param>
        /// <param name="activeLow">True when the chip asserts the line low (MCP2515, ADE9000 IRQ).</param>
        /// <param name="clock">Stamps each asserting edge.</param>
        public GpioInterruptLine(GpioController controller, int pinNumber, bool activeLow, IMonotonicClock clock)
        {
            if (controller == null)
            {
                throw new ArgumentNullException("controller");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _activeLow = activeLow;
            _clock = clock;
            _assertingEdge = activeLow ? PinEventTypes.Falling : PinEventTypes.Rising;
            _pin = controller.OpenPin(pinNumber, PinMode.Input);
            _pin.ValueChanged += OnValueChanged;
        }

        /// <inheritdoc />
        public event InterruptHandler Asserted;

        /// <inheritdoc />
        public bool IsAsserted => (_pin.Read() == PinValue.High) != _activeLow;

        /// <summary>The pin's number on its controller.</summary>
        public int PinNumber => _pin.PinNumber;

        /// <summary>Stops listening and releases the pin.</summary>
        public void Dispose()
        {
            _pin.ValueChanged -= OnValueChanged;
            _pin.Dispose();
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if ((e.ChangeType & _assertingEdge) == 0)
            {
                return;
            }

            InterruptHandler handler = Asserted;
            if (handler != null)
            {
                handler(_clock.NowMs);
            }
        }
    }
}
