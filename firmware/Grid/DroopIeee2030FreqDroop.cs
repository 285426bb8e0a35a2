namespace V2G.Firmware.Grid
{
    /// <summary>
    /// The droop as IEEE 2030.5 carries it (FreqDroopType) [digest §5, V: IEEE 2030.5-2023 model
    /// documentation]: integers in the units of the standard.
    /// </summary>
    public sealed class DroopIeee2030FreqDroop
    {
        /// <summary>dBOF: over-frequency deadband, thousandths of a Hz (UInt32).</summary>
        public uint DbOfMilliHz;

        /// <summary>dBUF: under-frequency deadband, thousandths of a Hz (UInt32).</summary>
        public uint DbUfMilliHz;

        /// <summary>kOF: over-frequency droop, thousandths per unit (UInt16; 50 = 5 %).</summary>
        public ushort KOfMilli;

        /// <summary>kUF: under-frequency droop, thousandths per unit (UInt16).</summary>
        public ushort KUfMilli;

        /// <summary>disabled (added in 2023): the function is off.</summary>
        public bool Disabled;

        /// <summary>openLoopTms: open-loop response time, hundredths of a second (UInt16); 0 = no limit.</summary>
        public ushort OpenLoopCentiS;
    }
}
