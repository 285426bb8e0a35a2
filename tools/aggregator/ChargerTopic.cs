using System;

namespace V2G.Aggregator
{
    /// <summary>
    /// The uplink's topic tree, <c>v2g/1/{chargerId}/{suffix}</c> (docs/asyncapi/v2g-charger.asyncapi.yaml):
    /// the suffixes this tool reads and writes, and the split of a received topic.
    /// </summary>
    public static class ChargerTopic
    {
        /// <summary>The first two levels: the tree and the contract's version.</summary>
        public const string Prefix = "v2g/1/";

        public const string Status = "status";
        public const string Capabilities = "capabilities";
        public const string Limits = "limits";
        public const string Telemetry = "telemetry";
        public const string Meter = "meter";
        public const string Event = "event";
        public const string Setpoint = "cmd/setpoint";
        public const string SetpointReply = "cmd/setpoint/reply";
        public const string DroopSet = "cfg/droop/set";
        public const string Droop = "cfg/droop";
        public const string Heartbeat = "heartbeat";

        /// <summary>Every charger's every topic.</summary>
        public const string AllChargers = Prefix + "+/#";

        /// <summary>The topic of <paramref name="suffix"/> for one charger.</summary>
        /// <exception cref="ArgumentException">the id is not 1–32 characters of [A-Za-z0-9_-] (the charger's own rule)</exception>
        public static string Of(string chargerId, string suffix)
        {
            ValidateChargerId(chargerId);
            return Prefix + chargerId + "/" + suffix;
        }

        /// <summary>Every topic of one charger (a subscription filter).</summary>
        public static string AllOf(string chargerId)
        {
            ValidateChargerId(chargerId);
            return Prefix + chargerId + "/#";
        }

        /// <summary>Splits <c>v2g/1/{id}/{suffix}</c>; false for any other topic.</summary>
        public static bool TrySplit(string topic, out string chargerId, out string suffix)
        {
            chargerId = null;
            suffix = null;
            if (topic == null || !topic.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return false;
            }

            int slash = topic.IndexOf('/', Prefix.Length);
            if (slash <= Prefix.Length || slash == topic.Length - 1)
            {
                return false;
            }

            chargerId = topic.Substring(Prefix.Length, slash - Prefix.Length);
            suffix = topic.Substring(slash + 1);
            return true;
        }

        /// <exception cref="ArgumentException">not 1–32 characters of [A-Za-z0-9_-]</exception>
        public static void ValidateChargerId(string chargerId)
        {
            if (string.IsNullOrEmpty(chargerId) || chargerId.Length > 32)
            {
                throw new ArgumentException($"charger id '{chargerId}': 1 to 32 characters of A-Z a-z 0-9 _ -");
            }

            foreach (char c in chargerId)
            {
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!ok)
                {
                    throw new ArgumentException($"charger id '{chargerId}': 1 to 32 characters of A-Z a-z 0-9 _ -");
                }
            }
        }
    }
}
