using System;
using System.Collections.Generic;
using System.Device.Gpio;
using System.Threading;

namespace V2G.BoardAdapters.Tests
{
    /// <summary>
    /// A board's GPIO as dotnet/iot's GpioController sees it: a GpioDriver whose pins the test drives from
    /// outside (<see cref="SetInputLevel"/>), which records what was written, and raises the registered
    /// edge callbacks as the hardware's interrupt would.
    /// </summary>
    public sealed class FakeGpioDriver : GpioDriver
    {
        private readonly Dictionary<int, PinMode> _modes = new();
        private readonly Dictionary<int, PinValue> _levels = new();
        private readonly Dictionary<int, (PinEventTypes Types, PinChangeEventHandler Handler)> _callbacks = new();

        /// <summary>Every value written, pin by pin, in order.</summary>
        public readonly List<(int Pin, PinValue Value)> Writes = new();

        protected override int PinCount => 64;

        public PinMode ModeOf(int pin) => _modes[pin];

        public bool IsOpen(int pin) => _modes.ContainsKey(pin);

        public PinValue LevelOf(int pin) => _levels.TryGetValue(pin, out PinValue v) ? v : PinValue.Low;

        public bool HasCallback(int pin) => _callbacks.ContainsKey(pin);

        /// <summary>The outside world drives an input pin; an edge calls the registered handler.</summary>
        public void SetInputLevel(int pin, PinValue level)
        {
            PinValue old = LevelOf(pin);
            _levels[pin] = level;
            if (old == level || !_callbacks.TryGetValue(pin, out var cb))
            {
                return;
            }

            PinEventTypes edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            if ((cb.Types & edge) != 0)
            {
                cb.Handler(this, new PinValueChangedEventArgs(edge, pin));
            }
        }

        protected override void OpenPin(int pinNumber) => _modes[pinNumber] = PinMode.Input;

        protected override void ClosePin(int pinNumber)
        {
            _modes.Remove(pinNumber);
            _callbacks.Remove(pinNumber);
        }

        protected override void SetPinMode(int pinNumber, PinMode mode) => _modes[pinNumber] = mode;

        protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

        protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

        protected override PinValue Read(int pinNumber) => LevelOf(pinNumber);

        protected override void Write(int pinNumber, PinValue value)
        {
            _levels[pinNumber] = value;
            Writes.Add((pinNumber, value));
        }

        protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
            => throw new NotSupportedException("the adapters never wait for an edge");

        protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
            => _callbacks[pinNumber] = (eventTypes, callback);

        protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
            => _callbacks.Remove(pinNumber);
    }
}
