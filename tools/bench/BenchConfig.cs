using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace V2G.Bench
{
    /// <summary>
    /// The one job every benchmark runs in: 3 warm-up and 10 measured iterations, short enough
    /// for the whole set to run in a few minutes on a 2-core machine, built by <see cref="ProjectToolchain"/>.
    /// </summary>
    public static class BenchConfig
    {
        public static IConfig Create()
        {
            Job job = Job.Default
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithToolchain(ProjectToolchain.Create())
                .WithId("Short");
            return DefaultConfig.Instance.AddJob(job);
        }
    }
}
