// The STM32 reference board's pin map, as data. Compiled into the device project (Stm32Board.nfproj)
// and, on the host, into tests/UnitTests (tests/UnitTests/Boards), which check it.
//
// Board: ST NUCLEO-F746ZG (STM32F746ZG), nanoFramework community target ST_NUCLEO144_F746ZG, built for
// both connectors (CCS and GB/T). Pin numbers are nanoFramework's STM32 numbering: port index × 16 + pin
// (PA0 = 0, PB0 = 16, …, PG0 = 96). Why these pins:
// - The on-board Ethernet (RMII: PA1, PA2, PA7, PB13, PC1, PC4, PC5, PG11, PG13), the ST-LINK's
//   virtual COM port (USART3 on PD8/PD9, nanoFramework's wire protocol), SWD (PA13, PA14), USB
//   (PA8–PA12), the oscillators (PC14, PC15, PH0, PH1), the user button PC13 and LEDs LD2/LD3
//   (PB7, PB14) are reserved. LD1 (PB0) is the status LED.
// - SPI: the community target enables SPI5 only (mcuconf.h: STM32_SPI_USE_SPI5 TRUE, SPI1..4 and 6
//   FALSE), on PF7 (SCK), PF8 (MISO), PF9 (MOSI), AF5 (target_system_device_spi_config.cpp). All four
//   SPI chips (metering, CAN, PLC, monitor ADC) share it, one chip select each.
// - The diagnostics UART is USART6, which the target routes to PC6 (TX) / PC7 (RX), AF8
//   (target_system_io_ports_config.cpp); COM6 in nanoFramework.
// - MCU analog inputs: the target's AdcController channel 0 is PA3 (ADC1_IN3) and channel 1 is PC0
//   (ADC1_IN10) (managed_helpers/ST_NUCLEO144_F746ZG.Adc.cs: AdcChannels).
// - PWM on TIM1_CH1 (PE9) and TIM3_CH1 (PB4); the target enables TIM1 and TIM3 for PWM (mcuconf.h).
// - The GB/T lock, lock feedback and auxiliary supply drive are on PE13, PE15 and PE6, the monitor
//   ADC's chip select on PE11: plain GPIO pins the Nucleo does not wire to anything on board.
// - The converter's voltage, current and heatsink temperature, the connector-side voltage and the
//   GB/T CC1 voltage are channels of the monitor ADC (MCP3208 class), not MCU pins.
using V2G.Hal.Board;

namespace V2G.Boards.Stm32
{
    /// <summary>The NUCLEO-F746ZG reference board's pin map (both connectors).</summary>
    public static class Stm32PinMap
    {
        /// <summary>nanoFramework's SPI bus id for SPI5, the only SPI the ST_NUCLEO144_F746ZG target enables.</summary>
        public const int SpiBus = 5;

        /// <summary>The diagnostics UART: COM6 (USART6). COM3 (USART3) is nanoFramework's wire protocol.</summary>
        public const int DiagnosticsComPort = 6;

        /// <summary>AdcController channel of the control pilot input (PA3, ADC1_IN3).</summary>
        public const int ControlPilotAdcChannel = 0;

        /// <summary>AdcController channel of the proximity input (PC0, ADC1_IN10).</summary>
        public const int ProximityAdcChannel = 1;

        /// <summary>Monitor ADC channel: the converter's output voltage monitor.</summary>
        public const int MonitorConverterVoltageChannel = 0;

        /// <summary>Monitor ADC channel: the converter's output current monitor.</summary>
        public const int MonitorConverterCurrentChannel = 1;

        /// <summary>Monitor ADC channel: the connector-side (vehicle-side) DC voltage.</summary>
        public const int MonitorConnectorVoltageChannel = 2;

        /// <summary>Monitor ADC channel: the converter's heatsink temperature sensor.</summary>
        public const int MonitorHeatsinkTemperatureChannel = 3;

        /// <summary>Monitor ADC channel: the GB/T CC1 voltage.</summary>
        public const int MonitorGbtCc1Channel = 4;

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
                new PinAssignment(PinFunction.PowerStagePwm, PortE + 9, "PE9", 1, "TIM1_CH1, filtered: the converter's current reference"),
                new PinAssignment(PinFunction.PowerStageEnable, PortE + 2, "PE2", 0, "pulled down: stage disabled while the MCU resets"),
                new PinAssignment(PinFunction.PowerStageFault, PortE + 8, "PE8", 0, true, "active low, pulled up"),
                new PinAssignment(PinFunction.MonitorAdcSpiCs, PortE + 11, "PE11", SpiBus, true, "pulled up, active low"),
                new PinAssignment(PinFunction.MonitorAdcSpiSck, PortF + 7, "PF7", SpiBus, "SPI5 SCK, shared"),
                new PinAssignment(PinFunction.MonitorAdcSpiMosi, PortF + 9, "PF9", SpiBus, "SPI5 MOSI, shared"),
                new PinAssignment(PinFunction.MonitorAdcSpiMiso, PortF + 8, "PF8", SpiBus, "SPI5 MISO, shared"),
                new PinAssignment(PinFunction.DcPlusContactorDrive, PortE + 3, "PE3", 0, "coil driver input, pulled down"),
                new PinAssignment(PinFunction.DcPlusContactorFeedback, PortG + 0, "PG0", 0, "auxiliary contact"),
                new PinAssignment(PinFunction.DcMinusContactorDrive, PortE + 4, "PE4", 0, "coil driver input, pulled down"),
                new PinAssignment(PinFunction.DcMinusContactorFeedback, PortG + 1, "PG1", 0, "auxiliary contact"),
                new PinAssignment(PinFunction.PrechargeRelayDrive, PortE + 5, "PE5", 0, "relay driver input, pulled down"),
                new PinAssignment(PinFunction.EmergencyStopInput, PortE + 7, "PE7", 0, true, "normally-closed chain holds it high, pulled down: low (asserted) = stop pressed or chain open"),
                new PinAssignment(PinFunction.InsulationMonitorSignal, PortE + 10, "PE10", 0, "the IMD's fail-safe alarm contact, closed to ground while healthy, pulled up: high = alarm or broken wire"),
                new PinAssignment(PinFunction.InsulationMonitorEnable, PortE + 12, "PE12", 0, "pulled down: the IMD stays off during boot"),
                new PinAssignment(PinFunction.MeteringSpiSck, PortF + 7, "PF7", SpiBus, "SPI5 SCK, shared"),
                new PinAssignment(PinFunction.MeteringSpiMosi, PortF + 9, "PF9", SpiBus, "SPI5 MOSI, shared"),
                new PinAssignment(PinFunction.MeteringSpiMiso, PortF + 8, "PF8", SpiBus, "SPI5 MISO, shared"),
                new PinAssignment(PinFunction.MeteringSpiCs, PortD + 14, "PD14", SpiBus, true, "pulled up, active low"),
                new PinAssignment(PinFunction.MeteringIrq, PortF + 13, "PF13", 0, true, "optional: the driver polls; active low, the ADE9000's IRQ0 falls on an event"),
                new PinAssignment(PinFunction.CanSpiSck, PortF + 7, "PF7", SpiBus, "SPI5 SCK, shared"),
                new PinAssignment(PinFunction.CanSpiMosi, PortF + 9, "PF9", SpiBus, "SPI5 MOSI, shared"),
                new PinAssignment(PinFunction.CanSpiMiso, PortF + 8, "PF8", SpiBus, "SPI5 MISO, shared"),
                new PinAssignment(PinFunction.CanSpiCs, PortD + 15, "PD15", SpiBus, true, "pulled up, active low"),
                new PinAssignment(PinFunction.CanInt, PortF + 14, "PF14", 0, true, "pulled up; the MCP2515's INT is active low"),
                new PinAssignment(PinFunction.PlcSpiSck, PortF + 7, "PF7", SpiBus, "SPI5 SCK, shared"),
                new PinAssignment(PinFunction.PlcSpiMosi, PortF + 9, "PF9", SpiBus, "SPI5 MOSI, shared"),
                new PinAssignment(PinFunction.PlcSpiMiso, PortF + 8, "PF8", SpiBus, "SPI5 MISO, shared"),
                new PinAssignment(PinFunction.PlcSpiCs, PortF + 12, "PF12", SpiBus, true, "pulled up, active low"),
                new PinAssignment(PinFunction.PlcInt, PortF + 15, "PF15", 0, "pulled down; the QCA7000's INT rises on an event"),
                new PinAssignment(PinFunction.ControlPilotPwm, PortB + 4, "PB4", 3, "TIM3_CH1, 1 kHz, into the ±12 V pilot driver"),
                new PinAssignment(PinFunction.ControlPilotAdc, PortA + 3, "PA3", ControlPilotAdcChannel, "AdcController channel 0 = ADC1_IN3 (Arduino A0)"),
                new PinAssignment(PinFunction.ProximityAdc, PortC + 0, "PC0", ProximityAdcChannel, "AdcController channel 1 = ADC1_IN10 (Arduino A1)"),
                new PinAssignment(PinFunction.DiagnosticsUartTx, PortC + 6, "PC6", DiagnosticsComPort, "USART6 TX, AF8 as the target routes it"),
                new PinAssignment(PinFunction.DiagnosticsUartRx, PortC + 7, "PC7", DiagnosticsComPort, "USART6 RX, AF8 as the target routes it"),
                new PinAssignment(PinFunction.ExternalWatchdogKick, PortE + 14, "PE14", 0, "optional external watchdog; the IWDG runs regardless"),
                new PinAssignment(PinFunction.StatusLed, PortB + 0, "PB0", 0, "LD1 (green) on the Nucleo"),
                new PinAssignment(PinFunction.GbtLockDrive, PortE + 13, "PE13", 0, "lock driver input, pulled down: the lock is not driven while the MCU resets"),
                new PinAssignment(PinFunction.GbtLockFeedback, PortE + 15, "PE15", 0, "pulled down; the lock's position switch closes to 3.3 V when locked"),
                new PinAssignment(PinFunction.GbtAuxPowerDrive, PortE + 6, "PE6", 0, "relay driver input, pulled down: the auxiliary supply is off while the MCU resets"),
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
            return new BoardPinMap("NUCLEO-F746ZG", "STM32F746ZG", "ST_NUCLEO144_F746ZG", BoardConnectors.CcsAndGbt, pins, reserved);
        }
    }
}
