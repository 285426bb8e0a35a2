using System;
using System.IO;
using System.Text.Json;

namespace V2G.Sim.Scenarios
{
    /// <summary>
    /// Reads a scenario from JSON. Unknown keys and malformed values are errors with the key named,
    /// so a typo in a bench test's scenario cannot silently run something else.
    /// </summary>
    public static class ScenarioFile
    {
        private static readonly string[] TopKeys =
        {
            "name", "description", "battery_kWh", "initial_soc_percent", "target_soc_percent", "minimum_soc_percent",
            "vehicle_can_discharge", "grid_nominal_Hz", "end_s", "settings", "expect_fault", "events", "droop_preset",
            "departure_s", "reserve_soc_percent", "max_soc_percent", "battery_replacement_cost", "ageing_model",
        };

        private static readonly string[] EventKeys = { "t_s", "action", "power_W", "fault", "value", "ramp_per_s" };

        private static readonly string[] Actions =
        {
            "plug", "unplug", "dispatch", "clear_dispatch", "stop", "vehicle_stop", "inject", "release", "clear_faults", "broker_down", "broker_up",
            "grid_frequency", "grid_voltage", "grid_phase_jump", "loss_of_mains", "restore_mains",
        };

        public static Scenario Load(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ScenarioException($"{path}: cannot read: {e.Message}");
            }

            return Parse(text, path);
        }

        public static Scenario Parse(string json, string source)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException e)
            {
                throw new ScenarioException($"{source}: not valid JSON: {e.Message}");
            }

            using (doc)
            {
                JsonElement root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    throw new ScenarioException($"{source}: the top level must be an object");
                }

                var s = new Scenario { Name = Path.GetFileNameWithoutExtension(source) };
                foreach (JsonProperty p in root.EnumerateObject())
                {
                    string where = $"{source}: '{p.Name}'";
                    switch (p.Name)
                    {
                        case "name": s.Name = String(p.Value, where); break;
                        case "description": s.Description = String(p.Value, where); break;
                        case "battery_kWh": s.BatteryKWh = Number(p.Value, where, 1, 1000); break;
                        case "initial_soc_percent": s.InitialSocPercent = Number(p.Value, where, 0, 100); break;
                        case "target_soc_percent": s.TargetSocPercent = Number(p.Value, where, 0, 100); break;
                        case "minimum_soc_percent": s.MinimumSocPercent = Number(p.Value, where, 0, 100); break;
                        case "vehicle_can_discharge": s.VehicleCanDischarge = Bool(p.Value, where); break;
                        case "grid_nominal_Hz": s.GridNominalHz = Number(p.Value, where, 50, 60); break;
                        case "end_s": s.EndSeconds = Number(p.Value, where, 1, 7 * 24 * 3600); break;
                        case "droop_preset": s.DroopPreset = DroopPreset(p.Value, where); break;
                        case "departure_s": s.DepartureS = Number(p.Value, where, 0, 7 * 24 * 3600); break;
                        case "reserve_soc_percent": s.ReserveSocPercent = Number(p.Value, where, 0, 100); break;
                        case "max_soc_percent": s.MaxSocPercent = Number(p.Value, where, 0, 100); break;
                        case "battery_replacement_cost": s.BatteryReplacementCost = Number(p.Value, where, 0, 1e9); break;
                        case "ageing_model": s.AgeingModel = AgeingModel(p.Value, where); break;
                        case "expect_fault": s.ExpectedFault = String(p.Value, where); s.ExpectsFault = s.ExpectedFault.Length > 0; break;
                        case "settings":
                            if (p.Value.ValueKind != JsonValueKind.Object)
                            {
                                throw new ScenarioException($"{where} must be an object of numbers");
                            }

                            foreach (JsonProperty setting in p.Value.EnumerateObject())
                            {
                                s.Settings[setting.Name] = Number(setting.Value, $"{where}.{setting.Name}", double.MinValue, double.MaxValue);
                            }

                            break;
                        case "events":
                            ReadEvents(p.Value, s, where);
                            break;
                        default:
                            throw new ScenarioException($"{where} is not a scenario key (known: {string.Join(", ", TopKeys)})");
                    }
                }

                s.Events.Sort((a, b) => a.AtSeconds.CompareTo(b.AtSeconds));
                return s;
            }
        }

        private static void ReadEvents(JsonElement array, Scenario s, string where)
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw new ScenarioException($"{where} must be an array");
            }

            int index = 0;
            foreach (JsonElement e in array.EnumerateArray())
            {
                string at = $"{where}[{index++}]";
                if (e.ValueKind != JsonValueKind.Object)
                {
                    throw new ScenarioException($"{at} must be an object");
                }

                foreach (JsonProperty p in e.EnumerateObject())
                {
                    if (Array.IndexOf(EventKeys, p.Name) < 0)
                    {
                        throw new ScenarioException($"{at}: '{p.Name}' is not an event key (known: {string.Join(", ", EventKeys)})");
                    }
                }

                if (!e.TryGetProperty("t_s", out JsonElement t) || !e.TryGetProperty("action", out JsonElement a))
                {
                    throw new ScenarioException($"{at} needs 't_s' and 'action'");
                }

                string action = String(a, $"{at}.action");
                if (Array.IndexOf(Actions, action) < 0)
                {
                    throw new ScenarioException($"{at}: unknown action '{action}' (known: {string.Join(", ", Actions)})");
                }

                var ev = new ScenarioEvent(Number(t, $"{at}.t_s", 0, double.MaxValue), action);
                if (e.TryGetProperty("power_W", out JsonElement power))
                {
                    ev.PowerW = Number(power, $"{at}.power_W", -1e6, 1e6);
                }
                else if (action == "dispatch")
                {
                    throw new ScenarioException($"{at}: dispatch needs 'power_W'");
                }

                if (e.TryGetProperty("fault", out JsonElement fault))
                {
                    ev.Fault = String(fault, $"{at}.fault");
                }
                else if (action == "inject")
                {
                    throw new ScenarioException($"{at}: inject needs 'fault'");
                }

                if (e.TryGetProperty("value", out JsonElement value))
                {
                    ev.Value = Number(value, $"{at}.value", double.MinValue, double.MaxValue);
                }
                else if (action == "grid_frequency" || action == "grid_voltage" || action == "grid_phase_jump")
                {
                    throw new ScenarioException($"{at}: {action} needs 'value'");
                }

                if (e.TryGetProperty("ramp_per_s", out JsonElement ramp))
                {
                    ev.RampPerSecond = Number(ramp, $"{at}.ramp_per_s", 0, double.MaxValue);
                }

                s.Events.Add(ev);
            }
        }

        private static string DroopPreset(JsonElement e, string where)
        {
            string name = String(e, where);
            if (V2G.Firmware.Grid.DroopPresets.ByName(name, 50) == null)
            {
                throw new ScenarioException($"{where}: unknown droop preset '{name}' (known: {string.Join(", ", V2G.Firmware.Grid.DroopPresets.Names())})");
            }

            return name;
        }

        private static string AgeingModel(JsonElement e, string where)
        {
            string name = String(e, where);
            if (!V2G.Firmware.Battery.AgeingModelKindNames.TryParse(name, out _))
            {
                throw new ScenarioException($"{where}: unknown ageing model '{name}' (known: {string.Join(", ", AgeingModelNames())})");
            }

            return name;
        }

        /// <summary>The ageing models' names, as scenario files give them.</summary>
        public static string[] AgeingModelNames()
        {
            var names = new string[V2G.Firmware.Battery.AgeingModelKindNames.Count];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = V2G.Firmware.Battery.AgeingModelKindNames.Of((V2G.Firmware.Battery.AgeingModelKind)i);
            }

            return names;
        }

        private static string String(JsonElement e, string where)
        {
            if (e.ValueKind != JsonValueKind.String)
            {
                throw new ScenarioException($"{where} must be a string");
            }

            return e.GetString();
        }

        private static bool Bool(JsonElement e, string where)
        {
            if (e.ValueKind != JsonValueKind.True && e.ValueKind != JsonValueKind.False)
            {
                throw new ScenarioException($"{where} must be true or false");
            }

            return e.GetBoolean();
        }

        private static double Number(JsonElement e, string where, double min, double max)
        {
            if (e.ValueKind != JsonValueKind.Number)
            {
                throw new ScenarioException($"{where} must be a number");
            }

            double v = e.GetDouble();
            if (v < min || v > max)
            {
                throw new ScenarioException($"{where} = {v} is outside {min}..{max}");
            }

            return v;
        }
    }
}
