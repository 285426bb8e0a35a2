namespace V2G.Protocol.Session
{
    /// <summary>
    /// What a vehicle-side protocol stack (the ISO 15118-20 EVCC, the GB/T BMS simulator) needs of its
    /// vehicle: the battery's state and limits as its BMS declares them, the vehicle's own DC contactor
    /// and the voltage it measures at the inlet.
    /// Units are in the names; + current flows into the battery (charging), − out of it.
    /// Implementations answer from their latest measurement without blocking: the protocol stacks poll
    /// them on the control thread every tick.
    /// </summary>
    public interface IEvPlant
    {
        /// <summary>Battery terminal voltage, V (what the EV sends as EVPresentVoltage).</summary>
        double BatteryVoltageV { get; }

        /// <summary>Current into the battery, A (+ charging, − discharging), as the EV's own sensor reads it.</summary>
        double BatteryCurrentA { get; }

        /// <summary>State of charge, % (0..100).</summary>
        double SocPercent { get; }

        /// <summary>Usable battery capacity, Wh.</summary>
        double CapacityWh { get; }

        /// <summary>Highest voltage the battery accepts, V.</summary>
        double MaxVoltageV { get; }

        /// <summary>Lowest voltage the battery may be discharged to, V.</summary>
        double MinVoltageV { get; }

        /// <summary>Largest charge current, A (a magnitude).</summary>
        double MaxChargeCurrentA { get; }

        /// <summary>Largest discharge current, A (a magnitude; 0 if the vehicle cannot discharge).</summary>
        double MaxDischargeCurrentA { get; }

        /// <summary>Largest charge power, W (a magnitude).</summary>
        double MaxChargePowerW { get; }

        /// <summary>Largest discharge power, W (a magnitude; 0 if the vehicle cannot discharge).</summary>
        double MaxDischargePowerW { get; }

        /// <summary>Voltage the EV measures at its inlet (the charger's side of its contactor), V.</summary>
        double InletVoltageV { get; }

        /// <summary>True while the contactor's auxiliary contact reads closed.</summary>
        bool IsContactorClosed { get; }

        /// <summary>Commands the vehicle's DC contactor closed. The EVCC calls it only onto a matched voltage.</summary>
        void CloseContactor();

        /// <summary>Commands the vehicle's DC contactor open. The EVCC calls it once the current is about 0, or when it must protect the battery.</summary>
        void OpenContactor();
    }
}
