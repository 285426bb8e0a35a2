using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace V2G.IntegrationTests.TestSupport
{
    /// <summary>The checkout the tests were built from: the nearest folder above the test assembly that holds nanoframework.sln.</summary>
    public static class RepositoryRoot
    {
        public const string SolutionFile = "nanoframework.sln";

        public static string Path
        {
            get
            {
                for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)))
                    {
                        return dir.FullName;
                    }
                }

                Assert.Fail($"no {SolutionFile} in any folder above {AppContext.BaseDirectory}");
                return null;
            }
        }
    }
}
