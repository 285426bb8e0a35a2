using V2G.Firmware.Battery;
using V2G.Firmware.Session;
using V2G.Protocol.Session;

namespace V2G.Firmware.Diagnostics.Commands
{
    /// <summary>
    /// `battery [--json]` (read-only): the battery guard as it stands. The state-of-charge window (the owner's
    /// reserve and maximum, the vehicle's minimum and target, the reserve in force, the time to departure), the
    /// limits (depth of discharge, C-rates, the full-power temperature range, reversals), the decision of the
    /// last tick (reason, by how much, the marginal cost), the wear of the session and of the battery's life,
    /// and how often each reason clipped. Values the guard does not know are "-" (JSON null).
    /// </summary>
    public sealed class BatteryCommand : ShellCommand
    {
        public override string Name => "battery";

        public override string Usage => "[--json]";

        public override string Help => "battery guard: SoC window, limits, last clip, session and lifetime wear, clip counts";

        public override bool Run(ShellContext ctx, ShellArgs args)
        {
            ChargeController c = ctx.Controller;
            ShellReply reply = ctx.Reply;
            reply.Begin("battery");
            if (c == null)
            {
                reply.Error("no controller");
                return false;
            }

            if (ArgumentCount(args) > 0)
            {
                return UsageError(ctx, "unknown argument '" + Argument(args, 1) + "'");
            }

            BatteryGuard guard = c.Guard;
            BatteryGuardSettings s = guard.Settings;
            AgeingModel model = guard.Degradation.Model;
            bool active = c.State != ChargerState.Idle;
            EvEnergyNeeds needs = c.EnergyNeeds;

            reply.Field("enabled", s.Enabled);
            reply.Field("model", AgeingModelKindNames.Of(s.Degradation.Model));
            reply.Field("capacity_Wh", c.BatteryCapacityWh, 0, "Wh");

            // The window: the owner's, the vehicle's, and the reserve the guard holds (the higher of both).
            reply.Field("reserve_pct", s.ReserveSocPercent, 1, "%");
            reply.Field("max_pct", s.MaxSocPercent, 1, "%");
            Optional(reply, "vehicle_min_pct", needs.MinimumSocPercent, 1, "%");
            Optional(reply, "vehicle_target_pct", needs.TargetSocPercent, 1, "%");
            reply.Field("reserve_in_force_pct", ReserveInForcePercent(c), 1, "%");
            Optional(reply, "soc_pct", active ? c.VehicleStatus.SocPercent : double.NaN, 1, "%");
            Optional(reply, "departure_in_s", c.HasDeparture ? (c.DepartureMs - c.LastMeasurements.NowMs) / 1000.0 : double.NaN, 0, "s");

            // The limits, as the guard applies them (0 in a dod limit or the reversal cap: none).
            reply.Field("session_dod_limit_pct", s.SessionDodLimitPercent, 1, "%");
            reply.Field("daily_dod_limit_pct", s.DailyDodLimitPercent, 1, "%");
            reply.Field("max_charge_c_rate", s.MaxChargeCRatePerH > 0 ? s.MaxChargeCRatePerH : model.MaxChargeCRatePerH, 2, "/h");
            reply.Field("max_discharge_c_rate", s.MaxDischargeCRatePerH > 0 ? s.MaxDischargeCRatePerH : model.MaxDischargeCRatePerH, 2, "/h");
            reply.Field("full_power_from_C", double.IsNaN(s.ColdFullPowerC) ? model.MinCyclingTemperatureC : s.ColdFullPowerC, 1, "C");
            reply.Field("full_power_to_C", double.IsNaN(s.HotFullPowerC) ? model.MaxCyclingTemperatureC : s.HotFullPowerC, 1, "C");
            reply.Field("reversals_per_h_max", s.MaxReversalsPerHour);
            reply.Field("reversals_last_h", guard.ReversalsInLastHour(c.LastMeasurements.NowMs));
            reply.Field("refuse_unprofitable_arbitrage", s.RefuseUnprofitableArbitrage);

            // The last tick's decision and what the dispatch is for.
            BatteryGuardDecision d = c.LastGuardDecision;
            reply.Field("purpose", BatteryPowerPurposes.Of(c.HasDispatch ? c.DispatchPurpose : BatteryPowerPurpose.Dispatch));
            Optional(reply, "price_spread_per_kWh", c.HasDispatch && c.DispatchHasPriceSpread ? c.DispatchPriceSpreadPerKWh : double.NaN, 4, null);
            reply.Field("clip_reason", BatteryClipReasonNames.Of(d.Reason));
            reply.Field("clipped_dc_W", d.ClippedW, 0, "W");
            reply.Field("marginal_cost_per_kWh", d.MarginalCostPerKWh, 4, null);

            // Wear: costs only with a known replacement cost.
            bool costKnown = s.Degradation.ReplacementCost > 0;
            Optional(reply, "replacement_cost", costKnown ? s.Degradation.ReplacementCost : double.NaN, 2, null);
            string currency = costKnown && ctx.Uplink != null ? ctx.Uplink.Settings.BatteryCostCurrency : null;
            reply.Field("currency", currency != null && currency.Length > 0 ? currency : (reply.IsJson ? string.Empty : "-"));
            Figures(reply, "session", guard.Session, costKnown);
            Figures(reply, "lifetime", guard.Lifetime, costKnown);

            reply.BeginList("clip_counts");
            for (int i = 1; i < BatteryClipReasonNames.Count; i++)
            {
                BatteryClipReason reason = (BatteryClipReason)i;
                int ticks = guard.ClipTicks(reason);
                if (ticks > 0)
                {
                    reply.BeginItem();
                    reply.Field("reason", BatteryClipReasonNames.Of(reason));
                    reply.Field("ticks", ticks);
                    reply.Field("Wh", guard.ClippedEnergyWh(reason), 1, "Wh");
                    reply.EndItem();
                }
            }

            reply.EndList();
            return false;
        }

        /// <summary>The reserve the guard holds: the owner's, or the vehicle's minimum SoC if higher, %.</summary>
        public static double ReserveInForcePercent(ChargeController c)
        {
            double reserve = c.Guard.Settings.ReserveSocPercent;
            double vehicleMinimum = c.EnergyNeeds.MinimumSocPercent;
            return !double.IsNaN(vehicleMinimum) && vehicleMinimum > reserve ? vehicleMinimum : reserve;
        }

        private static void Figures(ShellReply reply, string prefix, BatteryUsageFigures f, bool costKnown)
        {
            reply.Field(prefix + "_Wh_charged", f.EnergyChargedWh, 1, "Wh");
            reply.Field(prefix + "_Wh_discharged", f.EnergyDischargedWh, 1, "Wh");
            reply.Field(prefix + "_efc", f.EquivalentFullCycles, 4, null);
            reply.Field(prefix + "_capacity_loss_pct", f.CapacityLoss * 100, 4, "%");
            Optional(reply, prefix + "_cost", costKnown ? f.CycleLossCost : double.NaN, 2, null);
        }

        /// <summary>A figure that may be unknown (NaN): "-" for people, null in JSON.</summary>
        private static void Optional(ShellReply reply, string name, double value, int decimals, string unit)
        {
            if (double.IsNaN(value) && !reply.IsJson)
            {
                reply.Field(name, "-");
                return;
            }

            reply.Field(name, value, decimals, unit);
        }
    }
}
