namespace V2G.Firmware.Battery
{
    /// <summary>Energy and wear figures of a session or of the pack's life, as the battery guard counts them.</summary>
    public struct BatteryUsageFigures
    {
        /// <summary>DC energy into the vehicle, Wh (measured).</summary>
        public double EnergyChargedWh;

        /// <summary>DC energy out of the vehicle, Wh (measured).</summary>
        public double EnergyDischargedWh;

        /// <summary>Equivalent full cycles, Σ|ΔSoC|/2.</summary>
        public double EquivalentFullCycles;

        /// <summary>Estimated cycling capacity loss (fraction): what use, V2G included, cost the pack.</summary>
        public double CycleLoss;

        /// <summary>Estimated total capacity loss, calendar included (fraction).</summary>
        public double CapacityLoss;

        /// <summary>Cost of the cycling loss: replacement cost × loss / end-of-life fade [digest §9].</summary>
        public double CycleLossCost;
    }
}
