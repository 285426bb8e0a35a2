#if !NANOFRAMEWORK_1_0
using System;
using System.IO;
#endif

namespace V2G.UnitTests.GbT.Codec
{
    /// <summary>
    /// The reference traces of ../shared/interop/gbt27930 (next to the repository). On the device there
    /// is no file system with them: <see cref="ReadLines"/> then returns null and the tests say so.
    /// </summary>
    public static class GbtTraceFiles
    {
        public const string RealCcsTimeout = "trace-real-tyu05-charge-ccs-timeout.log";
        public const string HandmadeCharge = "trace-handmade-charge.log";
        public const string HandmadeBclTimeout = "trace-handmade-bcl-timeout.log";

        /// <summary>Where the traces are expected (for the Inconclusive message).</summary>
        public static string Folder
        {
            get
            {
#if NANOFRAMEWORK_1_0
                return "../shared/interop/gbt27930 (no file system on the device)";
#else
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nanoframework.sln")))
                {
                    dir = dir.Parent;
                }

                return dir == null ? "../shared/interop/gbt27930 (no nanoframework.sln above " + AppContext.BaseDirectory + ")"
                    : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "interop", "gbt27930"));
#endif
            }
        }

        /// <summary>The lines of a trace, or null if ../shared is absent.</summary>
        public static string[] ReadLines(string name)
        {
#if NANOFRAMEWORK_1_0
            return null;
#else
            string path = Path.Combine(Folder, name);
            return File.Exists(path) ? File.ReadAllLines(path) : null;
#endif
        }
    }
}
