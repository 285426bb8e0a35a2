namespace V2G.Hal.Power
{
    /// <summary>
    /// The charger's DC output path: the converter, the DC+ and DC− contactors, and an optional
    /// precharge relay (a resistor path around DC+; null on boards that precharge with the
    /// converter alone) plus the voltage measured on the vehicle side of the contactors.
    /// </summary>
    public sealed class DcOutput
    {
        public DcOutput(IPowerStage powerStage, IContactor positive, IContactor negative, IContactor precharge, IVoltageSense vehicleSideVoltage)
        {
            if (powerStage == null || positive == null || negative == null || vehicleSideVoltage == null)
            {
                throw new System.ArgumentNullException();
            }

            PowerStage = powerStage;
            Positive = positive;
            Negative = negative;
            Precharge = precharge;
            VehicleSideVoltage = vehicleSideVoltage;
        }

        public IPowerStage PowerStage { get; }

        /// <summary>DC+ contactor.</summary>
        public IContactor Positive { get; }

        /// <summary>DC− contactor.</summary>
        public IContactor Negative { get; }

        /// <summary>Precharge relay, or null.</summary>
        public IContactor Precharge { get; }

        /// <summary>Voltage on the vehicle (cable) side of the contactors.</summary>
        public IVoltageSense VehicleSideVoltage { get; }
    }
}
