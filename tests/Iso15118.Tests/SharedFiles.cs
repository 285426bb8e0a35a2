using System;
using System.IO;

namespace V2G.Iso15118.Tests
{
    /// <summary>Finds the repository root (the folder holding nanoframework.sln) and ../shared next to it.</summary>
    internal static class SharedFiles
    {
        public static string RepoRoot
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nanoframework.sln")))
                {
                    dir = dir.Parent;
                }
                if (dir == null)
                {
                    throw new InvalidOperationException("no nanoframework.sln above " + AppContext.BaseDirectory);
                }
                return dir.FullName;
            }
        }

        public static string SharedDir => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

        public static string VectorsPath => Path.Combine(SharedDir, "interop", "iso15118-20", "vectors.json");

        public static string SchemasDir => Path.Combine(SharedDir, "iso15118-20", "schemas");

        public static string GeneratedDir => Path.Combine(RepoRoot, "protocol", "Iso15118", "generated");
    }
}
