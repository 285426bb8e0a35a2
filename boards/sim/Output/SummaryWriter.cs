using System.IO;
using System.Text.Json;
using V2G.Firmware.Faults;
using V2G.Sim.Simulation;

namespace V2G.Sim.Output
{
    /// <summary>
    /// Writes the run's summary as JSON (--summary FILE). Times are simulated ms since the start;
    /// energies are DC at the connector unless the key says meter (AC at the grid point).
    /// </summary>
    public static class SummaryWriter
    {
        public static void Write(RunResult r, string path)
        {
            using var stream = File.Create(path);
            Write(r, stream);
        }

        public static void Write(RunResult r, Stream stream)
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("scenario", r.Scenario);
            w.WriteString("result", r.Result);
            w.WriteString("protocol", r.Protocol);
            if (r.Protocol != "sim")
            {
                w.WriteString("security", r.Security);
                w.WriteBoolean("vehicle_certificate", r.VehicleCertificatePresented);
                w.WriteNumber("charge_loop_messages", r.ChargeLoopMessages);
                w.WriteNumber("lockstep_stalls", r.LockstepStalls);
                w.WriteStartArray("session_failures");
                foreach (string f in r.SessionFailures)
                {
                    w.WriteStringValue(f);
                }

                w.WriteEndArray();
            }

            if (r.Gbt != null)
            {
                w.WriteStartObject("gbt");
                w.WriteString("profile", r.Gbt.Profile);
                w.WriteString("stage", r.Gbt.Stage);
                w.WriteString("bms_state", r.Gbt.BmsState);
                w.WriteBoolean("discharge_agreed", r.Gbt.DischargeAgreed);
                w.WriteNumber("reconnects", r.Gbt.Reconnects);
                w.WriteNumber("frames_carried", r.Gbt.FramesCarried);
                w.WriteNumber("frames_dropped", r.Gbt.FramesDropped);
                w.WriteEndObject();
            }

            if (r.Ccs != null)
            {
                w.WriteStartObject("ccs");
                w.WriteString("phase", r.Ccs.Phase);
                w.WriteString("pilot_state", r.Ccs.PilotState);
                w.WriteNumber("duty_cycle_percent", Round(r.Ccs.DutyCyclePercent));
                w.WriteString("proximity", r.Ccs.Proximity);
                w.WriteString("slac_state", r.Ccs.SlacState);
                w.WriteNumber("matched_attenuation_dB", Round(r.Ccs.MatchedAttenuationDb));
                w.WriteNumber("matching_attempts", r.Ccs.MatchingAttempts);
                w.WriteNumber("slac_frames_dropped", r.Ccs.SlacFramesDropped);
                w.WriteNumber("plc_frames_lost", r.Ccs.PlcFramesLost);
                w.WriteEndObject();
            }

            if (r.Uplink != null)
            {
                UplinkSummary u = r.Uplink;
                w.WriteStartObject("uplink");
                w.WriteString("broker", u.Broker);
                w.WriteBoolean("in_process_broker", u.InProcessBroker);
                w.WriteString("charger_id", u.ChargerId);
                w.WriteNumber("boot_id", u.BootId);
                w.WriteString("state", u.State);
                w.WriteNumber("connects", u.Connects);
                w.WriteNumber("reconnects", u.Reconnects);
                w.WriteNumber("network_cuts", u.NetworkCuts);
                w.WriteNumber("published", u.Published);
                w.WriteNumber("publish_failures", u.PublishFailures);
                w.WriteNumber("telemetry_samples", u.TelemetrySamples);
                w.WriteNumber("events", u.Events);
                w.WriteNumber("meter_records", u.MeterRecords);
                w.WriteNumber("queued", u.Queued);
                w.WriteNumber("replayed", u.Replayed);
                w.WriteNumber("pending", u.Pending);
                w.WriteStartObject("dropped");
                w.WriteNumber("telemetry", u.DroppedTelemetry);
                w.WriteNumber("event", u.DroppedEvents);
                w.WriteNumber("meter", u.DroppedMeter);
                w.WriteEndObject();
                w.WriteStartObject("commands");
                w.WriteNumber("accepted", u.CommandsAccepted);
                w.WriteNumber("clamped", u.CommandsClamped);
                w.WriteNumber("rejected", u.CommandsRejected);
                w.WriteNumber("duplicates", u.CommandDuplicates);
                w.WriteEndObject();
                w.WriteString("last_error", u.LastError);
                w.WriteEndObject();
            }

            w.WriteString("droop_preset", r.DroopPreset);
            w.WriteStartArray("events");
            foreach (GridEventResult e in r.GridEvents)
            {
                w.WriteStartObject();
                w.WriteString("type", e.Type);
                w.WriteNumber("t_s", Round(e.AtS));
                w.WriteNumber("value", Round(e.Value));
                w.WriteNumber("droop_t90_ms", Round(e.DroopT90Ms));
                if (double.IsNaN(e.SteadyErrorPct))
                {
                    w.WriteNull("steady_error_pct");
                }
                else
                {
                    w.WriteNumber("steady_error_pct", Round(e.SteadyErrorPct));
                }

                w.WriteNumber("power_before_W", Round(e.PowerBeforeW));
                w.WriteNumber("power_after_W", Round(e.PowerAfterW));
                if (!double.IsNaN(e.ExpectedPowerW))
                {
                    w.WriteNumber("expected_power_W", Round(e.ExpectedPowerW));
                }

                if (e.Trip.Length > 0)
                {
                    w.WriteString("trip", e.Trip);
                    w.WriteNumber("trip_clear_ms", Round(e.TripClearMs));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("states");
            foreach (string s in r.States)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteNumber("energy_charged_Wh", Round(r.EnergyChargedWh));
            w.WriteNumber("energy_discharged_Wh", Round(r.EnergyDischargedWh));
            w.WriteNumber("meter_import_Wh", Round(r.MeterImportWh));
            w.WriteNumber("meter_export_Wh", Round(r.MeterExportWh));
            w.WriteStartArray("faults");
            foreach (FaultRecord f in r.Faults)
            {
                w.WriteStartObject();
                w.WriteNumber("code", (int)f.Code);
                w.WriteString("name", FaultCatalogue.Get(f.Code).Name);
                w.WriteNumber("t_ms", f.RaisedAtMs);
                w.WriteNumber("converter_off_ms", f.ConverterOffAtMs);
                w.WriteNumber("safe_state_ms", f.ContactorsOpenAtMs);
                w.WriteNumber("safe_state_after_ms", f.ContactorsOpenAtMs >= 0 ? f.ContactorsOpenAtMs - f.RaisedAtMs : -1);
                w.WriteNumber("breaking_current_A", Round(f.BreakingCurrentA));
                w.WriteNumber("value", Round(f.Value));
                w.WriteBoolean("latched", FaultCatalogue.Get(f.Code).IsLatched);
                w.WriteNumber("cleared_ms", f.ClearedAtMs);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("sim_seconds", Round(r.SimSeconds));
            w.WriteNumber("ticks", r.Ticks);
            w.WriteNumber("wall_seconds", Round(r.WallSeconds));
            w.WriteNumber("final_soc_percent", Round(r.FinalSocPercent));
            w.WriteString("final_state", r.FinalState);
            w.WriteString("vehicle_end_reason", r.VehicleEndReason);
            w.WriteBoolean("ended_safe", r.EndedSafe);
            w.WriteNumber("largest_breaking_current_A", Round(r.LargestBreakingCurrentA));
            w.WriteNumber("charge_within_2pct_s", Round(r.ChargeWithin2PercentS));
            w.WriteNumber("discharge_within_2pct_s", Round(r.DischargeWithin2PercentS));
            w.WriteNumber("limit_violations", r.LimitViolations.Count);
            WriteBattery(w, r);
            w.WriteEndObject();
        }

        /// <summary>The battery guard: the SoC window kept, the departure, the clips by reason and the wear.</summary>
        private static void WriteBattery(Utf8JsonWriter w, RunResult r)
        {
            NumberOrNull(w, "soc_min_pct", r.SocMinPercent);
            NumberOrNull(w, "soc_reserve_pct", r.SocReservePercent);
            if (r.DepartureTargetMet.HasValue)
            {
                w.WriteBoolean("departure_target_met", r.DepartureTargetMet.Value);
            }
            else
            {
                w.WriteNull("departure_target_met");
            }

            w.WriteString("departure_note", r.DepartureNote);
            w.WriteStartObject("clip_counts");
            foreach (var pair in r.ClipCounts)
            {
                w.WriteNumber(pair.Key, pair.Value);
            }

            w.WriteEndObject();
            w.WriteStartObject("clipped_energy_Wh");
            foreach (var pair in r.ClippedEnergyWh)
            {
                w.WriteNumber(pair.Key, Round(pair.Value));
            }

            w.WriteEndObject();
            w.WriteNumber("degradation_cost", Round(r.DegradationCost));
            w.WriteNumber("capacity_loss_pct", System.Math.Round(r.CapacityLossPercent, 6));
            w.WriteNumber("efc", System.Math.Round(r.EquivalentFullCycles, 6));
            w.WriteString("ageing_model", r.AgeingModel);
        }

        private static void NumberOrNull(Utf8JsonWriter w, string name, double value)
        {
            if (double.IsNaN(value))
            {
                w.WriteNull(name);
            }
            else
            {
                w.WriteNumber(name, Round(value));
            }
        }

        private static double Round(double x) => System.Math.Round(x, 3);
    }
}
