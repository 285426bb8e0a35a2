using System;
using System.Text.Json;

namespace V2G.Aggregator
{
    /// <summary>A charger's answer on <c>cmd/setpoint/reply</c>.</summary>
    public sealed class SetpointReply
    {
        public string Id { get; set; }

        /// <summary>accepted, rejected or clamped.</summary>
        public string Result { get; set; }

        /// <summary>The AC power the charger applied (after clamping), + import / − export.</summary>
        public double? AppliedW { get; set; }

        public string Reason { get; set; }

        public DateTimeOffset? Timestamp { get; set; }

        /// <summary>The text as received, for printing.</summary>
        public string Json { get; set; }

        /// <summary>accepted or clamped: the charger follows it (clamped: within its local limits).</summary>
        public bool InForce => Result == "accepted" || Result == "clamped";

        /// <summary>Null with <paramref name="error"/> when the payload is not a reply object with an id.</summary>
        public static SetpointReply Parse(ReadOnlySpan<byte> payload, out string error)
        {
            using JsonDocument doc = JsonFields.ParseObject(payload, out error);
            if (doc == null)
            {
                return null;
            }

            JsonElement o = doc.RootElement;
            var reply = new SetpointReply
            {
                Id = JsonFields.String(o, "id"),
                Result = JsonFields.String(o, "result"),
                AppliedW = JsonFields.Number(o, "applied_W"),
                Reason = JsonFields.String(o, "reason"),
                Timestamp = JsonFields.Timestamp(o, "ts"),
                Json = System.Text.Encoding.UTF8.GetString(payload),
            };
            if (reply.Id == null || reply.Result == null)
            {
                error = "a reply needs 'id' and 'result'";
                return null;
            }

            return reply;
        }
    }
}
