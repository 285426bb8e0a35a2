#if !NANOFRAMEWORK_1_0
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
#endif

namespace V2G.UnitTests.Grid.Droop
{
    /// <summary>
    /// One OpenDER reference trace of ../shared/interop/grid (next to the repository): its header
    /// block of parameters and its rows [digest §9]. On the device there is no file system with
    /// them: <see cref="Load"/> then returns null and the tests say so.
    /// </summary>
    public sealed class OpenDerTrace
    {
        public const string DefaultIdle = "opender-60Hz-uf-step-59p5-default-idle.csv";
        public const string CatIIIFastIdle = "opender-60Hz-uf-step-59p5-catIII-fast-idle.csv";
        public const string Char2Charging = "opender-60Hz-uf-step-59p5-char2-1s-charging.csv";
        public const string OverFrequencyDischarging = "opender-60Hz-of-step-60p5-default-discharging.csv";
        public const string CatIIIFastIdleDeep = "opender-60Hz-uf-step-59p0-catIII-fast-idle.csv";
        public const string CatIIISaturating = "opender-60Hz-uf-step-59p0-catIII-fast-discharging-saturate.csv";
        public const string Emulated50Hz = "opender-50Hz-emulated-uf-step-49p8-db30mHz-k5-olrt1s-idle.csv";

        public double DtS;
        public double StepS;
        public double PreHz;
        public double PostHz;
        public double DemandPu;
        public double DeadbandOverHz;
        public double DeadbandUnderHz;
        public double DroopOver;
        public double DroopUnder;
        public double ResponseTimeS;
        public double RatedW;
        public double RatedChargeW;
        public double HeaderT90S;
        public double HeaderFinalPu;

        /// <summary>True for the 50 Hz emulation: frequencies and deadbands are those at 50 Hz.</summary>
        public bool Is50Hz;

        public double[] TimeS;
        public double[] FrequencyHz;
        public double[] PowerPu;
        public int Count;

        /// <summary>Where the traces are expected (for the Inconclusive message).</summary>
        public static string Folder
        {
            get
            {
#if NANOFRAMEWORK_1_0
                return "../shared/interop/grid (no file system on the device)";
#else
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nanoframework.sln")))
                {
                    dir = dir.Parent;
                }

                return dir == null ? "../shared/interop/grid (no nanoframework.sln above " + AppContext.BaseDirectory + ")"
                    : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "interop", "grid"));
#endif
            }
        }

        /// <summary>The trace, or null if ../shared is absent.</summary>
        public static OpenDerTrace Load(string name)
        {
#if NANOFRAMEWORK_1_0
            return null;
#else
            string path = Path.Combine(Folder, name);
            if (!File.Exists(path))
            {
                return null;
            }

            var header = new Dictionary<string, string>();
            var t = new List<double>();
            var f = new List<double>();
            var p = new List<double>();
            string[] columns = null;
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.StartsWith("#", StringComparison.Ordinal))
                {
                    int colon = line.IndexOf(':');
                    if (colon > 0)
                    {
                        header[line.Substring(1, colon - 1).Trim()] = line.Substring(colon + 1).Trim();
                    }

                    continue;
                }

                if (line.Length == 0)
                {
                    continue;
                }

                string[] cells = line.Split(',');
                if (columns == null)
                {
                    columns = cells;
                    continue;
                }

                bool is50 = header.ContainsKey("f_pre_50hz");
                t.Add(Number(cells[Array.IndexOf(columns, "t_s")]));
                f.Add(Number(cells[Array.IndexOf(columns, is50 ? "f_50hz_equiv" : "f_model_hz")]));
                p.Add(Number(cells[Array.IndexOf(columns, "p_out_pu")]));
            }

            var trace = new OpenDerTrace();
            trace.Is50Hz = header.ContainsKey("f_pre_50hz");

            // The emulation ran OpenDER at 60 Hz with frequencies scaled by 60/50; at 50 Hz the
            // deadbands scale back by 50/60 (0.036 Hz → 0.030 Hz, the "db30mHz" of its name), the
            // droops are per unit and stay.
            double scale = trace.Is50Hz ? 50.0 / 60.0 : 1.0;
            trace.DtS = Number(header["dt_s"]);
            trace.StepS = Number(header["t_step_s"]);
            trace.PreHz = Number(header[trace.Is50Hz ? "f_pre_50hz" : "f_pre_hz"]);
            trace.PostHz = Number(header[trace.Is50Hz ? "f_post_50hz" : "f_post_hz"]);
            trace.DemandPu = Number(header["p_dem_pu"]);
            trace.DeadbandOverHz = Number(header["PF_DBOF"]) * scale;
            trace.DeadbandUnderHz = Number(header["PF_DBUF"]) * scale;
            trace.DroopOver = Number(header["PF_KOF"]);
            trace.DroopUnder = Number(header["PF_KUF"]);
            trace.ResponseTimeS = Number(header["PF_OLRT"]);
            trace.RatedW = Number(header["NP_P_MAX"]);
            trace.RatedChargeW = Number(header["NP_P_MAX_CHARGE"]);
            trace.HeaderT90S = Number(header["t90_after_step_s"]);
            trace.HeaderFinalPu = Number(header["p_final_pu"]);
            trace.TimeS = t.ToArray();
            trace.FrequencyHz = f.ToArray();
            trace.PowerPu = p.ToArray();
            trace.Count = t.Count;
            return trace;
#endif
        }

#if !NANOFRAMEWORK_1_0
        private static double Number(string text)
        {
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
#endif
    }
}
