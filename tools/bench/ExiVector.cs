using System;
using System.IO;
using System.Text.Json.Nodes;

namespace V2G.Bench
{
    /// <summary>One EXI reference vector of ../shared/interop/iso15118-20/vectors.json: its name, grammar, root element and bytes.</summary>
    public sealed class ExiVector
    {
        private ExiVector(string name, string grammar, string rootElement, byte[] exi)
        {
            Name = name;
            Grammar = grammar;
            RootElement = rootElement;
            Exi = exi;
        }

        /// <summary>The vector's <c>name</c>.</summary>
        public string Name { get; }

        /// <summary>"appHand", "iso20_CommonMessages", "iso20_DC".</summary>
        public string Grammar { get; }

        /// <summary>The vector's <c>rootElement</c>, e.g. DC_ChargeLoopReq.</summary>
        public string RootElement { get; }

        /// <summary>The EXI document (the V2GTP payload), as the vector's <c>hex</c>.</summary>
        public byte[] Exi { get; }

        /// <summary>Reads the vector <paramref name="name"/>; throws if the file or the vector is missing or inconsistent.</summary>
        public static ExiVector Load(string name)
        {
            string path = RepoFiles.VectorsPath;
            foreach (JsonNode v in JsonNode.Parse(File.ReadAllText(path)).AsArray())
            {
                if ((string)v["name"] != name)
                {
                    continue;
                }

                byte[] exi = Convert.FromHexString((string)v["hex"]);
                int declared = (int)v["exiLength"];
                if (exi.Length != declared)
                {
                    throw new InvalidDataException($"{name}: {exi.Length} bytes of hex, exiLength says {declared}");
                }

                return new ExiVector(name, (string)v["grammar"], (string)v["rootElement"], exi);
            }

            throw new InvalidDataException($"no vector {name} in {path}");
        }
    }
}
