namespace V2G.Firmware.Pilot
{
    /// <summary>
    /// What the proximity contact (PP–PE resistance) says, after the AC Type 2 cable coding
    /// (digest §1.10; the mapping is marked [U] there, and DC connector values are unknown).
    /// Names: <see cref="ProximityStateNames"/>.
    /// </summary>
    public enum ProximityState
    {
        /// <summary>Open (nothing inserted).</summary>
        NotConnected = 0,

        /// <summary>1.5 kΩ: 13 A cable; also the resistor of a CCS2 DC plug [V:P3 EvseMode.md Q1].</summary>
        Cable13A = 1,

        /// <summary>680 Ω: 20 A cable [V:E10, E11].</summary>
        Cable20A = 2,

        /// <summary>220 Ω: 32 A cable [V:E10, E11, S2].</summary>
        Cable32A = 3,

        /// <summary>100 Ω: 63 A three-phase / 70 A single-phase cable [V:E10].</summary>
        Cable63A = 4,

        /// <summary>A resistance that is neither open nor a coding value (short, broken resistor) [V:E11 STATE_FAULT].</summary>
        Fault = 5,
    }
}
