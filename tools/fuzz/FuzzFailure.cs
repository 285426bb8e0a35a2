namespace V2G.Fuzz
{
    /// <summary>One broken oracle: what, where (seed and case, to reproduce), the input and the stack.</summary>
    public sealed class FuzzFailure
    {
        /// <summary>"exception", "hang", "unsafe_state", "failure_without_layer", "fresh_session_failed", "not_idle".</summary>
        public string Kind { get; init; }

        public int Seed { get; init; }

        /// <summary>The case number (0-based) the failure happened in; -1 outside a case.</summary>
        public long Case { get; init; }

        /// <summary>The SECC's state when the input was sent, and how it was made.</summary>
        public string Context { get; init; }

        public string Detail { get; init; }

        /// <summary>The bytes sent in this case (V2GTP header included), hex.</summary>
        public string InputHex { get; init; }

        public string Stack { get; init; }

        /// <summary>The SessionID of the session the input was sent into, hex (zeros before SessionSetup): for --replay.</summary>
        public string SessionIdHex { get; init; }

        /// <summary>The last control ticks before the failure (unsafe_state, not_idle), one line each.</summary>
        public string RecentTicks { get; init; }

        /// <summary>Every input sent into the failing session, in order, as STATE:HEX (unsafe_state, not_idle).</summary>
        public string SessionInputs { get; init; }

        /// <summary>The SECC's last log entries before the failure (unsafe_state, not_idle), one line each.</summary>
        public string RecentMessages { get; init; }

        /// <summary>The SECC's state when the input was sent (its name, for --replay).</summary>
        public string StateName { get; init; }

        /// <summary>The command that sends this input again into a session in the same state.</summary>
        public string ReplayCommand
        {
            get
            {
                if (!string.IsNullOrEmpty(SessionInputs))
                {
                    // Every input of the session, from the state its valid prefix ended in.
                    string[] lines = SessionInputs.Split('\n');
                    string first = lines[0].Substring(0, lines[0].IndexOf(':'));
                    var hex = new string[lines.Length];
                    for (int i = 0; i < lines.Length; i++)
                    {
                        hex[i] = lines[i].Substring(lines[i].IndexOf(':') + 1);
                    }

                    return $"dotnet run -c Release --project tools/fuzz -- --replay {first}:{string.Join("+", hex)}:{SessionIdHex}";
                }

                return string.IsNullOrEmpty(InputHex) || string.IsNullOrEmpty(StateName)
                    ? null
                    : $"dotnet run -c Release --project tools/fuzz -- --replay {StateName}:{InputHex}:{SessionIdHex}";
            }
        }

        public override string ToString()
        {
            return $"{Kind} at seed {Seed} case {Case} ({Context}): {Detail}\n  input: {InputHex}"
                + (ReplayCommand == null ? "" : "\n  replay: " + ReplayCommand)
                + (string.IsNullOrEmpty(Stack) ? "" : "\n  " + Stack);
        }
    }
}
