using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Exi;

namespace V2G.Iso15118.Tests
{
    /// <summary>Every EXI vector of ../shared/interop/iso15118-20/vectors.json decodes to its fields and encodes back to its bytes.</summary>
    [TestClass]
    public sealed class VectorConformanceTests
    {
        public static IEnumerable<object[]> ExiVectors => Vectors.ExiNames();

        static JsonNode Vector(string name)
        {
            if (name == Vectors.Missing)
            {
                Assert.Inconclusive("../shared/interop/iso15118-20/vectors.json not found at " + SharedFiles.VectorsPath);
            }
            return Vectors.Get(name);
        }

        [TestMethod]
        [DynamicData(nameof(ExiVectors))]
        public void VectorDecodesToExactlyItsFields(string name)
        {
            var v = Vector(name);
            object doc = Vectors.NewDocument((string)v["grammar"]);
            Assert.IsNotNull(doc, "no generated grammar " + v["grammar"]);
            string root = (string)v["rootElement"];
            var e = FieldTree.Decode(doc, Vectors.Hex((string)v["hex"]));
            Assert.AreEqual(ExiError.Ok, e, name);
            Assert.AreEqual(root, FieldTree.RootName(doc));
            var decoded = FieldTree.ToTree(FieldTree.RootObject(doc, root));
            Assert.AreEqual(FieldTree.Canonical(v["fields"][root]), FieldTree.Canonical(decoded), name);
        }

        [TestMethod]
        [DynamicData(nameof(ExiVectors))]
        public void VectorFieldsEncodeToExactlyItsBytes(string name)
        {
            var v = Vector(name);
            object doc = Vectors.NewDocument((string)v["grammar"]);
            Assert.IsNotNull(doc, "no generated grammar " + v["grammar"]);
            string root = (string)v["rootElement"];
            FieldTree.SetRoot(doc, root, v["fields"][root].AsObject());
            var buffer = new byte[4096];
            Array.Fill(buffer, (byte)0xA5); // padding bits must come out as 0 whatever the buffer held
            var e = FieldTree.Encode(doc, buffer, out int length);
            Assert.AreEqual(ExiError.Ok, e, name);
            Assert.AreEqual((string)v["hex"], Convert.ToHexString(buffer, 0, length).ToLowerInvariant(), name);
        }
    }
}
