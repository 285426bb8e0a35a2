namespace V2G.Firmware.Grid
{
    /// <summary>
    /// One control set of SunSpec model 711 DERFreqDroop [digest §5, V: sunspec/models
    /// json/model_711.json]: DbOf/DbUf (Hz) with Db_SF, KOf/KUf (per unit) with K_SF, RspTms (s)
    /// with RspTms_SF; each register is uint16 and a value is register · 10^SF.
    /// </summary>
    public sealed class DroopSunSpec711
    {
        /// <summary>Ena: 1 = enabled, 0 = disabled.</summary>
        public ushort Ena;

        /// <summary>DbOf register (Hz · 10^−Db_SF).</summary>
        public ushort DbOf;

        /// <summary>DbUf register.</summary>
        public ushort DbUf;

        /// <summary>KOf register (per unit · 10^−K_SF).</summary>
        public ushort KOf;

        /// <summary>KUf register.</summary>
        public ushort KUf;

        /// <summary>RspTms register (s · 10^−RspTms_SF).</summary>
        public ushort RspTms;

        /// <summary>Db_SF: deadband scale factor (power of ten).</summary>
        public short DbSf;

        /// <summary>K_SF: droop scale factor.</summary>
        public short KSf;

        /// <summary>RspTms_SF: response-time scale factor.</summary>
        public short RspTmsSf;
    }
}
