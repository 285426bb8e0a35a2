namespace V2G.Firmware.Grid
{
    /// <summary>
    /// The droop as OCPP 2.1's SetDERControlRequest carries it (controlType FreqDroop, object
    /// freqDroop) [digest §5, V: the OCPP 2.1 schema in libocpp and WWCP_OCPP]. The schema gives
    /// overFreq/underFreq no unit: they are read as absolute start frequencies in Hz, which the
    /// digest marks as our reading [§5 and §11, U].
    /// </summary>
    public sealed class DroopOcppFreqDroop
    {
        /// <summary>Over-frequency start of droop, Hz (= fN + dbOF).</summary>
        public double OverFreqHz;

        /// <summary>Under-frequency start of droop, Hz (= fN − dbUF).</summary>
        public double UnderFreqHz;

        /// <summary>Over-frequency droop, per unit (= kOF).</summary>
        public double OverDroop;

        /// <summary>Under-frequency droop, per unit (= kUF).</summary>
        public double UnderDroop;

        /// <summary>Open-loop response time, s.</summary>
        public double ResponseTimeS;
    }
}
