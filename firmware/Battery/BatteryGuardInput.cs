namespace V2G.Firmware.Battery
{
    /// <summary>
    /// What <see cref="BatteryGuard.Decide"/> needs at one control tick, as plain numbers (the vehicle's own data
    /// from ISO 15118-20 or GB/T BCP/BCS, the request and the measurements). Sign: + into the vehicle, − out.
    /// </summary>
    public struct BatteryGuardInput
    {
        /// <summary>Monotonic time, ms.</summary>
        public long NowMs;

        /// <summary>The requested DC power, W (+ charge, − discharge).</summary>
        public double RequestedPowerW;

        /// <summary>What the request is for.</summary>
        public BatteryPowerPurpose Purpose;

        /// <summary>True if <see cref="PriceSpreadPerKWh"/> came with the request.</summary>
        public bool HasPriceSpread;

        /// <summary>The setpoint's price_spread_per_kWh (currency of the replacement cost per kWh).</summary>
        public double PriceSpreadPerKWh;

        /// <summary>The pack's state of charge, %.</summary>
        public double SocPercent;

        /// <summary>The pack's usable capacity, Wh (0 if not told: no C-rate limits, no departure planning).</summary>
        public double CapacityWh;

        /// <summary>The pack's temperature, °C (NaN if not reported: no derating).</summary>
        public double TemperatureC;

        /// <summary>The measured DC power over the last interval, W (+ into the vehicle; NaN if unknown).</summary>
        public double MeasuredPowerW;

        /// <summary>The vehicle's minimum SoC, % (NaN if not told).</summary>
        public double VehicleMinimumSocPercent;

        /// <summary>The vehicle's target SoC for departure, % (NaN if not told).</summary>
        public double VehicleTargetSocPercent;

        /// <summary>Energy the vehicle asks for to reach its target, Wh (ISO 15118-20 EVTargetEnergyRequest; NaN if not told).</summary>
        public double TargetEnergyRequestWh;

        /// <summary>True if <see cref="DepartureMs"/> is known.</summary>
        public bool HasDeparture;

        /// <summary>Departure time on the <see cref="NowMs"/> clock, ms.</summary>
        public long DepartureMs;

        /// <summary>The charge power the charger and the vehicle can give now, W (magnitude; 0 or NaN = only the guard's own limits).</summary>
        public double AvailableChargePowerW;
    }
}
