namespace V2G.Protocol.Telemetry
{
    /// <summary>
    /// The MQTT topics of one charger, <c>v2g/1/{chargerId}/…</c>, built once at start-up so that
    /// publishing never concatenates strings. The contract (directions, QoS, retain, payloads) is
    /// docs/asyncapi/v2g-charger.asyncapi.yaml; <see cref="Suffixes"/> is what its coverage test checks.
    /// </summary>
    public sealed class UplinkTopics
    {
        /// <summary>The interface version in the topic root: a change that breaks aggregators bumps it.</summary>
        public const string Version = "1";

        /// <summary>Longest charger id: topics stay short on a device that publishes every second.</summary>
        public const int MaxChargerIdLength = 32;

        /// <summary>Retained online/offline birth and will (up).</summary>
        public const string StatusSuffix = "status";

        /// <summary>Retained ratings (up).</summary>
        public const string CapabilitiesSuffix = "capabilities";

        /// <summary>Retained limits in force and their source (up).</summary>
        public const string LimitsSuffix = "limits";

        /// <summary>One sample per message (up, QoS 0 live, QoS 1 replayed).</summary>
        public const string TelemetrySuffix = "telemetry";

        /// <summary>Energy registers (up).</summary>
        public const string MeterSuffix = "meter";

        /// <summary>State changes, faults, heartbeat loss, setpoint expiry (up).</summary>
        public const string EventSuffix = "event";

        /// <summary>Dispatch setpoints (down, never retained).</summary>
        public const string SetpointSuffix = "cmd/setpoint";

        /// <summary>The answer to each setpoint, by id (up).</summary>
        public const string SetpointReplySuffix = "cmd/setpoint/reply";

        /// <summary>Droop settings requested (down).</summary>
        public const string DroopSetSuffix = "cfg/droop/set";

        /// <summary>Retained droop settings in force (up).</summary>
        public const string DroopSuffix = "cfg/droop";

        /// <summary>The aggregator's liveness (down).</summary>
        public const string HeartbeatSuffix = "heartbeat";

        /// <summary>Every topic suffix of the interface, in the order of the contract's table.</summary>
        public static readonly string[] Suffixes =
        {
            StatusSuffix, CapabilitiesSuffix, LimitsSuffix, TelemetrySuffix, MeterSuffix, EventSuffix,
            SetpointSuffix, SetpointReplySuffix, DroopSetSuffix, DroopSuffix, HeartbeatSuffix,
        };

        /// <summary>The suffixes the charger subscribes to (the downlink).</summary>
        public static readonly string[] SubscribedSuffixes = { SetpointSuffix, DroopSetSuffix, HeartbeatSuffix };

        /// <summary>The charger id the topics were built from.</summary>
        public readonly string ChargerId;

        /// <summary><c>v2g/1/{chargerId}/</c>.</summary>
        public readonly string Root;

        /// <summary><see cref="Root"/> + <see cref="StatusSuffix"/>.</summary>
        public readonly string Status;

        /// <summary><see cref="Root"/> + <see cref="CapabilitiesSuffix"/>.</summary>
        public readonly string Capabilities;

        /// <summary><see cref="Root"/> + <see cref="LimitsSuffix"/>.</summary>
        public readonly string Limits;

        /// <summary><see cref="Root"/> + <see cref="TelemetrySuffix"/>.</summary>
        public readonly string Telemetry;

        /// <summary><see cref="Root"/> + <see cref="MeterSuffix"/>.</summary>
        public readonly string Meter;

        /// <summary><see cref="Root"/> + <see cref="EventSuffix"/>.</summary>
        public readonly string Event;

        /// <summary><see cref="Root"/> + <see cref="SetpointSuffix"/>.</summary>
        public readonly string Setpoint;

        /// <summary><see cref="Root"/> + <see cref="SetpointReplySuffix"/>.</summary>
        public readonly string SetpointReply;

        /// <summary><see cref="Root"/> + <see cref="DroopSetSuffix"/>.</summary>
        public readonly string DroopSet;

        /// <summary><see cref="Root"/> + <see cref="DroopSuffix"/>.</summary>
        public readonly string Droop;

        /// <summary><see cref="Root"/> + <see cref="HeartbeatSuffix"/>.</summary>
        public readonly string Heartbeat;

        /// <summary>Builds the topics; throws ArgumentException with <see cref="ValidateChargerId"/>'s text for a bad id.</summary>
        public UplinkTopics(string chargerId)
        {
            string error = ValidateChargerId(chargerId);
            if (error != null)
            {
                throw new System.ArgumentException(error, "chargerId");
            }

            ChargerId = chargerId;
            Root = "v2g/" + Version + "/" + chargerId + "/";
            Status = Root + StatusSuffix;
            Capabilities = Root + CapabilitiesSuffix;
            Limits = Root + LimitsSuffix;
            Telemetry = Root + TelemetrySuffix;
            Meter = Root + MeterSuffix;
            Event = Root + EventSuffix;
            Setpoint = Root + SetpointSuffix;
            SetpointReply = Root + SetpointReplySuffix;
            DroopSet = Root + DroopSetSuffix;
            Droop = Root + DroopSuffix;
            Heartbeat = Root + HeartbeatSuffix;
        }

        /// <summary>
        /// Null if <paramref name="chargerId"/> is 1..32 characters of [A-Za-z0-9_-] (nothing that means
        /// something in a topic: '/', '+', '#'), else why not.
        /// </summary>
        public static string ValidateChargerId(string chargerId)
        {
            if (chargerId == null || chargerId.Length == 0)
            {
                return "charger id is empty";
            }

            if (chargerId.Length > MaxChargerIdLength)
            {
                return "charger id longer than 32 characters";
            }

            for (int i = 0; i < chargerId.Length; i++)
            {
                char c = chargerId[i];
                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
                if (!allowed)
                {
                    return "charger id may hold only A-Z, a-z, 0-9, '_' and '-'";
                }
            }

            return null;
        }

        /// <summary>True for the suffixes the charger subscribes to (cmd/setpoint, cfg/droop/set, heartbeat).</summary>
        public bool IsSubscribed(string suffix)
        {
            for (int i = 0; i < SubscribedSuffixes.Length; i++)
            {
                if (SubscribedSuffixes[i] == suffix)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The suffix constant (one of <see cref="Suffixes"/>) of a full topic of this charger, or null; allocates nothing.</summary>
        public string SuffixOf(string topic)
        {
            if (topic == null || topic.Length <= Root.Length)
            {
                return null;
            }

            for (int i = 0; i < Root.Length; i++)
            {
                if (topic[i] != Root[i])
                {
                    return null;
                }
            }

            for (int s = 0; s < Suffixes.Length; s++)
            {
                string suffix = Suffixes[s];
                if (topic.Length - Root.Length != suffix.Length)
                {
                    continue;
                }

                bool same = true;
                for (int i = 0; i < suffix.Length && same; i++)
                {
                    same = topic[Root.Length + i] == suffix[i];
                }

                if (same)
                {
                    return suffix;
                }
            }

            return null;
        }
    }
}
