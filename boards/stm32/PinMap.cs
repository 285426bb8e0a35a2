// The STM32 reference board's pin map, as data. Compiled into the device project (Stm32Board.nfproj)
// and, on the host, into tests/UnitTests (tests/UnitTests/Boards), which check it.
//
// Board: ST NUCLEO-F746ZG (STM32F746ZG), nanoFramework community target ST_NUCLEO144_F746ZG.
// Pin numbers are nanoFramework's STM32 numbering: port index × 16 + pin (PA0 = 0, PB0 = 16, …, PG0 = 96).
// Why these pins:
// - The on-board Ethernet (RMII: PA1, PA2, PA7, PB13, PC1, PC4, PC5, PG11, PG13), the ST-LINK's
//   virtual COM port (USART3 on PD8/PD9, nanoFramework's wire protocol), SWD (PA13, PA14), USB
//   (PA8–PA12), the oscillators (PC14, PC15, PH0, PH1), the user button PC13 and LEDs LD2/LD3
//   (PB7, PB14) are reserved. LD1 (PB0) is the status LED.
// - SPI1 on PA5 (SCK), PA6 (MISO) and PB5 (MOSI): PA7, SPI1's usual MOSI, is the Ethernet's CRS_DV.
// - Analog inputs on ADC1-capable pins (PA3, PC0); PWM on TIM1_CH1 (PE9) and TIM3_CH1 (PB4).
// - The diagnostics UART is USART6 on PG14 (TX) / PG9 (RX), the Nucleo's Arduino D1/D0.
using V2G.Hal.Board;

namespace V2G.Boards.Stm32
{
    /// <summary>The NUCLEO-F746ZG reference board's pin map.</summary>
    public static class Stm32PinMap
    {
        /// <summary>nanoFramework's SPI bus id for SPI1.</summary>
        public const int SpiBus = 1;

        /// <summary>The diagnostics UART: COM6 (USART6). COM3 (USART3) is nanoFramework's wire protocol.</summary>
        public const int DiagnosticsComPort = 6;

        private const int PortA = 0;
        private const int PortB = 16;
        private const int PortC = 32;
        private const int PortD = 48;
        private const int PortE = 64;
        private const int PortF = 80;
        private const int PortG = 96;
        private const int PortH = 112;

        /// <summary>The map.</summary>
        public static BoardPinMap Create()
        {
            PinAssignment[] pins =
            {
                new PinAssignment(PinFunction.PowerStagePwm, PortE + 9, "PE9", 1, "TIM1_CH1"),
                new PinAssignment(PinFunction.PowerStageEnable, PortE + 2, "PE2", 0, "pulled down: stage disabled while the MCU resets"),
                new PinAssignment(PinFunction.PowerStageFault, PortE + 8, "PE8", 0, "active low, pulled up"),
                new PinAssignment(PinFunction.DcPlusContactorDrive, PortE + 3, "PE3", 0, "coil driver input, pulled down"),
                new PinAssignment(PinFunction.DcPlusContactorFeedback, PortG + 0, "PG0", 0, "auxiliary contact"),
                new PinAssignment(PinFunction.DcMinusContactorDrive, PortE + 4, "PE4", 0, "coil driver input, pulled down"),
                new PinAssignment(PinFunction.DcMinusContactorFeedback, PortG + 1, "PG1", 0, "auxiliary contact"),
                new PinAssignment(PinFunction.PrechargeRelayDrive, PortE + 5, "PE5", 0, "relay driver input, pulled down"),
                new PinAssignment(PinFunction.EmergencyStopInput, PortE + 7, "PE7", 0, "normally-closed chain, pulled up"),
                new PinAssignment(PinFunction.InsulationMonitorSignal, PortE + 10, "PE10", 0, "the IMD's measurement or alarm output"),
                new PinAssignment(PinFunction.InsulationMonitorEnable, PortE + 12, "PE12", 0, "pulled down: the IMD stays off during boot"),
                new PinAssignment(PinFunction.MeteringSpiSck, PortA + 5, "PA5", SpiBus, "SPI1 SCK, shared"),
                new PinAssignment(PinFunction.MeteringSpiMosi, PortB + 5, "PB5", SpiBus, "SPI1 MOSI (AF5), shared"),
                new PinAssignment(PinFunction.MeteringSpiMiso, PortA + 6, "PA6", SpiBus, "SPI1 MISO, shared"),
                new PinAssignment(PinFunction.MeteringSpiCs, PortD + 14, "PD14", SpiBus, "pulled up"),
                new PinAssignment(PinFunction.MeteringIrq, PortF + 13, "PF13", 0, "optional: the driver polls"),
                new PinAssignment(PinFunction.CanSpiSck, PortA + 5, "PA5", SpiBus, "SPI1 SCK, shared"),
                new PinAssignment(PinFunction.CanSpiMosi, PortB + 5, "PB5", SpiBus, "SPI1 MOSI (AF5), shared"),
                new PinAssignment(PinFunction.CanSpiMiso, PortA + 6, "PA6", SpiBus, "SPI1 MISO, shared"),
                new PinAssignment(PinFunction.CanSpiCs, PortD + 15, "PD15", SpiBus, "pulled up"),
                new PinAssignment(PinFunction.CanInt, PortF + 14, "PF14", 0, "active low, pulled up"),
                new PinAssignment(PinFunction.PlcSpiSck, PortA + 5, "PA5", SpiBus, "SPI1 SCK, shared"),
                new PinAssignment(PinFunction.PlcSpiMosi, PortB + 5, "PB5", SpiBus, "SPI1 MOSI (AF5), shared"),
                new PinAssignment(PinFunction.PlcSpiMiso, PortA + 6, "PA6", SpiBus, "SPI1 MISO, shared"),
                new PinAssignment(PinFunction.PlcSpiCs, PortF + 12, "PF12", SpiBus, "pulled up"),
                new PinAssignment(PinFunction.PlcInt, PortF + 15, "PF15", 0, "interrupt from the modem"),
                new PinAssignment(PinFunction.ControlPilotPwm, PortB + 4, "PB4", 3, "TIM3_CH1, 1 kHz, into the ±12 V pilot driver"),
                new PinAssignment(PinFunction.ControlPilotAdc, PortA + 3, "PA3", 1, "ADC1_IN3"),
                new PinAssignment(PinFunction.ProximityAdc, PortC + 0, "PC0", 1, "ADC1_IN10"),
                new PinAssignment(PinFunction.DiagnosticsUartTx, PortG + 14, "PG14", DiagnosticsComPort, "USART6 TX (Arduino D1)"),
                new PinAssignment(PinFunction.DiagnosticsUartRx, PortG + 9, "PG9", DiagnosticsComPort, "USART6 RX (Arduino D0)"),
                new PinAssignment(PinFunction.ExternalWatchdogKick, PortE + 14, "PE14", 0, "optional external watchdog; the IWDG runs regardless"),
                new PinAssignment(PinFunction.StatusLed, PortB + 0, "PB0", 0, "LD1 (green) on the Nucleo"),
            };

            int[] reserved =
            {
                PortA + 1, PortA + 2, PortA + 7, PortB + 13, PortC + 1, PortC + 4, PortC + 5, PortG + 11, PortG + 13,
                PortD + 8, PortD + 9,
                PortA + 13, PortA + 14,
                PortA + 8, PortA + 9, PortA + 10, PortA + 11, PortA + 12,
                PortC + 14, PortC + 15, PortH + 0, PortH + 1,
                PortC + 13, PortB + 7, PortB + 14,
            };
            return new BoardPinMap("NUCLEO-F746ZG", "STM32F746ZG", "ST_NUCLEO144_F746ZG", pins, reserved);
        }
    }
}
