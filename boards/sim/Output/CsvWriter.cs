using System.Globalization;
using System.IO;
using V2G.Sim.Simulation;

namespace V2G.Sim.Output
{
    /// <summary>Writes the recorded time series (--csv FILE), one row per sample, invariant culture.</summary>
    public static class CsvWriter
    {
        public const string Header = "t_s,state,power_W,setpoint_W,dc_voltage_V,dc_current_A,soc_percent,grid_frequency_Hz,stage_temperature_C,meter_import_Wh,meter_export_Wh";

        public static void Write(RunResult r, string path)
        {
            using var writer = new StreamWriter(path);
            writer.WriteLine(Header);
            CultureInfo c = CultureInfo.InvariantCulture;
            foreach (Sample s in r.Samples)
            {
                writer.WriteLine(string.Join(",",
                    s.TimeS.ToString("0.000", c), s.State, s.PowerW.ToString("0.0", c), s.SetpointW.ToString("0.0", c),
                    s.VoltageV.ToString("0.00", c), s.CurrentA.ToString("0.000", c), s.SocPercent.ToString("0.000", c),
                    s.GridFrequencyHz.ToString("0.0000", c), s.StageTemperatureC.ToString("0.0", c),
                    s.MeterImportWh.ToString("0.0", c), s.MeterExportWh.ToString("0.0", c)));
            }
        }
    }
}
