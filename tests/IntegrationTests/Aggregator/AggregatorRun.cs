using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Aggregator;

namespace V2G.IntegrationTests.Aggregator
{
    /// <summary>Runs v2g-aggregator in this process (AggregatorCli) or as its own process, as a user does.</summary>
    public static class AggregatorRun
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        public static string DllPath => Path.Combine(AppContext.BaseDirectory, "v2g-aggregator.dll");

        public static AggregatorResult InProcess(params string[] args) => InProcess(CancellationToken.None, args);

        public static AggregatorResult InProcess(CancellationToken cancel, params string[] args) =>
            InProcess(new LockedStringWriter(), new LockedStringWriter(), cancel, args);

        private static AggregatorResult InProcess(LockedStringWriter stdout, LockedStringWriter stderr, CancellationToken cancel, string[] args)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(Timeout);
            Task<int> run = AggregatorCli.RunAsync(args, stdout, stderr, terminal: false, timeout.Token);
            Assert.IsTrue(run.Wait(Timeout + TimeSpan.FromSeconds(10)), $"v2g-aggregator {string.Join(' ', args)} did not end");
            return new AggregatorResult(run.Result, stdout.ToString(), stderr.ToString());
        }

        /// <summary>
        /// Starts it in the background (watch, record) and returns once its stderr says
        /// <paramref name="ready"/> (subscribed): what the test publishes next is not lost.
        /// </summary>
        public static Task<AggregatorResult> Start(string ready, params string[] args)
        {
            var stdout = new LockedStringWriter();
            var stderr = new LockedStringWriter();
            Task<AggregatorResult> run = Task.Run(() => InProcess(stdout, stderr, CancellationToken.None, args));
            bool started = SpinWait.SpinUntil(() => run.IsCompleted || stderr.ToString().Contains(ready), Timeout);
            Assert.IsTrue(started && !run.IsCompleted, $"v2g-aggregator {string.Join(' ', args)} did not say '{ready}': {stderr}");
            return run;
        }

        public static AggregatorResult AsProcess(params string[] args)
        {
            var (exitCode, stdout, stderr) = V2G.IntegrationTests.TestSupport.DotnetProgram.Run(DllPath, null, Timeout, args);
            return new AggregatorResult(exitCode, stdout, stderr);
        }
    }
}
