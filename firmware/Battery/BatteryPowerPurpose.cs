namespace V2G.Firmware.Battery
{
    /// <summary>
    /// What a power request is for, as the setpoint's "purpose" says (dispatch, arbitrage, frequency); the
    /// droop's response is <see cref="Frequency"/>. Frequency response is never refused for cost and never
    /// limited by the reversal cap.
    /// </summary>
    public enum BatteryPowerPurpose
    {
        /// <summary>Plain dispatch, or the vehicle's own charging.</summary>
        Dispatch = 0,

        /// <summary>Price-driven energy arbitrage: may be refused below the marginal degradation cost.</summary>
        Arbitrage = 1,

        /// <summary>Frequency response (central or the local droop).</summary>
        Frequency = 2,
    }
}
