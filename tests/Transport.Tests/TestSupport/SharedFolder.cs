using System;
using System.IO;

namespace V2G.Transport.Tests.TestSupport
{
    /// <summary>Finds ../shared: walks up from the test assembly to the folder holding nanoframework.sln.</summary>
    internal static class SharedFolder
    {
        /// <summary>The path of <paramref name="relative"/> under ../shared, or null with the reason it is missing.</summary>
        public static string Find(string relative, out string missingReason)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "nanoframework.sln")))
            {
                dir = dir.Parent;
            }

            if (dir == null)
            {
                missingReason = $"no folder with nanoframework.sln above {AppContext.BaseDirectory}";
                return null;
            }

            string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relative));
            if (!File.Exists(path))
            {
                missingReason = $"{path} is absent (the shared interop folder is not next to the repository)";
                return null;
            }

            missingReason = null;
            return path;
        }
    }
}
