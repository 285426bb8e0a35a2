// Device-only (nanoFramework). The host's counterpart is boards/sim/Plant/Board/PlantPeripherals.
//
// nanoFramework APIs used here, each checked against its source (nanoframework GitHub repositories, read through
// the project's search tool):
// - SpiDevice.Create(SpiConnectionSettings); SpiConnectionSettings(busId, chipSelectLine) with Mode (SpiMode.Mode0..3)
//   and ClockFrequency; the chip select is driven by the SPI driver, active low unless ChipSelectLineActiveState says
//   otherwise (System.Device.Spi: SpiDevice.cs, SpiConnectionSettings.cs, SpiMode.cs).
// - PwmChannel.CreateFromPin(pin, frequency, dutyCycle), which returns null when no timer reaches the pin
//   (System.Device.Pwm: PwmChannel.cs).
// - new AdcController() (only one instance may exist: the constructor throws otherwise), MaxValue, OpenChannel(int)
//   (System.Device.Adc: AdcController.cs).
// - SerialPort("COMn", baudRate): 8N1 by default, the port index read from the name's fourth character
//   (System.IO.Ports: SerialPort.cs); opened inside boards/common/Hal/SerialPortStream.
// The pins themselves go through the host-checked adapters of boards/common/Hal.
using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Device.Spi;
using V2G.Boards.Hal;
using V2G.Hal.Board;
using V2G.Hal.Buses;
using V2G.Hal.Comms;
using V2G.Hal.Timing;

namespace V2G.Boards.Device
{
    /// <summary>
    /// <see cref="IBoardPeripherals"/> over nanoFramework's GPIO, SPI, PWM, ADC and serial APIs. The MCU-specific part
    /// (pin routing, ADC channel numbers) is the <see cref="IPinFunctionRouter"/>; everything is opened once at start-up.
    /// </summary>
    public sealed class NanoBoardPeripherals : IBoardPeripherals
    {
        private readonly GpioController _gpio;
        private readonly IPinFunctionRouter _router;
        private readonly IMonotonicClock _clock;
        private readonly double _adcFullScaleV;
        private AdcController _adc;

        /// <summary>Routes <paramref name="map"/>'s buses and PWM pins, then opens pins on request.</summary>
        /// <param name="map">The board's pin map (already checked by the wiring's FirstProblem).</param>
        /// <param name="router">The MCU's routing.</param>
        /// <param name="clock">Timestamps interrupt edges.</param>
        /// <param name="adcFullScaleV">The MCU ADC's full-scale voltage at the pin; required (no default) once an analog input is opened.</param>
        public NanoBoardPeripherals(BoardPinMap map, IPinFunctionRouter router, IMonotonicClock clock, double adcFullScaleV)
        {
            if (map == null || router == null || clock == null)
            {
                throw new ArgumentNullException(map == null ? "map" : (router == null ? "router" : "clock"));
            }

            _router = router;
            _clock = clock;
            _adcFullScaleV = adcFullScaleV;
            _router.RouteAll(map);
            _gpio = new GpioController();
        }

        /// <inheritdoc />
        public IDigitalOutput OpenOutput(PinAssignment pin, bool initiallyAsserted)
        {
            return new GpioOutputPin(_gpio, pin.PinNumber, pin.ActiveLow, initiallyAsserted);
        }

        /// <inheritdoc />
        public IDigitalInput OpenInput(PinAssignment pin)
        {
            // No internal pull-ups: the reference boards pull every input externally (PinMap notes), and the ESP32's
            // GPIO34-39 have none to enable.
            return new GpioInputPin(_gpio, pin.PinNumber, pin.ActiveLow, false);
        }

        /// <inheritdoc />
        public IInterruptInput OpenInterrupt(PinAssignment pin)
        {
            return new GpioInterruptLine(_gpio, pin.PinNumber, pin.ActiveLow, _clock);
        }

        /// <inheritdoc />
        public ISpiTransfer OpenSpi(PinAssignment chipSelect, int clockHz, int mode)
        {
            if (clockHz <= 0)
            {
                throw new ArgumentOutOfRangeException("clockHz");
            }

            // The chip selects on these boards are active low, which is SpiConnectionSettings' default.
            SpiConnectionSettings settings = new SpiConnectionSettings(chipSelect.BusInstance, chipSelect.PinNumber);
            settings.Mode = ToSpiMode(mode);
            settings.ClockFrequency = clockHz;
            return new SpiDeviceTransfer(SpiDevice.Create(settings));
        }

        /// <inheritdoc />
        public IPwmOutput OpenPwm(PinAssignment pin, double frequencyHz)
        {
            if (!(frequencyHz >= 1))
            {
                throw new ArgumentOutOfRangeException("frequencyHz");
            }

            PwmChannel channel = PwmChannel.CreateFromPin(pin.PinNumber, (int)(frequencyHz + 0.5), 0);
            if (channel == null)
            {
                throw new InvalidOperationException("no PWM timer reaches " + pin.PinName);
            }

            return new PwmChannelOutput(channel);
        }

        /// <inheritdoc />
        public IAnalogInput OpenAnalog(PinAssignment pin)
        {
            // Checked here, not at construction: a board variant without MCU analog inputs (the ESP32's GB/T) leaves it unset.
            if (!(_adcFullScaleV > 0))
            {
                throw new ArgumentException("the MCU ADC's full-scale voltage (AdcFullScaleV) is a required setting for " + pin.PinName);
            }

            if (_adc == null)
            {
                _adc = new AdcController();
            }

            AdcChannel channel = _adc.OpenChannel(_router.AdcChannelOf(pin));
            return new NanoAdcInput(channel, _adc.MaxValue, _adcFullScaleV);
        }

        /// <inheritdoc />
        public ISerialPort OpenSerial(PinAssignment tx, PinAssignment rx, int baudRate)
        {
            if (tx.BusInstance != rx.BusInstance)
            {
                throw new ArgumentException("TX and RX are on different UARTs");
            }

            // SerialPortStream opens the port (8N1) itself.
            return new SerialPortStream("COM" + tx.BusInstance.ToString(), baudRate);
        }

        private static SpiMode ToSpiMode(int mode)
        {
            switch (mode)
            {
                case 0: return SpiMode.Mode0;
                case 1: return SpiMode.Mode1;
                case 2: return SpiMode.Mode2;
                case 3: return SpiMode.Mode3;
                default: throw new ArgumentOutOfRangeException("mode");
            }
        }
    }
}
