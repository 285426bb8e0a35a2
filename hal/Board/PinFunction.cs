namespace V2G.Hal.Board
{
    /// <summary>
    /// Every physical function the HAL needs from a charger control board's pins. A board's
    /// <see cref="BoardPinMap"/> binds each of them to one pin; which ones a board must bind is
    /// <see cref="PinFunctions.IsRequired"/>. The numeric values are stable (they appear in logs).
    /// </summary>
    public enum PinFunction
    {
        /// <summary>Nothing: an unused entry.</summary>
        None = 0,

        /// <summary>PWM to the converter's gate driver (the power stage's set-point or switching signal), output.</summary>
        PowerStagePwm = 1,

        /// <summary>The gate driver's enable, output; low = disabled, so a reset MCU disables the stage.</summary>
        PowerStageEnable = 2,

        /// <summary>The gate driver's fault (desaturation, undervoltage lock-out), input.</summary>
        PowerStageFault = 3,

        /// <summary>Chip select of the DC-side monitor ADC (an MCP3208-class SPI ADC behind isolated amplifiers), output, active low.</summary>
        MonitorAdcSpiCs = 4,

        /// <summary>Monitor ADC: SPI clock (shareable with other SPI clocks of the same bus).</summary>
        MonitorAdcSpiSck = 5,

        /// <summary>Monitor ADC: SPI MOSI (shareable on the same bus).</summary>
        MonitorAdcSpiMosi = 6,

        /// <summary>Monitor ADC: SPI MISO (shareable on the same bus).</summary>
        MonitorAdcSpiMiso = 7,

        /// <summary>DC+ contactor coil drive, output.</summary>
        DcPlusContactorDrive = 10,

        /// <summary>DC+ contactor auxiliary (mirror) contact, input.</summary>
        DcPlusContactorFeedback = 11,

        /// <summary>DC− contactor coil drive, output.</summary>
        DcMinusContactorDrive = 12,

        /// <summary>DC− contactor auxiliary (mirror) contact, input.</summary>
        DcMinusContactorFeedback = 13,

        /// <summary>Precharge relay coil drive, output.</summary>
        PrechargeRelayDrive = 14,

        /// <summary>The normally-closed emergency stop chain, input.</summary>
        EmergencyStopInput = 20,

        /// <summary>The insulation monitor's measurement or alarm output (PWM-coded or a relay contact), input.</summary>
        InsulationMonitorSignal = 21,

        /// <summary>The insulation monitor's measurement enable, output.</summary>
        InsulationMonitorEnable = 22,

        /// <summary>Grid metering IC: SPI clock (shareable with other SPI clocks of the same bus).</summary>
        MeteringSpiSck = 30,

        /// <summary>Grid metering IC: SPI MOSI (shareable on the same bus).</summary>
        MeteringSpiMosi = 31,

        /// <summary>Grid metering IC: SPI MISO (shareable on the same bus).</summary>
        MeteringSpiMiso = 32,

        /// <summary>Grid metering IC: chip select, output, active low.</summary>
        MeteringSpiCs = 33,

        /// <summary>Grid metering IC: interrupt, input (optional: the driver polls).</summary>
        MeteringIrq = 34,

        /// <summary>CAN controller (MCP2515 class): SPI clock (shareable on the same bus).</summary>
        CanSpiSck = 40,

        /// <summary>CAN controller: SPI MOSI (shareable on the same bus).</summary>
        CanSpiMosi = 41,

        /// <summary>CAN controller: SPI MISO (shareable on the same bus).</summary>
        CanSpiMiso = 42,

        /// <summary>CAN controller: chip select, output, active low.</summary>
        CanSpiCs = 43,

        /// <summary>CAN controller: interrupt, input, active low.</summary>
        CanInt = 44,

        /// <summary>PLC modem (QCA7000 class): SPI clock (shareable on the same bus).</summary>
        PlcSpiSck = 50,

        /// <summary>PLC modem: SPI MOSI (shareable on the same bus).</summary>
        PlcSpiMosi = 51,

        /// <summary>PLC modem: SPI MISO (shareable on the same bus).</summary>
        PlcSpiMiso = 52,

        /// <summary>PLC modem: chip select, output, active low.</summary>
        PlcSpiCs = 53,

        /// <summary>PLC modem: interrupt, input.</summary>
        PlcInt = 54,

        /// <summary>Control pilot 1 kHz PWM, output (into the ±12 V pilot driver).</summary>
        ControlPilotPwm = 60,

        /// <summary>Control pilot voltage through its divider, analog input.</summary>
        ControlPilotAdc = 61,

        /// <summary>Proximity (PP / CC1) voltage through its divider, analog input.</summary>
        ProximityAdc = 62,

        /// <summary>Diagnostics shell UART transmit, output.</summary>
        DiagnosticsUartTx = 70,

        /// <summary>Diagnostics shell UART receive, input.</summary>
        DiagnosticsUartRx = 71,

        /// <summary>An external watchdog's kick line, output (optional: the MCU's own watchdog is the default).</summary>
        ExternalWatchdogKick = 80,

        /// <summary>Status LED, output (optional).</summary>
        StatusLed = 81,

        /// <summary>GB/T 27930: the electronic lock's drive (the coupler's lock solenoid or motor driver), output.</summary>
        GbtLockDrive = 90,

        /// <summary>GB/T 27930: the electronic lock's position feedback, input (asserted = locked).</summary>
        GbtLockFeedback = 91,

        /// <summary>GB/T 27930: the low-voltage auxiliary supply to the vehicle (A+/A−) relay drive, output.</summary>
        GbtAuxPowerDrive = 92,
    }
}
