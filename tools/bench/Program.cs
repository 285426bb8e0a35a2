using BenchmarkDotNet.Running;

namespace V2G.Bench
{
    /// <summary>
    /// <c>dotnet run -c Release --project tools/bench -- --filter '*'</c> runs every benchmark;
    /// without arguments the switcher asks which one to run. The job is <see cref="BenchConfig"/>'s.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
        }
    }
}
