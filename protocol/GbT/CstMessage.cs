namespace V2G.Protocol.GbT
{
    /// <summary>
    /// CST, charger stop (PF 0x1A, 4 bytes, 10 ms, charger → BMS): 2-bit reasons (b1), faults (b2-b3) and
    /// errors (b4) [digest §4, S2]. Field numbers are byte index × 4 + pair (0 = bits 1-2); values are raw
    /// 2-bit states (<see cref="TwoBit"/>). The 2023-A additions (self-check, pre-charge, parameter
    /// mismatch [digest §8, S21 — C]) stay fill unless set, so a 2015 "BMS stopped" is `40 00 F0 F0`.
    /// </summary>
    public sealed class CstMessage : TwoBitFieldMessage
    {

        /// <summary>b1.1 the charger's set condition was reached.</summary>
        public const int ConditionReached = 0;

        /// <summary>b1.3 manual stop.</summary>
        public const int ManualStop = 1;

        /// <summary>b1.5 stop on a fault.</summary>
        public const int FaultStop = 2;

        /// <summary>b1.7 the BMS stopped (BST received).</summary>
        public const int BmsStopped = 3;

        /// <summary>b2.1 charger over-temperature.</summary>
        public const int ChargerOverTemperature = 4;

        /// <summary>b2.3 charge connector fault.</summary>
        public const int ConnectorFault = 5;

        /// <summary>b2.5 charger internal over-temperature.</summary>
        public const int InternalOverTemperature = 6;

        /// <summary>b2.7 the requested energy cannot be delivered.</summary>
        public const int EnergyUnavailable = 7;

        /// <summary>b3.1 emergency stop.</summary>
        public const int EmergencyStop = 8;

        /// <summary>b3.3 other fault.</summary>
        public const int OtherFault = 9;

        /// <summary>b3.5 self-check fault: 2023-A only [digest §8, S21 — C]; fill unless set.</summary>
        public const int SelfCheckFault = 10;

        /// <summary>b3.7 pre-charge fault: 2023-A only [digest §8, S21 — C]; fill unless set.</summary>
        public const int PrechargeFault = 11;

        /// <summary>b4.1 current mismatch.</summary>
        public const int CurrentMismatch = 12;

        /// <summary>b4.3 voltage abnormal.</summary>
        public const int VoltageAbnormal = 13;

        /// <summary>b4.5 charge-parameter mismatch: 2023-A only [digest §8, S21 — C]; fill unless set.</summary>
        public const int ParameterMismatch = 14;

        private static readonly string[] Names =
        {
            "condition reached", "manual stop", "fault stop", "BMS stopped",
            "charger over-temp", "connector", "internal over-temp", "energy unavailable",
            "emergency stop", "other fault", "self-check", "pre-charge",
            "current mismatch", "voltage abnormal", "parameter mismatch", "?",
        };

        public CstMessage()
            : base(0x7FFF, (1 << SelfCheckFault) | (1 << PrechargeFault) | (1 << ParameterMismatch))
        {
        }

        /// <summary>Name of a field number for logs ("?" for an undefined one).</summary>
        public static string FieldName(int field)
        {
            return NameIn(Names, field);
        }

        /// <summary>Every 2015 field normal, the 2023-A ones fill (`00 00 F0 F0`).</summary>
        public void Clear()
        {
            ResetFields();
        }

        /// <summary>True if any defined field is <see cref="TwoBit.Yes"/>.</summary>
        public bool AnySet => AnyYes;
    }
}
