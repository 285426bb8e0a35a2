namespace V2G.Protocol.Telemetry
{
    /// <summary>Encodes <see cref="ChargerCapabilities"/> as the retained <c>capabilities</c> payload.</summary>
    public static class CapabilitiesEncoder
    {
        /// <summary>Resets <paramref name="w"/> and writes the capabilities; false if they did not fit.</summary>
        public static bool Write(JsonWriter w, ChargerCapabilities c)
        {
            w.Reset();
            w.BeginObject();
            w.Number("max_charge_power_W", c.MaxChargePowerW, TelemetryEncoder.PowerDecimals);
            w.Number("max_discharge_power_W", c.MaxDischargePowerW, TelemetryEncoder.PowerDecimals);
            w.Number("max_charge_current_A", c.MaxChargeCurrentA, TelemetryEncoder.CurrentDecimals);
            w.Number("max_discharge_current_A", c.MaxDischargeCurrentA, TelemetryEncoder.CurrentDecimals);
            w.Number("min_voltage_V", c.MinVoltageV, TelemetryEncoder.VoltageDecimals);
            w.Number("max_voltage_V", c.MaxVoltageV, TelemetryEncoder.VoltageDecimals);
            w.Boolean("bidirectional", c.Bidirectional);
            w.BeginArray("protocols");
            if (c.Protocols != null)
            {
                for (int i = 0; i < c.Protocols.Length; i++)
                {
                    w.String(null, c.Protocols[i]);
                }
            }

            w.EndArray();
            w.Boolean("droop", c.Droop);
            w.String("sign_convention", ChargerCapabilities.SignConvention);
            w.EndObject();
            return !w.Overflowed;
        }
    }
}
