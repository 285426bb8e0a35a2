namespace V2G.Sim.Plant.Plc
{
    /// <summary>
    /// What the virtual powerline does to frames crossing it between the two modems (digest §5.1,
    /// "Impairments: loss, duplication, delay/jitter, reorder" [U]). Applies to the medium only: a
    /// host's exchange with its own modem (CM_SET_KEY, the vendor MMEs, CM_ATTEN_PROFILE.IND) runs over
    /// SPI and is not impaired. May be changed while the link runs; a change applies to the next frame.
    /// </summary>
    public sealed class PlcLinkImpairments
    {
        /// <summary>Probability (0..1) that a frame crossing the medium is lost.</summary>
        public double LossProbability;

        /// <summary>Probability (0..1) that a frame that was not lost arrives twice.</summary>
        public double DuplicateProbability;

        /// <summary>Fixed one-way delay across the medium, ms.</summary>
        public int DelayMs;

        /// <summary>
        /// Extra random delay per frame, 0..JitterMs ms, drawn independently for each copy; frames may
        /// then arrive out of order (the only reordering this model makes).
        /// </summary>
        public int JitterMs;

        /// <summary>Seed of the impairment decisions: the same seed and traffic give the same losses.</summary>
        public uint Seed = 1;

        /// <summary>A perfect medium: nothing lost, duplicated or delayed.</summary>
        public static PlcLinkImpairments None()
        {
            return new PlcLinkImpairments();
        }
    }
}
