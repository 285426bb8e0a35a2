namespace V2G.Hal.Board
{
    /// <summary>
    /// Facts about <see cref="PinFunction"/>: names (Enum.ToString gives the number on the device),
    /// which connector a function serves, which ones a board must bind for its connectors, and which are
    /// SPI bus lines that chips on one bus share.
    /// </summary>
    public static class PinFunctions
    {
        /// <summary>A bus line kind: not a shared bus line.</summary>
        public const int NotABusLine = 0;

        /// <summary>A bus line kind: SPI clock.</summary>
        public const int SpiClockLine = 1;

        /// <summary>A bus line kind: SPI MOSI.</summary>
        public const int SpiMosiLine = 2;

        /// <summary>A bus line kind: SPI MISO.</summary>
        public const int SpiMisoLine = 3;

        private static readonly PinFunction[] s_all =
        {
            PinFunction.PowerStagePwm, PinFunction.PowerStageEnable, PinFunction.PowerStageFault,
            PinFunction.MonitorAdcSpiCs, PinFunction.MonitorAdcSpiSck, PinFunction.MonitorAdcSpiMosi, PinFunction.MonitorAdcSpiMiso,
            PinFunction.DcPlusContactorDrive, PinFunction.DcPlusContactorFeedback,
            PinFunction.DcMinusContactorDrive, PinFunction.DcMinusContactorFeedback, PinFunction.PrechargeRelayDrive,
            PinFunction.EmergencyStopInput, PinFunction.InsulationMonitorSignal, PinFunction.InsulationMonitorEnable,
            PinFunction.MeteringSpiSck, PinFunction.MeteringSpiMosi, PinFunction.MeteringSpiMiso,
            PinFunction.MeteringSpiCs, PinFunction.MeteringIrq,
            PinFunction.CanSpiSck, PinFunction.CanSpiMosi, PinFunction.CanSpiMiso, PinFunction.CanSpiCs, PinFunction.CanInt,
            PinFunction.PlcSpiSck, PinFunction.PlcSpiMosi, PinFunction.PlcSpiMiso, PinFunction.PlcSpiCs, PinFunction.PlcInt,
            PinFunction.ControlPilotPwm, PinFunction.ControlPilotAdc, PinFunction.ProximityAdc,
            PinFunction.DiagnosticsUartTx, PinFunction.DiagnosticsUartRx,
            PinFunction.ExternalWatchdogKick, PinFunction.StatusLed,
            PinFunction.GbtLockDrive, PinFunction.GbtLockFeedback, PinFunction.GbtAuxPowerDrive,
        };

        /// <summary>Every function except <see cref="PinFunction.None"/>, in declaration order. A copy.</summary>
        public static PinFunction[] All()
        {
            PinFunction[] copy = new PinFunction[s_all.Length];
            for (int i = 0; i < s_all.Length; i++)
            {
                copy[i] = s_all[i];
            }

            return copy;
        }

        /// <summary>
        /// The connectors a function serves: <see cref="BoardConnectors.Ccs"/> for the PLC modem, the control
        /// pilot and proximity; <see cref="BoardConnectors.Gbt"/> for the CAN controller, the lock and the
        /// auxiliary supply; <see cref="BoardConnectors.CcsAndGbt"/> for everything both share (the DC output,
        /// safety, metering, the monitor ADC, diagnostics); <see cref="BoardConnectors.None"/> for None.
        /// </summary>
        public static BoardConnectors ConnectorsServed(PinFunction function)
        {
            switch (function)
            {
                case PinFunction.None:
                    return BoardConnectors.None;
                case PinFunction.PlcSpiSck:
                case PinFunction.PlcSpiMosi:
                case PinFunction.PlcSpiMiso:
                case PinFunction.PlcSpiCs:
                case PinFunction.PlcInt:
                case PinFunction.ControlPilotPwm:
                case PinFunction.ControlPilotAdc:
                case PinFunction.ProximityAdc:
                    return BoardConnectors.Ccs;
                case PinFunction.CanSpiSck:
                case PinFunction.CanSpiMosi:
                case PinFunction.CanSpiMiso:
                case PinFunction.CanSpiCs:
                case PinFunction.CanInt:
                case PinFunction.GbtLockDrive:
                case PinFunction.GbtLockFeedback:
                case PinFunction.GbtAuxPowerDrive:
                    return BoardConnectors.Gbt;
                default:
                    return BoardConnectors.CcsAndGbt;
            }
        }

        /// <summary>True if the function serves at least one of <paramref name="connectors"/>.</summary>
        public static bool Serves(PinFunction function, BoardConnectors connectors)
        {
            return (ConnectorsServed(function) & connectors) != BoardConnectors.None;
        }

        /// <summary>
        /// True if a board built for <paramref name="connectors"/> must bind the function: it serves one of
        /// them and is not optional. Optional everywhere: the chip interrupt lines (MeteringIrq, CanInt, PlcInt:
        /// the ADE9000, MCP2515 and QCA7000 drivers poll without them), an external watchdog (the MCU's own is
        /// used otherwise) and the status LED.
        /// </summary>
        public static bool IsRequired(PinFunction function, BoardConnectors connectors)
        {
            switch (function)
            {
                case PinFunction.None:
                case PinFunction.MeteringIrq:
                case PinFunction.CanInt:
                case PinFunction.PlcInt:
                case PinFunction.ExternalWatchdogKick:
                case PinFunction.StatusLed:
                    return false;
                default:
                    return Serves(function, connectors);
            }
        }

        /// <summary>True if a board with both connectors must bind the function (see <see cref="IsRequired(PinFunction, BoardConnectors)"/>).</summary>
        public static bool IsRequired(PinFunction function)
        {
            return IsRequired(function, BoardConnectors.CcsAndGbt);
        }

        /// <summary>True if the function is an analog input on the MCU's own ADC (its BusInstance is the ADC channel).</summary>
        public static bool IsMcuAnalogInput(PinFunction function)
        {
            return function == PinFunction.ControlPilotAdc || function == PinFunction.ProximityAdc;
        }

        /// <summary>Which shared SPI line a function is (<see cref="SpiClockLine"/>…), or <see cref="NotABusLine"/>.</summary>
        public static int BusLineKind(PinFunction function)
        {
            switch (function)
            {
                case PinFunction.MeteringSpiSck:
                case PinFunction.CanSpiSck:
                case PinFunction.PlcSpiSck:
                case PinFunction.MonitorAdcSpiSck:
                    return SpiClockLine;
                case PinFunction.MeteringSpiMosi:
                case PinFunction.CanSpiMosi:
                case PinFunction.PlcSpiMosi:
                case PinFunction.MonitorAdcSpiMosi:
                    return SpiMosiLine;
                case PinFunction.MeteringSpiMiso:
                case PinFunction.CanSpiMiso:
                case PinFunction.PlcSpiMiso:
                case PinFunction.MonitorAdcSpiMiso:
                    return SpiMisoLine;
                default:
                    return NotABusLine;
            }
        }

        /// <summary>The function's name as written in the board READMEs and logs.</summary>
        public static string Name(PinFunction function)
        {
            switch (function)
            {
                case PinFunction.PowerStagePwm: return "PowerStagePwm";
                case PinFunction.PowerStageEnable: return "PowerStageEnable";
                case PinFunction.PowerStageFault: return "PowerStageFault";
                case PinFunction.MonitorAdcSpiCs: return "MonitorAdcSpiCs";
                case PinFunction.MonitorAdcSpiSck: return "MonitorAdcSpiSck";
                case PinFunction.MonitorAdcSpiMosi: return "MonitorAdcSpiMosi";
                case PinFunction.MonitorAdcSpiMiso: return "MonitorAdcSpiMiso";
                case PinFunction.DcPlusContactorDrive: return "DcPlusContactorDrive";
                case PinFunction.DcPlusContactorFeedback: return "DcPlusContactorFeedback";
                case PinFunction.DcMinusContactorDrive: return "DcMinusContactorDrive";
                case PinFunction.DcMinusContactorFeedback: return "DcMinusContactorFeedback";
                case PinFunction.PrechargeRelayDrive: return "PrechargeRelayDrive";
                case PinFunction.EmergencyStopInput: return "EmergencyStopInput";
                case PinFunction.InsulationMonitorSignal: return "InsulationMonitorSignal";
                case PinFunction.InsulationMonitorEnable: return "InsulationMonitorEnable";
                case PinFunction.MeteringSpiSck: return "MeteringSpiSck";
                case PinFunction.MeteringSpiMosi: return "MeteringSpiMosi";
                case PinFunction.MeteringSpiMiso: return "MeteringSpiMiso";
                case PinFunction.MeteringSpiCs: return "MeteringSpiCs";
                case PinFunction.MeteringIrq: return "MeteringIrq";
                case PinFunction.CanSpiSck: return "CanSpiSck";
                case PinFunction.CanSpiMosi: return "CanSpiMosi";
                case PinFunction.CanSpiMiso: return "CanSpiMiso";
                case PinFunction.CanSpiCs: return "CanSpiCs";
                case PinFunction.CanInt: return "CanInt";
                case PinFunction.PlcSpiSck: return "PlcSpiSck";
                case PinFunction.PlcSpiMosi: return "PlcSpiMosi";
                case PinFunction.PlcSpiMiso: return "PlcSpiMiso";
                case PinFunction.PlcSpiCs: return "PlcSpiCs";
                case PinFunction.PlcInt: return "PlcInt";
                case PinFunction.ControlPilotPwm: return "ControlPilotPwm";
                case PinFunction.ControlPilotAdc: return "ControlPilotAdc";
                case PinFunction.ProximityAdc: return "ProximityAdc";
                case PinFunction.DiagnosticsUartTx: return "DiagnosticsUartTx";
                case PinFunction.DiagnosticsUartRx: return "DiagnosticsUartRx";
                case PinFunction.ExternalWatchdogKick: return "ExternalWatchdogKick";
                case PinFunction.StatusLed: return "StatusLed";
                case PinFunction.GbtLockDrive: return "GbtLockDrive";
                case PinFunction.GbtLockFeedback: return "GbtLockFeedback";
                case PinFunction.GbtAuxPowerDrive: return "GbtAuxPowerDrive";
                default: return "None";
            }
        }
    }
}
