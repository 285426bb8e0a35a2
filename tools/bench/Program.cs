using BenchmarkDotNet.Running;

namespace V2G.Bench
{
    /// <summary>
    /// <c>dotnet run -c Release --project tools/bench -- --filter '*'</c> runs every benchmark;
    /// without arguments the switcher asks which one to run. The job is <see cref="BenchConfig"/>'s.
    /// <c>-- --il-size [path]</c> prints the IL size of the EXI codec in the nano build instead (<see cref="IlSize"/>).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--il-size")
            {
                return IlSize.Run(args);
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchConfig.Create());
            return 0;
        }
    }
}
