namespace V2G.Firmware.Battery
{
    /// <summary>
    /// One cycle counted by <see cref="RainflowCounter"/>: a full cycle (count 1) or a half cycle (count ½)
    /// between two SOC turning points, with what the ageing laws need from it [battery-ageing digest §8, step 4].
    /// </summary>
    public struct RainflowCycle
    {
        /// <summary>1 for a full cycle, 0.5 for a half cycle.</summary>
        public double Count;

        /// <summary>SOC at the cycle's first turning point (0…1).</summary>
        public double FromSoc;

        /// <summary>SOC at the cycle's second turning point (0…1).</summary>
        public double ToSoc;

        /// <summary>Depth δ = |FromSoc − ToSoc| (fraction of capacity).</summary>
        public double Depth;

        /// <summary>Mean SOC σ = (FromSoc + ToSoc)/2.</summary>
        public double MeanSoc;

        /// <summary>Time of the first turning point, s.</summary>
        public double StartTimeS;

        /// <summary>Time of the second turning point, s.</summary>
        public double EndTimeS;

        /// <summary>
        /// Mean C-rate, 1/h, of the charge or discharge segments between the two turning points, rests
        /// excluded (the MATLAB BLAST convention the digest recommends for firmware, §2.4 [A]); 0 if no
        /// segment moved.
        /// </summary>
        public double CRatePerH;

        /// <summary>Mean temperature over the same segments, °C (the temperature given while resting if none moved).</summary>
        public double TemperatureC;

        /// <summary>Equivalent full cycles the cycle stands for: Count × Depth [digest §8, step 5].</summary>
        public double EquivalentFullCycles
        {
            get { return Count * Depth; }
        }
    }
}
