// Device-only (nanoFramework, package nanoFramework.Hardware.Esp32): compiled by boards/esp32 only.
//
// Facts used (sources, read through the project's search tool):
// - Configuration.SetPinFunction(int pin, DeviceFunction value) and the DeviceFunction members SPI1_MOSI,
//   SPI1_MISO, SPI1_CLOCK, SPI2_*, COMn_TX/COMn_RX, PWM1..PWM16: nanoframework/nanoFramework.Hardware.Esp32,
//   nanoFramework.Hardware.Esp32/Configuration.cs and DeviceTypePins.cs.
// - nanoFramework's ESP32 ADC channel numbers 0..7 are the chip's ADC1 channels 0..7 (DeviceTypePins.cs names
//   ADC1_CH0..ADC1_CH7; its channels 10..19 are "internally ESP32 Adc2"), and ADC1 channel n is the GPIO given by
//   Espressif's ESP-IDF adc1_channel_t: CH0 GPIO36, CH1 GPIO37, CH2 GPIO38, CH3 GPIO39, CH4 GPIO32, CH5 GPIO33,
//   CH6 GPIO34, CH7 GPIO35. ADC2 is left out on purpose: it cannot be read while Wi-Fi runs.
using System;
using nanoFramework.Hardware.Esp32;
using V2G.Hal.Board;

namespace V2G.Boards.Device
{
    /// <summary>The ESP32's GPIO-matrix routing: SPI lines, the shell's UART and the PWM outputs set with Configuration.SetPinFunction.</summary>
    public sealed class Esp32PinFunctionRouter : IPinFunctionRouter
    {
        /// <summary>nanoFramework's ESP32 PWM functions run PWM1..PWM16.</summary>
        private const int PwmFunctionCount = 16;

        private int _nextPwm = 1;

        /// <inheritdoc />
        public void RouteAll(BoardPinMap map)
        {
            if (map == null)
            {
                throw new ArgumentNullException("map");
            }

            for (int i = 0; i < map.Count; i++)
            {
                PinAssignment pin = map.Get(i);
                switch (pin.Function)
                {
                    case PinFunction.MeteringSpiSck:
                    case PinFunction.CanSpiSck:
                    case PinFunction.PlcSpiSck:
                    case PinFunction.MonitorAdcSpiSck:
                        Configuration.SetPinFunction(pin.PinNumber, SpiClock(pin.BusInstance));
                        break;
                    case PinFunction.MeteringSpiMosi:
                    case PinFunction.CanSpiMosi:
                    case PinFunction.PlcSpiMosi:
                    case PinFunction.MonitorAdcSpiMosi:
                        Configuration.SetPinFunction(pin.PinNumber, SpiMosi(pin.BusInstance));
                        break;
                    case PinFunction.MeteringSpiMiso:
                    case PinFunction.CanSpiMiso:
                    case PinFunction.PlcSpiMiso:
                    case PinFunction.MonitorAdcSpiMiso:
                        Configuration.SetPinFunction(pin.PinNumber, SpiMiso(pin.BusInstance));
                        break;
                    case PinFunction.DiagnosticsUartTx:
                        Configuration.SetPinFunction(pin.PinNumber, UartTx(pin.BusInstance));
                        break;
                    case PinFunction.DiagnosticsUartRx:
                        Configuration.SetPinFunction(pin.PinNumber, UartRx(pin.BusInstance));
                        break;
                    case PinFunction.PowerStagePwm:
                    case PinFunction.ControlPilotPwm:
                        Configuration.SetPinFunction(pin.PinNumber, NextPwm());
                        break;
                }
            }
        }

        /// <inheritdoc />
        public int AdcChannelOf(PinAssignment pin)
        {
            switch (pin.PinNumber)
            {
                case 36: return 0;
                case 37: return 1;
                case 38: return 2;
                case 39: return 3;
                case 32: return 4;
                case 33: return 5;
                case 34: return 6;
                case 35: return 7;
                default:
                    throw new ArgumentException("not an ADC1 pin (GPIO32-39): " + pin.PinName);
            }
        }

        // A shared SPI line (the same pin bound to several chips' functions) is set more than once to the same
        // function, which is harmless.
        private static DeviceFunction SpiClock(int bus)
        {
            if (bus == 1) return DeviceFunction.SPI1_CLOCK;
            if (bus == 2) return DeviceFunction.SPI2_CLOCK;
            throw new ArgumentException("no SPI bus " + bus.ToString());
        }

        private static DeviceFunction SpiMosi(int bus)
        {
            if (bus == 1) return DeviceFunction.SPI1_MOSI;
            if (bus == 2) return DeviceFunction.SPI2_MOSI;
            throw new ArgumentException("no SPI bus " + bus.ToString());
        }

        private static DeviceFunction SpiMiso(int bus)
        {
            if (bus == 1) return DeviceFunction.SPI1_MISO;
            if (bus == 2) return DeviceFunction.SPI2_MISO;
            throw new ArgumentException("no SPI bus " + bus.ToString());
        }

        private static DeviceFunction UartTx(int comPort)
        {
            if (comPort == 2) return DeviceFunction.COM2_TX;
            if (comPort == 3) return DeviceFunction.COM3_TX;
            // COM1 is nanoFramework's wire protocol (deploy, debug): never the shell's.
            throw new ArgumentException("the shell needs COM2 or COM3, not COM" + comPort.ToString());
        }

        private static DeviceFunction UartRx(int comPort)
        {
            if (comPort == 2) return DeviceFunction.COM2_RX;
            if (comPort == 3) return DeviceFunction.COM3_RX;
            throw new ArgumentException("the shell needs COM2 or COM3, not COM" + comPort.ToString());
        }

        private DeviceFunction NextPwm()
        {
            if (_nextPwm > PwmFunctionCount)
            {
                throw new InvalidOperationException("more PWM outputs than PWM1..PWM16");
            }

            // PWMn = DeviceTypes.PWM + n * DeviceIndex (DeviceTypePins.cs); listed explicitly rather than computed,
            // so a renumbering in a later package shows up as a compile error, not a wrong pin.
            DeviceFunction function;
            switch (_nextPwm)
            {
                case 1: function = DeviceFunction.PWM1; break;
                case 2: function = DeviceFunction.PWM2; break;
                case 3: function = DeviceFunction.PWM3; break;
                case 4: function = DeviceFunction.PWM4; break;
                case 5: function = DeviceFunction.PWM5; break;
                case 6: function = DeviceFunction.PWM6; break;
                case 7: function = DeviceFunction.PWM7; break;
                case 8: function = DeviceFunction.PWM8; break;
                case 9: function = DeviceFunction.PWM9; break;
                case 10: function = DeviceFunction.PWM10; break;
                case 11: function = DeviceFunction.PWM11; break;
                case 12: function = DeviceFunction.PWM12; break;
                case 13: function = DeviceFunction.PWM13; break;
                case 14: function = DeviceFunction.PWM14; break;
                case 15: function = DeviceFunction.PWM15; break;
                default: function = DeviceFunction.PWM16; break;
            }

            _nextPwm++;
            return function;
        }
    }
}
