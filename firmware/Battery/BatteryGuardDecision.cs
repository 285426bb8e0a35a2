namespace V2G.Firmware.Battery
{
    /// <summary>The battery guard's answer for one tick.</summary>
    public struct BatteryGuardDecision
    {
        /// <summary>The request, W (+ into the vehicle).</summary>
        public double RequestedPowerW;

        /// <summary>What may flow, W (+ into the vehicle): the request clipped, or a charge forced for the departure target.</summary>
        public double AllowedPowerW;

        /// <summary>Why it differs from the request (<see cref="BatteryClipReason.None"/> when it does not).</summary>
        public BatteryClipReason Reason;

        /// <summary>By how much, W: |allowed − requested|.</summary>
        public double ClippedW;

        /// <summary>The marginal degradation cost per kWh the guard priced this request at (0 when it did not need to).</summary>
        public double MarginalCostPerKWh;
    }
}
