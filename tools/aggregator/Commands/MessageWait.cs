using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace V2G.Aggregator.Commands
{
    /// <summary>Reads the client's message queue up to a deadline.</summary>
    internal static class MessageWait
    {
        /// <summary>The next message, or null when <paramref name="deadline"/> passed or the run was cancelled first.</summary>
        public static async Task<BrokerMessage> NextAsync(ChannelReader<BrokerMessage> reader, DateTimeOffset deadline, CancellationToken cancel)
        {
            while (true)
            {
                if (reader.TryRead(out BrokerMessage m))
                {
                    return m;
                }

                TimeSpan left = deadline - DateTimeOffset.Now;
                if (left <= TimeSpan.Zero || cancel.IsCancellationRequested)
                {
                    return null;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                wait.CancelAfter(left);
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    {
                        return null;
                    }
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
    }
}
