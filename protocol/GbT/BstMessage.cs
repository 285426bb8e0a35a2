namespace V2G.Protocol.GbT
{
    /// <summary>
    /// BST, BMS stop (PF 0x19, 4 bytes, 10 ms, BMS → charger): 2-bit reasons (b1), faults (b2-b3) and
    /// errors (b4) [digest §4, S2]. Field numbers are byte index × 4 + pair (0 = bits 1-2); every value is
    /// a raw 2-bit state (<see cref="TwoBit"/>), <see cref="TwoBit.NotCredible"/> included. The handmade
    /// trace's SOC-target stop is `01 00 00 F0`; R3's car sends `40 00 00 00` (reserved bits as 0) [digest §9.11].
    /// </summary>
    public sealed class BstMessage : TwoBitFieldMessage
    {

        /// <summary>b1.1 the SOC target was reached.</summary>
        public const int SocTargetReached = 0;

        /// <summary>b1.3 the total-voltage set-point was reached.</summary>
        public const int TotalVoltageReached = 1;

        /// <summary>b1.5 the cell-voltage set-point was reached.</summary>
        public const int CellVoltageReached = 2;

        /// <summary>b1.7 the charger stopped (CST received).</summary>
        public const int ChargerStopped = 3;

        /// <summary>b2.1 insulation fault.</summary>
        public const int InsulationFault = 4;

        /// <summary>b2.3 output connector over-temperature (2023-A: vehicle inlet over-temperature [digest §8, S21 — C]).</summary>
        public const int OutputConnectorOverTemperature = 5;

        /// <summary>b2.5 BMS element / connector over-temperature.</summary>
        public const int ComponentOverTemperature = 6;

        /// <summary>b2.7 charge connector fault.</summary>
        public const int ChargeConnectorFault = 7;

        /// <summary>b3.1 battery pack over-temperature.</summary>
        public const int PackOverTemperature = 8;

        /// <summary>b3.3 high-voltage relay fault.</summary>
        public const int HighVoltageRelayFault = 9;

        /// <summary>b3.5 detection point 2 (CC2) voltage fault.</summary>
        public const int DetectionPoint2VoltageFault = 10;

        /// <summary>b3.7 other fault.</summary>
        public const int OtherFault = 11;

        /// <summary>b4.1 current too high.</summary>
        public const int CurrentTooHigh = 12;

        /// <summary>b4.3 voltage abnormal.</summary>
        public const int VoltageAbnormal = 13;

        /// <summary>b4.5 charge-parameter mismatch: 2023-A only [digest §8, S21 — C]; fill unless set.</summary>
        public const int ParameterMismatch = 14;

        private static readonly string[] Names =
        {
            "SOC target", "total voltage set-point", "cell voltage set-point", "charger stopped",
            "insulation", "connector over-temp", "component over-temp", "charge connector",
            "pack over-temp", "HV relay", "CC2 voltage", "other fault",
            "current too high", "voltage abnormal", "parameter mismatch", "?",
        };

        public BstMessage()
            : base(0x7FFF, 1 << ParameterMismatch)
        {
        }

        /// <summary>Name of a field number for logs ("?" for an undefined one).</summary>
        public static string FieldName(int field)
        {
            return NameIn(Names, field);
        }

        /// <summary>Every field normal, the optional 2023-A field fill (b4 = F0).</summary>
        public void Clear()
        {
            ResetFields();
        }

        /// <summary>True if any defined field is <see cref="TwoBit.Yes"/>.</summary>
        public bool AnySet => AnyYes;
    }
}
