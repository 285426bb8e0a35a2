namespace V2G.Firmware.Faults
{
    /// <summary>
    /// The one place that says what each fault means, whether it latches and what clears it.
    /// docs/faults.md is generated from the same facts (a test compares them).
    /// </summary>
    public static class FaultCatalogue
    {
        private static readonly FaultInfo[] Entries =
        {
            new FaultInfo(FaultCode.None, "none", "No fault.", FaultClearing.Automatic, false),
            new FaultInfo(FaultCode.EmergencyStop, "emergency_stop", "The emergency-stop chain opened.", FaultClearing.Operator, true),
            new FaultInfo(FaultCode.InsulationFault, "insulation_fault", "Insulation resistance below the limit (Ω/V × voltage), at cable check or while monitoring.", FaultClearing.Operator, true),
            new FaultInfo(FaultCode.InsulationMonitorFailure, "insulation_monitor_failure", "The insulation monitor reports a fault of its own.", FaultClearing.Operator, false),
            new FaultInfo(FaultCode.OverVoltage, "over_voltage", "Output voltage above the applicable maximum plus margin.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.OverCurrent, "over_current", "Output current above the applicable maximum plus margin in its direction.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.OverTemperature, "over_temperature", "Power stage above its temperature limit.", FaultClearing.Automatic, false),
            new FaultInfo(FaultCode.ContactorWelded, "contactor_welded", "A DC contactor's auxiliary contact stayed closed after it was opened.", FaultClearing.Operator, false),
            new FaultInfo(FaultCode.ContactorFailedToClose, "contactor_failed_to_close", "A DC contactor's auxiliary contact did not follow a close command.", FaultClearing.Operator, false),
            new FaultInfo(FaultCode.PowerStageHardware, "power_stage_hardware", "The converter's hardware latched a trip (over-current, over-voltage, gate driver, supply).", FaultClearing.Operator, false),
            new FaultInfo(FaultCode.VehicleCommunicationLost, "vehicle_communication_lost", "No message from the vehicle within the communication timeout.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.ControlTickOverrun, "control_tick_overrun", "The control tick ran late by more than the allowed periods.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.WatchdogReset, "watchdog_reset", "The board was reset by the hardware watchdog (recorded at boot; clears once the output is found safe).", FaultClearing.Automatic, false),
            new FaultInfo(FaultCode.CableCheckTimeout, "cable_check_timeout", "The output did not reach the cable-check voltage or the test gave no result in time.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.PreChargeFailed, "precharge_failed", "The converter did not match the vehicle's voltage in time, or the contactors would have closed onto a voltage difference.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.VehicleDisconnectedUnderLoad, "vehicle_disconnected_under_load", "The vehicle was unplugged while the output was live.", FaultClearing.SessionEnd, true),
            new FaultInfo(FaultCode.OutputVoltageNotDecayed, "output_voltage_not_decayed", "After opening, the connector voltage did not fall below the safe voltage (welded contactor on the vehicle side or a failed bleeder).", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.PilotError, "pilot_error", "The control pilot showed state E or F, or a voltage in no state's band, while the output was live.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.PilotDiodeFault, "pilot_diode_fault", "The pilot's negative half did not reach −12 V while the PWM ran: the vehicle's diode is shorted or missing.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.VehicleNotReadyUnderLoad, "vehicle_not_ready_under_load", "The vehicle withdrew its readiness for energy (CCS: pilot C or D back to B) while the output was live.", FaultClearing.SessionEnd, false),
            new FaultInfo(FaultCode.GridUnderFrequency, "grid_under_frequency", "Grid frequency below an under-frequency trip setting for its clearing time: the charger ceased to energize.", FaultClearing.Automatic, false),
            new FaultInfo(FaultCode.GridOverFrequency, "grid_over_frequency", "Grid frequency above an over-frequency trip setting for its clearing time: the charger ceased to energize.", FaultClearing.Automatic, false),
            new FaultInfo(FaultCode.GridUnderVoltage, "grid_under_voltage", "Grid voltage below an under-voltage trip setting for its clearing time: the charger ceased to energize.", FaultClearing.Automatic, false),
            new FaultInfo(FaultCode.GridOverVoltage, "grid_over_voltage", "Grid voltage above an over-voltage trip setting for its clearing time: the charger ceased to energize.", FaultClearing.Automatic, false),
            new FaultInfo(FaultCode.LossOfMains, "loss_of_mains", "Loss of mains (an island: the rate of change of frequency, or the grid voltage gone): the charger ceased to energize.", FaultClearing.Automatic, false),
        };

        /// <summary>The catalogue entry of a code (the "none" entry for an unknown code).</summary>
        public static FaultInfo Get(FaultCode code)
        {
            int index = (int)code;
            if (index < 0 || index >= Entries.Length)
            {
                return Entries[0];
            }

            return Entries[index];
        }

        /// <summary>Number of entries, including "none".</summary>
        public static int Count => Entries.Length;

        /// <summary>The entry at a position (for listing the whole catalogue).</summary>
        public static FaultInfo At(int index)
        {
            return Entries[index];
        }
    }
}
