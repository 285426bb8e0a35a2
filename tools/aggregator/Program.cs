using System;
using System.Threading;

namespace V2G.Aggregator
{
    /// <summary>v2g-aggregator's entry point: Ctrl-C ends watch, heartbeat and record cleanly.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            return AggregatorCli.RunAsync(args, Console.Out, Console.Error, !Console.IsOutputRedirected, cancel.Token).GetAwaiter().GetResult();
        }
    }
}
