using V2G.Hal.Buses;
using V2G.Hal.Comms;

namespace V2G.Hal.Board
{
    /// <summary>
    /// What a board's MCU gives the firmware's wiring, one pin or bus at a time: on a device, nanoFramework's
    /// GpioController, SpiDevice, PwmChannel, AdcChannel and SerialPort behind the HAL's small seams; on the
    /// host, models of the pins and chips attached to the plant. The wiring (firmware/Runtime) reads the pin
    /// map and asks for each function here, so the same wiring runs on both.
    /// Each method is called once per function at start-up; none is called on the control path.
    /// </summary>
    public interface IBoardPeripherals
    {
        /// <summary>An output pin, driven to <paramref name="initiallyAsserted"/> before it is returned. <see cref="PinAssignment.ActiveLow"/> is honoured.</summary>
        IDigitalOutput OpenOutput(PinAssignment pin, bool initiallyAsserted);

        /// <summary>An input pin; true = asserted (<see cref="PinAssignment.ActiveLow"/> is honoured).</summary>
        IDigitalInput OpenInput(PinAssignment pin);

        /// <summary>An interrupt line (a chip's INT), asserted at the level <see cref="PinAssignment.ActiveLow"/> says.</summary>
        IInterruptInput OpenInterrupt(PinAssignment pin);

        /// <summary>One SPI device: the bus is <paramref name="chipSelect"/>'s <see cref="PinAssignment.BusInstance"/>, its chip select that pin.</summary>
        /// <param name="clockHz">SCK frequency.</param>
        /// <param name="mode">SPI mode 0..3 (CPOL × 2 + CPHA).</param>
        ISpiTransfer OpenSpi(PinAssignment chipSelect, int clockHz, int mode);

        /// <summary>A PWM output at <paramref name="frequencyHz"/>, stopped, duty 0.</summary>
        IPwmOutput OpenPwm(PinAssignment pin, double frequencyHz);

        /// <summary>An analog input on the MCU's own ADC (the channel is the pin's <see cref="PinAssignment.BusInstance"/> data, board-specific).</summary>
        IAnalogInput OpenAnalog(PinAssignment pin);

        /// <summary>A UART on <paramref name="tx"/>/<paramref name="rx"/> (the port is their <see cref="PinAssignment.BusInstance"/>), 8N1, opened.</summary>
        ISerialPort OpenSerial(PinAssignment tx, PinAssignment rx, int baudRate);
    }
}
