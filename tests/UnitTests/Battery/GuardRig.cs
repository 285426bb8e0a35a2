using V2G.Firmware.Battery;

namespace V2G.UnitTests.Batteries
{
    /// <summary>A 52 kWh Kokam-model pack at 25 °C, reserve 30 %, maximum 90 %, no departure, 1 s ticks.</summary>
    public static class GuardRig
    {
        public const double CapacityWh = 52000;

        public static BatteryGuardSettings Settings()
        {
            BatteryGuardSettings s = new BatteryGuardSettings();
            s.ReserveSocPercent = 30;
            s.MaxSocPercent = 90;
            s.Degradation.Model = AgeingModelKind.NmcKokam75Ah;
            s.Degradation.ReplacementCost = 35193.6;
            return s;
        }

        public static BatteryGuardInput Input(long nowMs, double socPercent, double requestW)
        {
            BatteryGuardInput i = new BatteryGuardInput();
            i.NowMs = nowMs;
            i.SocPercent = socPercent;
            i.RequestedPowerW = requestW;
            i.Purpose = BatteryPowerPurpose.Dispatch;
            i.CapacityWh = CapacityWh;
            i.TemperatureC = 25;
            i.MeasuredPowerW = double.NaN;
            i.VehicleMinimumSocPercent = double.NaN;
            i.VehicleTargetSocPercent = double.NaN;
            i.TargetEnergyRequestWh = double.NaN;
            i.AvailableChargePowerW = 11000;
            return i;
        }

        public static BatteryGuardDecision Decide(BatteryGuard g, long nowMs, double socPercent, double requestW)
        {
            BatteryGuardInput i = Input(nowMs, socPercent, requestW);
            return g.Decide(ref i);
        }
    }
}
