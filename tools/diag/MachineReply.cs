using System.Text.Json;

namespace V2G.Diag
{
    /// <summary>One machine-mode reply: <c>{"seq":N,"ok":true,"cmd":"status","data":{...}}</c>, or a part of a streamed one.</summary>
    public sealed class MachineReply
    {
        /// <summary>The request's sequence id, or null when the shell could not read one.</summary>
        public long? Seq { get; private set; }

        public bool Ok { get; private set; }

        /// <summary>The command's name, or null.</summary>
        public string Command { get; private set; }

        /// <summary>The shell's error when <see cref="Ok"/> is false.</summary>
        public string Error { get; private set; }

        /// <summary>The reply's data (an undefined element when there is none).</summary>
        public JsonElement Data { get; private set; }

        /// <summary>True while more parts of a streamed reply follow.</summary>
        public bool More { get; private set; }

        /// <summary>The raw JSON (without the checksum).</summary>
        public string Json { get; private set; }

        /// <summary>Reads a reply's JSON; null when it is not a JSON object.</summary>
        public static MachineReply Parse(string json)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(json);
            }
            catch (JsonException)
            {
                return null;
            }

            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var reply = new MachineReply { Json = json };
            if (root.TryGetProperty("seq", out JsonElement seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out long s))
            {
                reply.Seq = s;
            }

            reply.Ok = root.TryGetProperty("ok", out JsonElement ok) && ok.ValueKind == JsonValueKind.True;
            if (root.TryGetProperty("cmd", out JsonElement cmd) && cmd.ValueKind == JsonValueKind.String)
            {
                reply.Command = cmd.GetString();
            }

            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.String)
            {
                reply.Error = error.GetString();
            }

            if (root.TryGetProperty("data", out JsonElement data))
            {
                reply.Data = data.Clone();
            }

            reply.More = root.TryGetProperty("more", out JsonElement more) && more.ValueKind == JsonValueKind.True;
            return reply;
        }
    }
}
