// The ESP32 reference board's pin map, as data. Compiled into the device project (Esp32Board.nfproj)
// and, on the host, into tests/UnitTests (tests/UnitTests/Boards), which check it.
//
// Module: ESP32-WROOM-32E (no PSRAM), nanoFramework target ESP32_REV3. Why these pins:
// - GPIO6–11 carry the module's SPI flash: never used (reserved below).
// - GPIO1/3 are UART0, nanoFramework's wire protocol (deploy, debug) on COM1: reserved.
// - Analog inputs are on ADC1 (GPIO32–39) because ADC2 cannot be read while Wi-Fi is on.
// - GPIO34/35/36/39 are input-only and have no internal pull-ups: inputs there need external ones.
// - Strapping pins (0, 2, 5, 12, 15) are used only where the function's idle level at reset is the
//   level the boot needs: GPIO0 high (an active-low interrupt, pulled up), GPIO2 low (an enable
//   that is off at reset), GPIO5 and GPIO15 high (chip selects, pulled up), GPIO12 low (a relay
//   drive, pulled down: high would select 1.8 V flash).
// - GPIO14 outputs a PWM at boot: it is an input here, never a coil drive.
// - The three SPI chips share VSPI (bus 1 in nanoFramework) with one chip select each.
using V2G.Hal.Board;

namespace V2G.Boards.Esp32
{
    /// <summary>The ESP32-WROOM-32E reference board's pin map.</summary>
    public static class Esp32PinMap
    {
        /// <summary>nanoFramework's SPI bus id for VSPI (SPI1 in nanoFramework's naming).</summary>
        public const int SpiBus = 1;

        /// <summary>The diagnostics UART: COM2 (UART2). COM1 is nanoFramework's wire protocol.</summary>
        public const int DiagnosticsComPort = 2;

        /// <summary>The map.</summary>
        public static BoardPinMap Create()
        {
            PinAssignment[] pins =
            {
                new PinAssignment(PinFunction.PowerStagePwm, 25, "GPIO25", 0, "LEDC PWM to the gate-driver interface"),
                new PinAssignment(PinFunction.PowerStageEnable, 26, "GPIO26", 0, "pulled down: stage disabled while the MCU resets"),
                new PinAssignment(PinFunction.PowerStageFault, 34, "GPIO34", 0, "input only, external pull-up, active low"),
                new PinAssignment(PinFunction.DcPlusContactorDrive, 27, "GPIO27", 0, "coil driver input, pulled down"),
                new PinAssignment(PinFunction.DcPlusContactorFeedback, 14, "GPIO14", 0, "auxiliary contact; input because GPIO14 toggles at boot"),
                new PinAssignment(PinFunction.DcMinusContactorDrive, 13, "GPIO13", 0, "coil driver input, pulled down"),
                new PinAssignment(PinFunction.DcMinusContactorFeedback, 22, "GPIO22", 0, "auxiliary contact"),
                new PinAssignment(PinFunction.PrechargeRelayDrive, 12, "GPIO12", 0, "strapping: must be low at reset, external pull-down keeps the relay off"),
                new PinAssignment(PinFunction.EmergencyStopInput, 32, "GPIO32", 0, "normally-closed chain, external pull-up"),
                new PinAssignment(PinFunction.InsulationMonitorSignal, 33, "GPIO33", 0, "the IMD's measurement or alarm output"),
                new PinAssignment(PinFunction.InsulationMonitorEnable, 2, "GPIO2", 0, "strapping: low at reset, the IMD stays off during boot"),
                new PinAssignment(PinFunction.MeteringSpiSck, 18, "GPIO18", SpiBus, "VSPI clock, shared"),
                new PinAssignment(PinFunction.MeteringSpiMosi, 23, "GPIO23", SpiBus, "VSPI MOSI, shared"),
                new PinAssignment(PinFunction.MeteringSpiMiso, 19, "GPIO19", SpiBus, "VSPI MISO, shared"),
                new PinAssignment(PinFunction.MeteringSpiCs, 15, "GPIO15", SpiBus, "strapping: high at reset, pulled up"),
                new PinAssignment(PinFunction.CanSpiSck, 18, "GPIO18", SpiBus, "VSPI clock, shared"),
                new PinAssignment(PinFunction.CanSpiMosi, 23, "GPIO23", SpiBus, "VSPI MOSI, shared"),
                new PinAssignment(PinFunction.CanSpiMiso, 19, "GPIO19", SpiBus, "VSPI MISO, shared"),
                new PinAssignment(PinFunction.CanSpiCs, 5, "GPIO5", SpiBus, "strapping: high at reset, pulled up"),
                new PinAssignment(PinFunction.CanInt, 0, "GPIO0", 0, "strapping: active-low interrupt pulled up, high at reset as the boot needs"),
                new PinAssignment(PinFunction.PlcSpiSck, 18, "GPIO18", SpiBus, "VSPI clock, shared"),
                new PinAssignment(PinFunction.PlcSpiMosi, 23, "GPIO23", SpiBus, "VSPI MOSI, shared"),
                new PinAssignment(PinFunction.PlcSpiMiso, 19, "GPIO19", SpiBus, "VSPI MISO, shared"),
                new PinAssignment(PinFunction.PlcSpiCs, 4, "GPIO4", SpiBus, "pulled up"),
                new PinAssignment(PinFunction.PlcInt, 35, "GPIO35", 0, "input only"),
                new PinAssignment(PinFunction.ControlPilotPwm, 21, "GPIO21", 0, "LEDC PWM, 1 kHz, into the ±12 V pilot driver"),
                new PinAssignment(PinFunction.ControlPilotAdc, 36, "GPIO36", 1, "ADC1 channel 0 (SENSOR_VP)"),
                new PinAssignment(PinFunction.ProximityAdc, 39, "GPIO39", 1, "ADC1 channel 3 (SENSOR_VN)"),
                new PinAssignment(PinFunction.DiagnosticsUartTx, 17, "GPIO17", DiagnosticsComPort, "COM2 TX"),
                new PinAssignment(PinFunction.DiagnosticsUartRx, 16, "GPIO16", DiagnosticsComPort, "COM2 RX"),
            };

            // Flash (6–11) and UART0 (1, 3). 20, 24 and 28–31 are not bonded out on the ESP32.
            int[] reserved = { 1, 3, 6, 7, 8, 9, 10, 11, 20, 24, 28, 29, 30, 31 };
            return new BoardPinMap("ESP32-DevKitC-32E", "ESP32-WROOM-32E", "ESP32_REV3", pins, reserved);
        }
    }
}
