using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace V2G.Bench
{
    /// <summary>
    /// The one job every benchmark runs in: 3 warm-up and 10 measured iterations, short enough
    /// for the whole set to run in a few minutes on a 2-core machine, built by <see cref="ProjectToolchain"/>.
    /// Parameter columns are wide enough for the reference vectors' names (up to 52 characters), which
    /// BenchmarkDotNet would otherwise cut to 20.
    /// </summary>
    public static class BenchConfig
    {
        private const int MaxParameterColumnWidth = 60;

        public static IConfig Create()
        {
            Job job = Job.Default
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithToolchain(ProjectToolchain.Create())
                .WithId("Short");
            return DefaultConfig.Instance
                .AddJob(job)
                .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(MaxParameterColumnWidth));
        }
    }
}
