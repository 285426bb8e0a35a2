using System;
using System.Collections.Generic;
using System.IO;

namespace V2G.Bench
{
    /// <summary>
    /// Finds the repository (the folder holding nanoframework.sln) and ../shared next to it. BenchmarkDotNet
    /// runs each benchmark in a child process built under BenchmarkDotNet.Artifacts, so both the working
    /// directory and the assembly's folder are tried, walking up from each.
    /// </summary>
    public static class RepoFiles
    {
        private const string SolutionFile = "nanoframework.sln";

        /// <summary>The repository root; throws if neither start point lies inside the repository.</summary>
        public static string RepoRoot
        {
            get
            {
                var tried = new List<string>();
                foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                {
                    tried.Add(start);
                    for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                    {
                        if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                        {
                            return dir.FullName;
                        }
                    }
                }

                throw new InvalidOperationException($"no {SolutionFile} above {string.Join(" or ", tried)}: run the benchmarks from inside the repository");
            }
        }

        /// <summary>../shared/interop/iso15118-20/vectors.json; throws if it is not there.</summary>
        public static string VectorsPath
        {
            get
            {
                string path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "interop", "iso15118-20", "vectors.json"));
                if (!File.Exists(path))
                {
                    throw new FileNotFoundException("the ISO 15118-20 reference vectors are missing: no figures without them", path);
                }

                return path;
            }
        }
    }
}
