namespace V2G.IntegrationTests.Aggregator
{
    /// <summary>What a run of v2g-aggregator printed and returned.</summary>
    public sealed record AggregatorResult(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }
}
