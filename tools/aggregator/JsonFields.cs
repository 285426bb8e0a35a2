using System;
using System.Globalization;
using System.Text.Json;

namespace V2G.Aggregator
{
    /// <summary>
    /// Lenient reads of a charger's JSON members: a missing member or JSON null gives null, so a
    /// payload from an older or newer firmware still fills what it has.
    /// </summary>
    internal static class JsonFields
    {
        public static double? Number(JsonElement o, string name) =>
            o.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

        public static long? Integer(JsonElement o, string name) =>
            o.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

        public static string String(JsonElement o, string name) =>
            o.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public static bool? Boolean(JsonElement o, string name)
        {
            if (!o.TryGetProperty(name, out JsonElement v))
            {
                return null;
            }

            return v.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
        }

        /// <summary>An RFC 3339 timestamp (<c>2026-11-26T05:00:01.000Z</c> or with an offset), in UTC.</summary>
        public static DateTimeOffset? Timestamp(JsonElement o, string name) => ParseTimestamp(String(o, name));

        public static DateTimeOffset? ParseTimestamp(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset t)
                ? t
                : null;
        }

        /// <summary>The payload as one JSON object, or null with the reason.</summary>
        public static JsonDocument ParseObject(ReadOnlySpan<byte> payload, out string error)
        {
            error = null;
            if (payload.Length == 0)
            {
                error = "empty payload";
                return null;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(payload.ToArray());
            }
            catch (JsonException e)
            {
                error = "malformed JSON: " + e.Message;
                return null;
            }

            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                doc.Dispose();
                error = "not a JSON object";
                return null;
            }

            return doc;
        }
    }
}
