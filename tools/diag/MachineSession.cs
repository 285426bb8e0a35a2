using System;
using System.Collections.Generic;

namespace V2G.Diag
{
    /// <summary>
    /// A conversation with the shell in its machine mode: <c>mode machine</c> first, then one checksummed request
    /// at a time, each answered by one reply line or, for a streamed list, by parts until <c>"more":false</c>.
    /// Replies are checked: a framed line with a wrong checksum is an error (exit 3), a reply with another sequence
    /// id is never taken for this request's (no answer with ours in time: exit 3). Lines that are not framed replies (the echo and prompt of human mode before the switch
    /// took effect) are skipped.
    /// </summary>
    public sealed class MachineSession
    {
        /// <summary>Ctrl-U: erases whatever a person left half typed on the shell's line.</summary>
        private const string EraseLine = "\u0015";

        /// <summary>Silence that ends the reading of stale bytes before the first request, ms.</summary>
        private const int StaleQuietMs = 30;

        /// <summary>How long the switch back to human mode is awaited at the end, ms.</summary>
        private const int LeaveTimeoutMs = 500;

        private readonly ShellPort _port;
        private readonly int _timeoutMs;
        private long _seq;

        public MachineSession(ShellPort port, int timeoutMs)
        {
            _port = port ?? throw new ArgumentNullException(nameof(port));
            _timeoutMs = timeoutMs;
        }

        /// <summary>Every framed line received, for --verbose.</summary>
        public Action<string> Trace { get; set; }

        /// <summary>Switches the shell to machine mode (whatever mode it was in) and checks it answers there.</summary>
        public void Enter()
        {
            // Whatever an earlier session left unread is not an answer to us.
            _port.Drain(StaleQuietMs);
            _port.Write(EraseLine + "mode machine\r");

            // In machine mode already, "mode machine" without a "$" is refused with a seq:null error: skipped below.
            // The numbered "mode" asks which mode the shell is in: an answer proves the switch.
            IReadOnlyList<MachineReply> reply = Run("mode");
            if (reply[0].Data.ValueKind != System.Text.Json.JsonValueKind.Object
                || !reply[0].Data.TryGetProperty("mode", out System.Text.Json.JsonElement mode)
                || mode.ValueKind != System.Text.Json.JsonValueKind.String
                || mode.GetString() != "machine")
            {
                throw new DiagException(ExitCodes.NoValidReply, $"the shell did not switch to machine mode: {reply[0].Json}");
            }
        }

        /// <summary>Back to human mode for the next person on the port (best effort: its reply awaited briefly, so that it is not left for the next session to read).</summary>
        public void Leave()
        {
            long seq = ++_seq;
            _port.Write(MachineFrame.Request(seq, "mode human") + "\r");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < LeaveTimeoutMs)
            {
                string line = _port.ReadLine(LeaveTimeoutMs - (int)clock.ElapsedMilliseconds);
                if (line != null && MachineFrame.TrySplit(line, out string json, out bool ok) && ok && MachineReply.Parse(json)?.Seq == seq)
                {
                    return;
                }
            }
        }

        /// <summary>Logs in with the technician PIN; throws (exit 1) when refused.</summary>
        public void Login(string pin)
        {
            Run("login " + pin);
        }

        /// <summary>Runs <paramref name="command"/>; returns its reply parts (one, or several for a streamed list). Throws on an error reply.</summary>
        public IReadOnlyList<MachineReply> Run(string command)
        {
            var parts = new List<MachineReply>();
            Send(command, parts.Add);
            return parts;
        }

        /// <summary>
        /// Sends <paramref name="command"/> and hands each reply part to <paramref name="onPart"/> as it comes (a log
        /// download is written while it streams). Throws <see cref="DiagException"/>: exit 1 when the shell answers
        /// "ok":false, exit 3 on a bad checksum, a foreign sequence id or silence for the timeout.
        /// </summary>
        public void Send(string command, Action<MachineReply> onPart)
        {
            long seq = ++_seq;
            int foreign = 0;
            _port.Write(MachineFrame.Request(seq, command) + "\r");
            for (;;)
            {
                string line = _port.ReadLine(_timeoutMs);
                if (line == null)
                {
                    string skipped = foreign > 0 ? $"; {foreign} replies with other sequence ids skipped" : "";
                    throw new DiagException(ExitCodes.NoValidReply, $"no reply to '{FirstWord(command)}' (sequence id {seq}) within {_timeoutMs} ms{skipped} (is the port the shell's? try the interactive mode)");
                }

                if (!MachineFrame.TrySplit(line, out string json, out bool checksumOk))
                {
                    continue;
                }

                Trace?.Invoke(line);
                if (!checksumOk)
                {
                    throw new DiagException(ExitCodes.NoValidReply, $"reply to '{FirstWord(command)}' failed its checksum: {line}");
                }

                MachineReply reply = MachineReply.Parse(json);
                if (reply == null)
                {
                    throw new DiagException(ExitCodes.NoValidReply, $"reply to '{FirstWord(command)}' is not a JSON object: {line}");
                }

                if (reply.Seq == null)
                {
                    // The refusal of a line that was not ours to number ("mode machine" sent in machine mode).
                    continue;
                }

                if (reply.Seq != seq)
                {
                    // Not the answer to this request (a late part of an earlier one, another tool's): never taken as ours.
                    foreign++;
                    continue;
                }

                if (!reply.Ok)
                {
                    throw new DiagException(ExitCodes.CommandError, $"{FirstWord(command)}: {reply.Error ?? "failed (no reason given)"}");
                }

                onPart(reply);
                if (!reply.More)
                {
                    return;
                }
            }
        }

        private static string FirstWord(string command)
        {
            int space = command.IndexOf(' ');
            return space < 0 ? command : command.Substring(0, space);
        }
    }
}
