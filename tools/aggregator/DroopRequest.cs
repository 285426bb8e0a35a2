using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace V2G.Aggregator
{
    /// <summary>
    /// The payload of <c>cfg/droop/set</c>: a named preset, or droop parameters (the charger
    /// validates the set as a whole and answers with the retained <c>cfg/droop</c>).
    /// </summary>
    public sealed class DroopRequest
    {
        /// <summary>The parameters the contract knows, as command-line options (<c>--db-of-Hz</c> → <c>db_of_Hz</c>).</summary>
        public static readonly string[] NumberParameters = { "nominal_Hz", "db_of_Hz", "db_uf_Hz", "k_of", "k_uf", "response_s", "rated_W" };

        public string Id { get; set; }

        /// <summary>e.g. ieee1547-cat2; null when parameters are given.</summary>
        public string Preset { get; set; }

        public bool? Enabled { get; set; }

        /// <summary>Contract names (<see cref="NumberParameters"/>) to values, in the order given.</summary>
        public List<KeyValuePair<string, double>> Parameters { get; } = new List<KeyValuePair<string, double>>();

        public bool IsEmpty => Preset == null && Enabled == null && Parameters.Count == 0;

        public byte[] ToJson()
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                if (Id != null)
                {
                    w.WriteString("id", Id);
                }

                if (Preset != null)
                {
                    w.WriteString("preset", Preset);
                }

                if (Enabled != null)
                {
                    w.WriteBoolean("enabled", Enabled.Value);
                }

                foreach (KeyValuePair<string, double> p in Parameters)
                {
                    w.WriteNumber(p.Key, p.Value);
                }

                w.WriteEndObject();
            }

            return buffer.ToArray();
        }
    }
}
