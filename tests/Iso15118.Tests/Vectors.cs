using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using V2G.Protocol.Iso15118.Generated.AppHand;
using V2G.Protocol.Iso15118.Generated.CommonMessages;
using V2G.Protocol.Iso15118.Generated.Dc;

namespace V2G.Iso15118.Tests
{
    /// <summary>The EXI entries of ../shared/interop/iso15118-20/vectors.json (read at every run, so added vectors are tested too).</summary>
    internal static class Vectors
    {
        public const string Missing = "(vectors.json missing)";

        public static bool Available => File.Exists(SharedFiles.VectorsPath);

        public static IEnumerable<object[]> ExiNames()
        {
            if (!Available)
            {
                yield return new object[] { Missing };
                yield break;
            }
            foreach (var v in Load())
            {
                if (IsExi(v))
                {
                    yield return new object[] { (string)v["name"] };
                }
            }
        }

        public static bool IsExi(JsonNode v)
        {
            string g = (string)v["grammar"];
            return g == "appHand" || g.StartsWith("iso20_", StringComparison.Ordinal);
        }

        public static JsonArray Load() => JsonNode.Parse(File.ReadAllText(SharedFiles.VectorsPath)).AsArray();

        public static JsonNode Get(string name)
        {
            foreach (var v in Load())
            {
                if ((string)v["name"] == name)
                {
                    return v;
                }
            }
            throw new ArgumentException("no vector " + name);
        }

        /// <summary>A fresh document object of the grammar a vector names (null for grammars not generated).</summary>
        public static object NewDocument(string grammar)
        {
            switch (grammar)
            {
                case "appHand": return new AppHandDocument();
                case "iso20_CommonMessages": return new Iso20CommonMessagesDocument();
                case "iso20_DC": return new Iso20DcDocument();
                default: return null;
            }
        }

        public static byte[] Hex(string hex) => Convert.FromHexString(hex);
    }
}
