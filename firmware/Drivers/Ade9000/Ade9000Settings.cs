namespace V2G.Firmware.Drivers.Ade9000
{
    /// <summary>
    /// Scalings and sizes of the <see cref="Ade9000Driver"/>. Read once, by its constructor. The per-code
    /// scalings depend on the board's voltage divider, current sensors and the chip's accumulation settings,
    /// so they have no defaults: a value left at 0 is refused by the constructor.
    /// </summary>
    public sealed class Ade9000Settings
    {
        /// <summary>
        /// Full-scale code of the RMS registers (<c>ADE9000_RMS_FULL_SCALE_CODES</c> in the Linux driver [L]):
        /// a board computes <see cref="VoltsPerRmsCode"/> as its front end's full-scale RMS volts / this.
        /// </summary>
        public const double RmsFullScaleCodes = 52866837;

        /// <summary>Full-scale code of the power registers (<c>ADE9000_WATT_FULL_SCALE_CODES</c> [L]).</summary>
        public const double WattFullScaleCodes = 20694066;

        /// <summary>
        /// Line period register counts per second: frequency = this / (xPERIOD + 1). Analog Devices' ADE9000
        /// Arduino API and the examples built on it use 8000 · 2^16 [A]; the Linux driver uses 4000 · 2^16 [L].
        /// The default follows [A]; check it against the data sheet for the board's chip and clock.
        /// </summary>
        public double PeriodCountsPerSecond { get; set; } = 8000.0 * 65536.0;

        /// <summary>Volts per code of xVRMS and xVRMSONE. No default: set from the board's divider.</summary>
        public double VoltsPerRmsCode { get; set; }

        /// <summary>Amps per code of xIRMS. No default: set from the board's current sensors.</summary>
        public double AmpsPerRmsCode { get; set; }

        /// <summary>Watts per code of xWATT. No default: set from the board's front end.</summary>
        public double WattsPerCode { get; set; }

        /// <summary>
        /// Watt-hours per code of xWATTHR_HI. No default: it depends on the front end and on how EP_CFG and
        /// EGY_TIME configure accumulation (no public source found states it for a given configuration).
        /// </summary>
        public double WhPerEnergyCode { get; set; }

        /// <summary>Phases wired (1 = phase A only, 3 = A, B, C). Power and energy are summed over them.</summary>
        public int Phases { get; set; } = 3;

        /// <summary>
        /// True when the current sensors are wired so the chip counts energy drawn from the grid as positive;
        /// false flips the sign of power and swaps import and export.
        /// </summary>
        public bool ImportIsPositive { get; set; } = true;

        /// <summary>Nominal grid frequency, Hz (50 or 60).</summary>
        public double NominalFrequencyHz { get; set; } = 50;

        /// <summary>Grid cycles held for <see cref="Ade9000Driver.TryReadCycle"/> before the oldest is dropped.</summary>
        public int CycleQueueLength { get; set; } = 16;
    }
}
