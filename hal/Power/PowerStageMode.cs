namespace V2G.Hal.Power
{
    /// <summary>What the converter's own controller regulates.</summary>
    public enum PowerStageMode
    {
        /// <summary>Gates disabled; no power flows.</summary>
        Off = 0,

        /// <summary>Regulates the output voltage, current limited (cable check, precharge).</summary>
        VoltageControl = 1,

        /// <summary>Regulates the signed output current, voltage limited (energy transfer).</summary>
        CurrentControl = 2,
    }
}
