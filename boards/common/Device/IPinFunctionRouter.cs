// Device-only (nanoFramework): compiled by the board projects (boards/esp32, boards/stm32), never on the host.
using V2G.Hal.Board;

namespace V2G.Boards.Device
{
    /// <summary>
    /// What differs between MCUs before a pin can be opened: routing a peripheral (SPI, UART, PWM) to its pins, and
    /// the ADC channel number nanoFramework's AdcController.OpenChannel takes for an analog pin. The ESP32 routes
    /// at run time (its GPIO matrix); an STM32 target fixes its routing when the firmware is built.
    /// </summary>
    public interface IPinFunctionRouter
    {
        /// <summary>Routes every bus and PWM function of <paramref name="map"/> to its pin. Called once, before any device is opened.</summary>
        void RouteAll(BoardPinMap map);

        /// <summary>The channel number nanoFramework's AdcController.OpenChannel takes for <paramref name="pin"/>; throws if the pin has none.</summary>
        int AdcChannelOf(PinAssignment pin);
    }
}
