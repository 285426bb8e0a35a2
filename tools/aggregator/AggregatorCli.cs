using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using V2G.Aggregator.Commands;

namespace V2G.Aggregator
{
    /// <summary>The whole program behind Main, with its streams and its cancellation given, so tests run it in-process.</summary>
    public static class AggregatorCli
    {
        /// <param name="terminal">the output is a terminal: watch redraws in place (ANSI)</param>
        public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool terminal, CancellationToken cancel)
        {
            AggregatorOptions o;
            try
            {
                o = CommandLine.Parse(args);
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"v2g-aggregator: {e.Message}");
                return ExitCodes.Usage;
            }

            if (o == null)
            {
                output.WriteLine(CommandLine.Usage);
                return ExitCodes.Ok;
            }

            try
            {
                return o.Command switch
                {
                    "watch" => await WatchCommand.RunAsync(o, output, error, terminal, cancel).ConfigureAwait(false),
                    "setpoint" => await SetpointCommand.RunAsync(o, output, error, cancel).ConfigureAwait(false),
                    "droop" => await DroopCommand.RunAsync(o, output, error, cancel).ConfigureAwait(false),
                    "heartbeat" => await HeartbeatCommand.RunAsync(o, output, cancel).ConfigureAwait(false),
                    "record" => await RecordCommand.RunAsync(o, output, error, cancel).ConfigureAwait(false),
                    _ => PlotCommand.Run(o, output, error),
                };
            }
            catch (BrokerException e)
            {
                error.WriteLine($"v2g-aggregator: {e.Message}");
                return ExitCodes.BrokerFailure;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
            catch (Exception e) when (e is IOException || e is FormatException || e is UnauthorizedAccessException)
            {
                error.WriteLine($"v2g-aggregator: {e.Message}");
                return ExitCodes.Rejected;
            }
        }
    }
}
