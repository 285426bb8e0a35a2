using V2G.Protocol.GbT.Discharge;

namespace V2G.Protocol.GbT.Bms
{
    /// <summary>
    /// Identity, battery parameters, timing and options of the simulated BMS (<see cref="GbtBmsSimulator"/>).
    /// Defaults reproduce the vehicle of the hand-made reference traces (NCM 96s, 150 Ah, VIN
    /// LDEMO000000000001, maker DEMO, 150 A CC to 80 %) [TRACES.md]; the battery's voltage, current, SoC,
    /// capacity and limits come from the <c>IEvPlant</c>. Where a value is the standard's, its comment
    /// cites the digest; where it is our choice (or the hand-made trace's), it says so.
    /// </summary>
    public sealed class GbtBmsSettings
    {
        /// <summary>BRM length sent: 49 (2015, with the BMS software version) or 41 (a 2011-era BMS) [digest §9.1, S2; R1, R2b].</summary>
        public int BrmLength = BrmMessage.FullLength;

        /// <summary>BRM b4 battery type (<see cref="BrmMessage.BatteryNcm"/>, <see cref="BrmMessage.BatteryLfp"/>, ...).</summary>
        public int BatteryType = BrmMessage.BatteryNcm;

        /// <summary>BRM rated capacity, Ah (the hand-made trace's pack: 150 Ah).</summary>
        public double RatedCapacityAh = 150;

        /// <summary>BRM rated total voltage, V (the hand-made trace: 355.2 V = 96 × 3.7 V).</summary>
        public double RatedVoltageV = 355.2;

        /// <summary>BRM b9-b12 battery maker, up to 4 ASCII characters (null: not given, FF).</summary>
        public string Maker = "DEMO";

        /// <summary>BRM b25-b41 VIN, 17 ASCII characters (null or another length: not given, FF).</summary>
        public string Vin = "LDEMO000000000001";

        /// <summary>Cells in series: the highest cell voltage is reported as pack voltage / cells, and BMV carries this many cells (≤ 256).</summary>
        public int CellCount = 96;

        /// <summary>Temperature probes BMT carries (≤ 128) [digest §4, S2].</summary>
        public int ProbeCount = 16;

        /// <summary>BCP maximum permitted cell voltage, V (NCM: 4.20 V as the hand-made trace).</summary>
        public double MaxCellVoltageV = 4.20;

        /// <summary>BCP maximum permitted temperature, °C (the hand-made trace: 55 °C).</summary>
        public int MaxTemperatureC = 55;

        /// <summary>BSM highest battery temperature, °C (a simulated, constant reading).</summary>
        public int HighestTemperatureC = 30;

        /// <summary>BSM lowest battery temperature, °C (a simulated, constant reading).</summary>
        public int LowestTemperatureC = 27;

        /// <summary>
        /// Charge current demanded in CC mode, A (a magnitude; sent as − in the standard's sign), capped
        /// by the plant's <c>MaxChargeCurrentA</c>; BCP announces the plant's maximum. 0 = the plant's maximum.
        /// </summary>
        public double ChargeCurrentA = 150;

        /// <summary>SoC at which the BMS ends charging with BST (SOC target reached), %.</summary>
        public double TargetSocPercent = 80;

        /// <summary>
        /// With discharge agreed: the SoC down to which the BMS accepts discharge; it stops with BST once
        /// it is reached while discharging, % (our choice).
        /// </summary>
        public double MinSocPercent = 20;

        /// <summary>
        /// How long BRO(00h) is sent before the contactor closes and BRO(AAh) follows, ms (the hand-made
        /// trace's choice: 1 s [TRACES.md]; the charger waits up to 60 s [digest §6, S2]).
        /// </summary>
        public int NotReadyMs = 1000;

        /// <summary>Inlet voltage below which closing the contactor is safe (the charger's K1/K2 still open), V (our choice).</summary>
        public double SafeInletVoltageV = 60;

        /// <summary>Inlet voltage within this of the battery's counts as matched (pre-charged), V (our choice).</summary>
        public double ContactorMatchToleranceV = 20;

        /// <summary>
        /// |Current| at or below which the contactor may open after a stop, A: the charger must bring the
        /// current to ≤ 5 A after CST [digest §6, S2].
        /// </summary>
        public double OpenContactorCurrentA = 5;

        /// <summary>Delay from CST to the first BSD, ms (the hand-made trace's choice: 100 ms [TRACES.md]).</summary>
        public int BsdDelayMs = 100;

        /// <summary>Send BMV and BMT every 10 s while charging (optional messages [digest §3, S2]).</summary>
        public bool SendCellData = false;

        /// <summary>Default timeout of every message and stage, ms [digest §6, S2].</summary>
        public int MessageTimeoutMs = 5000;

        /// <summary>From the first CHM to the first CRM before BEM (CRM 00h), ms: 30 s [digest §6, S2].</summary>
        public int CrmTimeoutMs = 30000;

        /// <summary>CCS timeout while charging, ms: 1 s [digest §6, S2; R1].</summary>
        public int CcsTimeoutMs = 1000;

        /// <summary>Wait for CRO(AAh) while CRO(00h) keeps coming, ms: 60 s [digest §6, S2].</summary>
        public int CroReadyTimeoutMs = 60000;

        /// <summary>From CST (or BST) to CSD, ms: 10 s [digest §6, S2].</summary>
        public int CsdTimeoutMs = 10000;

        /// <summary>After a timeout (BEM sent, or CEM received), wait this long for a new CRM(00h), ms: 30 s [digest §6, S2].</summary>
        public int NewCrmTimeoutMs = 30000;

        /// <summary>
        /// The discharge extension's BMS side (our own design, off by default [digest §8]): when enabled the
        /// BMS answers CDC with BDC (its current and power capped by the plant's discharge limits, its
        /// minimum pack voltage at least the plant's) and, once agreed, accepts discharge above
        /// <see cref="MinSocPercent"/>.
        /// </summary>
        public DischargeExtensionSettings Discharge = new DischargeExtensionSettings();
    }
}
