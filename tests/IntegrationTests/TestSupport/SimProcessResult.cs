namespace V2G.IntegrationTests.TestSupport
{
    /// <summary>How a v2g-sim process ended and what it wrote.</summary>
    public sealed record SimProcessResult(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
    }
}
