// Device-only (nanoFramework): compiled by boards/stm32 only.
//
// On the ChibiOS-based STM32 targets the SPI, UART and PWM pins and the ADC channel table are fixed when the
// firmware image is built (each target's target_windows_devices_spi_config.cpp, ..._serialcommunication_config.cpp
// and ..._adc_config.cpp in nanoframework/nf-interpreter and nf-Community-Targets), so there is nothing to route at
// run time. The ADC channel of each analog pin is the pin map's BusInstance (boards/stm32/PinMap.cs), taken from the
// ST_NUCLEO144_F746ZG target's channel table (nf-Community-Targets, ChibiOS/ST_NUCLEO144_F746ZG/managed_helpers:
// channel 0 = PA3, 1 = PC0) and checked by tests/UnitTests/Boards.
// A newer nanoFramework.Hardware.Stm32 adds Configuration.AddAdcChannel(adc, adcChannel, pin) (source:
// nanoframework/nanoFramework.Hardware.Stm32, Configuration.cs); the package version carrying it was not
// established here, so it is not used.
using System;
using V2G.Hal.Board;

namespace V2G.Boards.Device
{
    /// <summary>An STM32 target's routing: fixed in the firmware image; the ADC channel is the pin map's <see cref="PinAssignment.BusInstance"/>.</summary>
    public sealed class Stm32PinFunctionRouter : IPinFunctionRouter
    {
        /// <inheritdoc />
        public void RouteAll(BoardPinMap map)
        {
            if (map == null)
            {
                throw new ArgumentNullException("map");
            }

            // Nothing to do: the firmware image fixes the alternate functions (see the file comment).
        }

        /// <inheritdoc />
        public int AdcChannelOf(PinAssignment pin)
        {
            if (!PinFunctions.IsMcuAnalogInput(pin.Function))
            {
                throw new ArgumentException("not an analog input: " + pin.PinName);
            }

            return pin.BusInstance;
        }
    }
}
