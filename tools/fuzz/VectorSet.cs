using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace V2G.Fuzz
{
    /// <summary>
    /// The ISO 15118-20 vectors of ../shared/interop/iso15118-20/vectors.json as whole V2GTP messages
    /// (8-byte header and payload, from each vector's <c>v2gtpHex</c>): the fuzzer's seed corpus.
    /// </summary>
    public sealed class VectorSet
    {
        /// <summary>The vectors file, relative to the folder that holds nanoframework.sln.</summary>
        public const string RelativePath = "../shared/interop/iso15118-20/vectors.json";

        public VectorSet(IReadOnlyList<string> names, IReadOnlyList<byte[]> messages)
        {
            Names = names;
            Messages = messages;
        }

        public IReadOnlyList<string> Names { get; }

        public IReadOnlyList<byte[]> Messages { get; }

        /// <summary>Reads the vectors at <paramref name="path"/>.</summary>
        public static VectorSet Load(string path)
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
            var names = new List<string>();
            var messages = new List<byte[]>();
            foreach (JsonElement v in doc.RootElement.EnumerateArray())
            {
                if (!v.TryGetProperty("v2gtpHex", out JsonElement hex) || hex.ValueKind != JsonValueKind.String || hex.GetString().Length < 16)
                {
                    continue;
                }

                names.Add(v.GetProperty("name").GetString());
                messages.Add(Convert.FromHexString(hex.GetString()));
            }

            return new VectorSet(names, messages);
        }

        /// <summary>
        /// The vectors file seen from <paramref name="start"/> (e.g. the test assembly's folder): walks up to
        /// the folder with nanoframework.sln and looks beside it. Null if either is missing.
        /// </summary>
        public static string Find(string start)
        {
            for (DirectoryInfo dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "nanoframework.sln")))
                {
                    string path = Path.GetFullPath(Path.Combine(dir.FullName, RelativePath));
                    return File.Exists(path) ? path : null;
                }
            }

            return null;
        }
    }
}
