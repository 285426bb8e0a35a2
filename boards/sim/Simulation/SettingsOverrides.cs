using System;
using System.Collections.Generic;
using System.Reflection;
using V2G.Firmware.Settings;
using V2G.Sim.Scenarios;

namespace V2G.Sim.Simulation
{
    /// <summary>Applies a scenario's settings by field name (host side: reflection is fine here).</summary>
    public static class SettingsOverrides
    {
        public static void Apply(ChargerSettings settings, IDictionary<string, double> overrides)
        {
            foreach (KeyValuePair<string, double> pair in overrides)
            {
                FieldInfo field = typeof(ChargerSettings).GetField(pair.Key, BindingFlags.Public | BindingFlags.Instance);
                if (field == null)
                {
                    throw new ScenarioException($"settings: '{pair.Key}' is not a charger setting");
                }

                if (field.FieldType == typeof(double))
                {
                    field.SetValue(settings, pair.Value);
                }
                else if (field.FieldType == typeof(int))
                {
                    field.SetValue(settings, (int)pair.Value);
                }
                else if (field.FieldType == typeof(bool))
                {
                    field.SetValue(settings, pair.Value != 0);
                }
                else
                {
                    throw new ScenarioException($"settings: '{pair.Key}' cannot be set from a number");
                }
            }
        }
    }
}
