using System;
using System.IO;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Toolchains;
using BenchmarkDotNet.Toolchains.CsProj;
using BenchmarkDotNet.Toolchains.DotNetCli;

namespace V2G.Bench
{
    /// <summary>
    /// BenchmarkDotNet's .NET 10 toolchain, pointed at this project's file. BenchmarkDotNet builds
    /// each benchmark in a child project that references the benchmarks' project, and finds that
    /// project by the assembly's name (it looks for <c>v2g-bench.csproj</c>); ours is
    /// <c>Bench.csproj</c>, so the generator is told the path, which the build writes into the
    /// assembly (<c>BenchProjectPath</c> in Bench.csproj).
    /// </summary>
    public static class ProjectToolchain
    {
        private const string ProjectPathKey = "BenchProjectPath";

        public static IToolchain Create()
        {
            NetCoreAppSettings settings = NetCoreAppSettings.NetCoreApp10_0;
            return new Toolchain(
                settings.Name,
                new Generator(settings),
                new DotNetCliBuilder(settings.TargetFrameworkMoniker, settings.CustomDotNetCliPath),
                new DotNetCliExecutor(settings.CustomDotNetCliPath));
        }

        private static FileInfo ProjectFile()
        {
            AssemblyMetadataAttribute entry = typeof(ProjectToolchain).Assembly
                .GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == ProjectPathKey);
            if (entry == null || !File.Exists(entry.Value))
            {
                throw new InvalidOperationException($"the benchmarks' project file is not where the build said ({entry?.Value ?? "no " + ProjectPathKey}): rebuild tools/bench");
            }

            return new FileInfo(entry.Value);
        }

        private sealed class Generator : CsProjGenerator
        {
            public Generator(NetCoreAppSettings settings)
                : base(settings.TargetFrameworkMoniker, settings.CustomDotNetCliPath, settings.PackagesPath, settings.RuntimeFrameworkVersion, true)
            {
            }

            protected override FileInfo GetProjectFilePath(Type benchmarkTarget, ILogger logger)
            {
                return ProjectFile();
            }
        }
    }
}
