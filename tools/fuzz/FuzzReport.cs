using System;
using System.Collections.Generic;
using System.Text;

namespace V2G.Fuzz
{
    /// <summary>What a fuzz run did and found.</summary>
    public sealed class FuzzReport
    {
        public int Seed { get; init; }

        /// <summary>Cases run (inputs sent).</summary>
        public long Cases { get; set; }

        /// <summary>Cases per <see cref="FuzzOutcome"/>.</summary>
        public long[] Outcomes { get; } = new long[Enum.GetValues<FuzzOutcome>().Length];

        /// <summary>Session-layer failures and FAILED_* codes by name.</summary>
        public SortedDictionary<string, long> FailureNames { get; } = new(StringComparer.Ordinal);

        /// <summary>Cases per SECC state the input was sent in.</summary>
        public SortedDictionary<string, long> States { get; } = new(StringComparer.Ordinal);

        /// <summary>Cases per way the input was made.</summary>
        public SortedDictionary<string, long> Inputs { get; } = new(StringComparer.Ordinal);

        /// <summary>Sessions set up (each with a valid prefix, then fuzzed).</summary>
        public long Sessions { get; set; }

        /// <summary>Sessions carried over the real V2G TCP server.</summary>
        public long TcpSessions { get; set; }

        /// <summary>Cases sent over the real V2G TCP server.</summary>
        public long TcpCases { get; set; }

        /// <summary>Cases sent while energy flowed (contactors closed, current above 5 A).</summary>
        public long CasesWithPowerFlowing { get; set; }

        /// <summary>The largest |current| at the moment an input was sent, A.</summary>
        public double LargestCurrentWhenFuzzedA { get; set; }

        /// <summary>Simulated time of the whole run, s.</summary>
        public double SimulatedS { get; set; }

        /// <summary>Broken sessions after which the output was checked for the safe state.</summary>
        public long SafeStateChecks { get; set; }

        /// <summary>The deadline the safe state was checked against, simulated ms.</summary>
        public int SafeStateDeadlineMs { get; set; }

        /// <summary>The longest time from a broken session to the safe state, simulated ms.</summary>
        public long LongestTimeToSafeMs { get; set; }

        /// <summary>The longest time from the fault to open contactors when the vehicle's communication was lost under power, ms.</summary>
        public long LongestCommunicationLostToOpenMs { get; set; }

        /// <summary>Whole valid sessions run to check the charger still works.</summary>
        public long FreshSessions { get; set; }

        /// <summary>Valid prefixes that did not reach their state (the charger's own limits; not a failure).</summary>
        public long PrefixesNotReached { get; set; }

        /// <summary>Socket waits that gave up.</summary>
        public long TcpStalls { get; set; }

        public List<FuzzFailure> Failures { get; } = new();

        /// <summary>True if a case stopped making progress (its thread is left behind).</summary>
        public bool Hung { get; set; }

        public TimeSpan Wall { get; set; }

        public long Count(FuzzOutcome outcome) => Outcomes[(int)outcome];

        public override string ToString()
        {
            var s = new StringBuilder();
            s.Append($"seed {Seed}: {Cases} cases in {Wall.TotalSeconds:F1} s ({(Wall.TotalSeconds > 0 ? Cases / Wall.TotalSeconds : 0):F0}/s), {Sessions} sessions ({TcpSessions} over TCP, {TcpCases} cases), {CasesWithPowerFlowing} cases with power flowing (up to {LargestCurrentWhenFuzzedA:F0} A), {SimulatedS:F0} s simulated\n");
            foreach (FuzzOutcome o in Enum.GetValues<FuzzOutcome>())
            {
                s.Append($"  {FuzzOutcomeNames.Of(o),-24} {Count(o),10}\n");
            }

            s.Append("  failures by name: ").Append(Join(FailureNames)).Append('\n');
            s.Append("  states fuzzed:    ").Append(Join(States)).Append('\n');
            s.Append("  inputs:           ").Append(Join(Inputs)).Append('\n');
            s.Append($"  safe-state checks {SafeStateChecks}, longest to safe {LongestTimeToSafeMs} ms (deadline {SafeStateDeadlineMs} ms), communication lost to contactors open ≤ {LongestCommunicationLostToOpenMs} ms\n");
            s.Append($"  fresh valid sessions {FreshSessions}, prefixes not reached {PrefixesNotReached}, TCP stalls {TcpStalls}\n");
            s.Append($"  oracle failures: {Failures.Count}{(Hung ? " (hung)" : "")}");
            foreach (FuzzFailure f in Failures)
            {
                s.Append('\n').Append("  ").Append(f);
            }

            return s.ToString();
        }

        /// <summary>The report as JSON (for CI and scripts).</summary>
        public string ToJson()
        {
            var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (FuzzOutcome o in Enum.GetValues<FuzzOutcome>())
            {
                outcomes[FuzzOutcomeNames.Of(o)] = Count(o);
            }

            var failures = new List<Dictionary<string, object>>();
            foreach (FuzzFailure f in Failures)
            {
                failures.Add(new Dictionary<string, object>
                {
                    ["kind"] = f.Kind, ["seed"] = f.Seed, ["case"] = f.Case, ["context"] = f.Context,
                    ["detail"] = f.Detail, ["inputHex"] = f.InputHex, ["sessionIdHex"] = f.SessionIdHex,
                    ["state"] = f.StateName, ["recentTicks"] = f.RecentTicks, ["recentMessages"] = f.RecentMessages, ["sessionInputs"] = f.SessionInputs, ["replay"] = f.ReplayCommand, ["stack"] = f.Stack,
                });
            }

            var root = new Dictionary<string, object>
            {
                ["seed"] = Seed,
                ["cases"] = Cases,
                ["wallSeconds"] = Math.Round(Wall.TotalSeconds, 2),
                ["simulatedSeconds"] = Math.Round(SimulatedS, 1),
                ["sessions"] = Sessions,
                ["tcpSessions"] = TcpSessions,
                ["tcpCases"] = TcpCases,
                ["casesWithPowerFlowing"] = CasesWithPowerFlowing,
                ["largestCurrentWhenFuzzedA"] = Math.Round(LargestCurrentWhenFuzzedA, 1),
                ["outcomes"] = outcomes,
                ["failureNames"] = FailureNames,
                ["states"] = States,
                ["inputs"] = Inputs,
                ["safeStateChecks"] = SafeStateChecks,
                ["safeStateDeadlineMs"] = SafeStateDeadlineMs,
                ["longestTimeToSafeMs"] = LongestTimeToSafeMs,
                ["longestCommunicationLostToOpenMs"] = LongestCommunicationLostToOpenMs,
                ["freshSessions"] = FreshSessions,
                ["prefixesNotReached"] = PrefixesNotReached,
                ["tcpStalls"] = TcpStalls,
                ["hung"] = Hung,
                ["failures"] = failures,
            };
            return System.Text.Json.JsonSerializer.Serialize(root, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        }

        private static string Join(SortedDictionary<string, long> d)
        {
            var s = new StringBuilder();
            foreach (KeyValuePair<string, long> kv in d)
            {
                if (s.Length > 0)
                {
                    s.Append(", ");
                }

                s.Append(kv.Key).Append('=').Append(kv.Value);
            }

            return s.ToString();
        }
    }
}
