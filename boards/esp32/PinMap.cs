// The ESP32 reference board's pin maps, as data. Compiled into the device project (Esp32Board.nfproj)
// and, on the host, into tests/UnitTests (tests/UnitTests/Boards), which check them.
//
// Module: ESP32-WROOM-32E (no PSRAM), nanoFramework target ESP32_REV3. Its 24 usable pins cannot carry
// both connectors, so the board is built in two variants: CCS (PLC modem, pilot, proximity) and GB/T
// (MCP2515 CAN, lock, auxiliary supply). Why these pins:
// - GPIO6–11 carry the module's SPI flash: never used (reserved below).
// - GPIO1/3 are UART0, nanoFramework's wire protocol (deploy, debug) on COM1: reserved.
// - MCU analog inputs are on ADC1 (GPIO32–39) because ADC2 cannot be read while Wi-Fi is on. The
//   AdcController channel is the ADC1 channel (nf-interpreter's ESP32 AdcChannel reads channel n < 8
//   with adc1_get_raw(n)); ESP-IDF maps ADC1 channel 0 to GPIO36 and channel 3 to GPIO39.
// - GPIO34/35/36/39 are input-only and have no internal pull-ups: inputs there need external ones.
// - Strapping pins (0, 2, 5, 12, 15) are used only where the function's idle level at reset is the
//   level the boot needs: GPIO0 high (an active-low relay drive, pulled up), GPIO2 low (an enable that
//   is off at reset), GPIO5 and GPIO15 high (chip selects, pulled up), GPIO12 low (a relay drive,
//   pulled down: high would select 1.8 V flash).
// - GPIO14 outputs a PWM at boot: it is an input here, never a coil drive.
// - The SPI chips share VSPI (bus 1 in nanoFramework) with one chip select each; the variant's
//   connector chip (QCA7000 or MCP2515) takes GPIO4 and its interrupt GPIO35 in both variants.
// - The converter's voltage, current and heatsink temperature, the connector-side voltage and the
//   GB/T CC1 voltage are channels of the monitor ADC (MCP3208 class) on VSPI, not MCU pins.
using V2G.Hal.Board;

namespace V2G.Boards.Esp32
{
    /// <summary>The ESP32-WROOM-32E reference board's pin maps: one per connector variant.</summary>
    public static class Esp32PinMap
    {
        /// <summary>nanoFramework's SPI bus id for VSPI (SPI1 in nanoFramework's naming).</summary>
        public const int SpiBus = 1;

        /// <summary>The diagnostics UART: COM2 (UART2). COM1 is nanoFramework's wire protocol.</summary>
        public const int DiagnosticsComPort = 2;

        /// <summary>AdcController channel of the control pilot input (ADC1 channel 0, GPIO36), CCS variant.</summary>
        public const int ControlPilotAdcChannel = 0;

        /// <summary>AdcController channel of the proximity input (ADC1 channel 3, GPIO39), CCS variant.</summary>
        public const int ProximityAdcChannel = 3;

        /// <summary>Monitor ADC channel: the converter's output voltage monitor.</summary>
        public const int MonitorConverterVoltageChannel = 0;

        /// <summary>Monitor ADC channel: the converter's output current monitor.</summary>
        public const int MonitorConverterCurrentChannel = 1;

        /// <summary>Monitor ADC channel: the connector-side (vehicle-side) DC voltage.</summary>
        public const int MonitorConnectorVoltageChannel = 2;

        /// <summary>Monitor ADC channel: the converter's heatsink temperature sensor.</summary>
        public const int MonitorHeatsinkTemperatureChannel = 3;

        /// <summary>Monitor ADC channel: the GB/T CC1 voltage (wired on the GB/T variant only).</summary>
        public const int MonitorGbtCc1Channel = 4;

        /// <summary>The CCS variant: QCA7000 PLC modem, control pilot and proximity; no CAN controller.</summary>
        public static BoardPinMap CreateCcs()
        {
            PinAssignment[] ccs =
            {
                new PinAssignment(PinFunction.PlcSpiSck, 18, "GPIO18", SpiBus, "VSPI clock, shared"),
                new PinAssignment(PinFunction.PlcSpiMosi, 23, "GPIO23", SpiBus, "VSPI MOSI, shared"),
                new PinAssignment(PinFunction.PlcSpiMiso, 19, "GPIO19", SpiBus, "VSPI MISO, shared"),
                new PinAssignment(PinFunction.PlcSpiCs, 4, "GPIO4", SpiBus, true, "pulled up, active low"),
                new PinAssignment(PinFunction.PlcInt, 35, "GPIO35", 0, "input only, external pull-down; the QCA7000's INT rises on an event"),
                new PinAssignment(PinFunction.ControlPilotPwm, 21, "GPIO21", 0, "LEDC PWM, 1 kHz, into the ±12 V pilot driver"),
                new PinAssignment(PinFunction.ControlPilotAdc, 36, "GPIO36", ControlPilotAdcChannel, "ADC1 channel 0 (SENSOR_VP)"),
                new PinAssignment(PinFunction.ProximityAdc, 39, "GPIO39", ProximityAdcChannel, "ADC1 channel 3 (SENSOR_VN)"),
            };

            // Free: GPIO0 (strapping; nothing of this variant needs it).
            return new BoardPinMap("ESP32-DevKitC-32E", "ESP32-WROOM-32E", "ESP32_REV3", BoardConnectors.Ccs, Join(Shared(), ccs), Reserved());
        }

        /// <summary>The GB/T variant: MCP2515 CAN controller, lock and auxiliary supply; no PLC modem, pilot or proximity.</summary>
        public static BoardPinMap CreateGbt()
        {
            PinAssignment[] gbt =
            {
                new PinAssignment(PinFunction.CanSpiSck, 18, "GPIO18", SpiBus, "VSPI clock, shared"),
                new PinAssignment(PinFunction.CanSpiMosi, 23, "GPIO23", SpiBus, "VSPI MOSI, shared"),
                new PinAssignment(PinFunction.CanSpiMiso, 19, "GPIO19", SpiBus, "VSPI MISO, shared"),
                new PinAssignment(PinFunction.CanSpiCs, 4, "GPIO4", SpiBus, true, "pulled up, active low"),
                new PinAssignment(PinFunction.CanInt, 35, "GPIO35", 0, true, "input only, external pull-up; the MCP2515's INT is active low"),
                new PinAssignment(PinFunction.GbtLockDrive, 21, "GPIO21", 0, "lock driver input, pulled down: the lock is not driven while the MCU resets"),
                new PinAssignment(PinFunction.GbtLockFeedback, 39, "GPIO39", 0, "input only, external pull-down; the lock's position switch closes to 3.3 V when locked"),
                new PinAssignment(PinFunction.GbtAuxPowerDrive, 0, "GPIO0", 0, true, "strapping: active-low relay driver pulled up, so GPIO0 is high at reset as the boot needs and the supply is off (holding BOOT switches it on)"),
            };

            // Free: GPIO36 (input only; CC1 is read through the monitor ADC, isolated from the MCU).
            return new BoardPinMap("ESP32-DevKitC-32E", "ESP32-WROOM-32E", "ESP32_REV3", BoardConnectors.Gbt, Join(Shared(), gbt), Reserved());
        }

        /// <summary>The pins both variants bind identically: DC output, safety, metering, monitor ADC, diagnostics.</summary>
        private static PinAssignment[] Shared()
        {
            PinAssignment[] pins =
            {
                new PinAssignment(PinFunction.PowerStagePwm, 25, "GPIO25", 0, "LEDC PWM, filtered: the converter's current reference"),
                new PinAssignment(PinFunction.PowerStageEnable, 26, "GPIO26", 0, "pulled down: stage disabled while the MCU resets"),
                new PinAssignment(PinFunction.PowerStageFault, 34, "GPIO34", 0, true, "input only, external pull-up, active low"),
                new PinAssignment(PinFunction.MonitorAdcSpiCs, 5, "GPIO5", SpiBus, true, "strapping: active-low chip select pulled up, high at reset as the boot needs"),
                new PinAssignment(PinFunction.MonitorAdcSpiSck, 18, "GPIO18", SpiBus, "VSPI clock, shared"),
                new PinAssignment(PinFunction.MonitorAdcSpiMosi, 23, "GPIO23", SpiBus, "VSPI MOSI, shared"),
                new PinAssignment(PinFunction.MonitorAdcSpiMiso, 19, "GPIO19", SpiBus, "VSPI MISO, shared"),
                new PinAssignment(PinFunction.DcPlusContactorDrive, 27, "GPIO27", 0, "coil driver input, pulled down"),
                new PinAssignment(PinFunction.DcPlusContactorFeedback, 14, "GPIO14", 0, "auxiliary contact; input because GPIO14 toggles at boot"),
                new PinAssignment(PinFunction.DcMinusContactorDrive, 13, "GPIO13", 0, "coil driver input, pulled down"),
                new PinAssignment(PinFunction.DcMinusContactorFeedback, 22, "GPIO22", 0, "auxiliary contact"),
                new PinAssignment(PinFunction.PrechargeRelayDrive, 12, "GPIO12", 0, "strapping: must be low at reset, external pull-down keeps the relay off"),
                new PinAssignment(PinFunction.EmergencyStopInput, 32, "GPIO32", 0, true, "normally-closed chain holds it high, external pull-down: low (asserted) = stop pressed or chain open"),
                new PinAssignment(PinFunction.InsulationMonitorSignal, 33, "GPIO33", 0, "the IMD's fail-safe alarm contact, closed to ground while healthy, pulled up: high = alarm or broken wire"),
                new PinAssignment(PinFunction.InsulationMonitorEnable, 2, "GPIO2", 0, "strapping: low at reset, the IMD stays off during boot"),
                new PinAssignment(PinFunction.MeteringSpiSck, 18, "GPIO18", SpiBus, "VSPI clock, shared"),
                new PinAssignment(PinFunction.MeteringSpiMosi, 23, "GPIO23", SpiBus, "VSPI MOSI, shared"),
                new PinAssignment(PinFunction.MeteringSpiMiso, 19, "GPIO19", SpiBus, "VSPI MISO, shared"),
                new PinAssignment(PinFunction.MeteringSpiCs, 15, "GPIO15", SpiBus, true, "strapping: active-low chip select pulled up, high at reset as the boot needs"),
                new PinAssignment(PinFunction.DiagnosticsUartTx, 17, "GPIO17", DiagnosticsComPort, "COM2 TX"),
                new PinAssignment(PinFunction.DiagnosticsUartRx, 16, "GPIO16", DiagnosticsComPort, "COM2 RX"),
            };
            return pins;
        }

        /// <summary>Flash (6–11) and UART0 (1, 3). 20, 24 and 28–31 are not bonded out on the ESP32.</summary>
        private static int[] Reserved()
        {
            int[] reserved = { 1, 3, 6, 7, 8, 9, 10, 11, 20, 24, 28, 29, 30, 31 };
            return reserved;
        }

        private static PinAssignment[] Join(PinAssignment[] first, PinAssignment[] second)
        {
            PinAssignment[] all = new PinAssignment[first.Length + second.Length];
            for (int i = 0; i < first.Length; i++)
            {
                all[i] = first[i];
            }

            for (int i = 0; i < second.Length; i++)
            {
                all[first.Length + i] = second[i];
            }

            return all;
        }
    }
}
