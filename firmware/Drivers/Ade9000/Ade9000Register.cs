namespace V2G.Firmware.Drivers.Ade9000
{
    /// <summary>
    /// ADE9000 register addresses used by <see cref="Ade9000Driver"/>, as Analog Devices' own code gives them:
    /// the Linux IIO driver <c>drivers/iio/adc/ade9000.c</c> [L] and the ADI register map <c>ade90xx.h</c> [M]
    /// (as copied into open-source projects). Phase B and C registers of the RMS/power block sit 0x20 and 0x40
    /// above phase A (<c>ADE9000_ADDR_ADJUST</c> [L]).
    /// </summary>
    public static class Ade9000Register
    {
        /// <summary>Phase A filter-based current RMS, 32-bit (AIRMS) [L, M].</summary>
        public const ushort AIrms = 0x20C;

        /// <summary>Phase A filter-based voltage RMS, 32-bit (AVRMS) [L, M].</summary>
        public const ushort AVrms = 0x20D;

        /// <summary>Phase A low-pass filtered total active power, 32-bit signed (AWATT) [L, M].</summary>
        public const ushort AWatt = 0x210;

        /// <summary>
        /// Phase A one-cycle voltage RMS, updated every half cycle, 32-bit (AVRMSONE). [M] gives BVRMSONE 0x23A
        /// and CVRMSONE 0x25A; phase A is 0x20 below by the phase spacing of [L].
        /// </summary>
        public const ushort AVrmsOne = 0x21A;

        /// <summary>Phase A accumulated total active energy, most significant bits, 32-bit signed (AWATTHR_HI) [M].</summary>
        public const ushort AWattHrHi = 0x2E7;

        /// <summary>Phase B AWATTHR_HI counterpart (BWATTHR_HI) [M].</summary>
        public const ushort BWattHrHi = 0x323;

        /// <summary>Phase C AWATTHR_HI counterpart (CWATTHR_HI) [M].</summary>
        public const ushort CWattHrHi = 0x35F;

        /// <summary>Line period on phase A voltage, 32-bit (APERIOD) [L, M]; B and C follow at +1 and +2.</summary>
        public const ushort APeriod = 0x418;

        /// <summary>DSP run register (RUN) [L, M].</summary>
        public const ushort Run = 0x480;

        /// <summary>Version register (VERSION) [L, M].</summary>
        public const ushort Version = 0x4FE;

        /// <summary>Spacing of the per-phase RMS and power registers (AIRMS → BIRMS → CIRMS) [L].</summary>
        public const ushort PhaseSpacing = 0x20;

        /// <summary>
        /// True for the 16-bit registers: the Linux driver treats addresses strictly between RUN and VERSION
        /// as 16-bit and everything else as 32-bit [L]. Another open-source header [K] counts RUN and VERSION
        /// themselves as 16-bit; this driver follows [L], the vendor's code, and only relies on VERSION for
        /// the all-zeros/all-ones absence check, which holds for either width.
        /// </summary>
        public static bool Is16Bit(int address)
        {
            return address > Run && address < Version;
        }

        /// <summary>Data bytes after the command word for <paramref name="address"/> (2 or 4) [L].</summary>
        public static int DataBytes(int address)
        {
            return Is16Bit(address) ? 2 : 4;
        }

        /// <summary>The AxWATTHR_HI register of phase 0..2.</summary>
        public static ushort WattHrHi(int phase)
        {
            if (phase == 0)
            {
                return AWattHrHi;
            }

            return phase == 1 ? BWattHrHi : CWattHrHi;
        }
    }
}
