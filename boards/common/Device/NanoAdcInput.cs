// Device-only (nanoFramework, package nanoFramework.System.Device.Adc).
// AdcChannel.ReadValue() returns the raw count and AdcController.MaxValue the full-scale count
// (source: nanoframework/System.Device.Adc, AdcChannel.cs, AdcController.cs).
using System;
using System.Device.Adc;
using V2G.Hal.Buses;

namespace V2G.Boards.Device
{
    /// <summary>
    /// One MCU ADC channel as volts at the pin: raw count / full-scale count × the full-scale voltage. The full-scale
    /// voltage is the board's (STM32: VREF+; ESP32: set by the input attenuation the firmware applies), a required
    /// setting. The ESP32's ADC is not linear near its ends and is not calibrated here: the drivers' scalings,
    /// calibrated on the real board, absorb what a straight line cannot.
    /// </summary>
    public sealed class NanoAdcInput : IAnalogInput
    {
        private readonly AdcChannel _channel;
        private readonly double _voltsPerCount;

        /// <summary>Wraps an opened channel.</summary>
        /// <param name="channel">From AdcController.OpenChannel.</param>
        /// <param name="fullScaleCount">AdcController.MaxValue.</param>
        /// <param name="fullScaleV">The voltage at the pin that reads <paramref name="fullScaleCount"/>; no default.</param>
        public NanoAdcInput(AdcChannel channel, int fullScaleCount, double fullScaleV)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            if (fullScaleCount <= 0)
            {
                throw new ArgumentException("full-scale count must be positive");
            }

            if (!(fullScaleV > 0))
            {
                throw new ArgumentException("the ADC's full-scale voltage is a required setting");
            }

            _channel = channel;
            _voltsPerCount = fullScaleV / fullScaleCount;
        }

        /// <inheritdoc />
        public double ReadVolts()
        {
            return _channel.ReadValue() * _voltsPerCount;
        }
    }
}
