using System;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace V2G.Iso15118.Tests
{
    /// <summary>protocol/Iso15118/generated is exactly what tools/exigen makes of ../shared's schemas.</summary>
    [TestClass]
    public sealed class RegenerationTests
    {
        [TestMethod]
        public void GeneratedCodeMatchesARegenerationFromTheSchemas()
        {
            if (!Directory.Exists(SharedFiles.SchemasDir))
            {
                Assert.Inconclusive("../shared/iso15118-20/schemas not found at " + SharedFiles.SchemasDir);
            }
            string temp = Path.Combine(Path.GetTempPath(), "exigen-" + Guid.NewGuid().ToString("N"));
            try
            {
                Exigen.Generator.Generate(SharedFiles.SchemasDir, temp);
                var fresh = Directory.GetFiles(temp).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();
                var committed = Directory.GetFiles(SharedFiles.GeneratedDir).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();
                CollectionAssert.AreEqual(fresh, committed, "file set differs; run: dotnet run --project tools/exigen -- --schemas ../shared/iso15118-20/schemas --out protocol/Iso15118/generated");
                foreach (var f in fresh)
                {
                    string a = File.ReadAllText(Path.Combine(temp, f));
                    string b = File.ReadAllText(Path.Combine(SharedFiles.GeneratedDir, f));
                    if (a != b)
                    {
                        var la = a.Split('\n');
                        var lb = b.Split('\n');
                        int i = 0;
                        while (i < la.Length && i < lb.Length && la[i] == lb[i]) i++;
                        Assert.Fail(f + " differs from a regeneration at line " + (i + 1) + ": generated \"" + (i < la.Length ? la[i] : "<end>")
                            + "\", committed \"" + (i < lb.Length ? lb[i] : "<end>") + "\"");
                    }
                }
            }
            finally
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, true);
            }
        }

        [TestMethod]
        public void GenerationIsDeterministic()
        {
            if (!Directory.Exists(SharedFiles.SchemasDir))
            {
                Assert.Inconclusive("../shared/iso15118-20/schemas not found at " + SharedFiles.SchemasDir);
            }
            string t1 = Path.Combine(Path.GetTempPath(), "exigen-" + Guid.NewGuid().ToString("N"));
            string t2 = Path.Combine(Path.GetTempPath(), "exigen-" + Guid.NewGuid().ToString("N"));
            try
            {
                Exigen.Generator.Generate(SharedFiles.SchemasDir, t1);
                Exigen.Generator.Generate(SharedFiles.SchemasDir, t2);
                foreach (var f in Directory.GetFiles(t1))
                {
                    Assert.AreEqual(File.ReadAllText(f), File.ReadAllText(Path.Combine(t2, Path.GetFileName(f))), Path.GetFileName(f));
                }
            }
            finally
            {
                if (Directory.Exists(t1)) Directory.Delete(t1, true);
                if (Directory.Exists(t2)) Directory.Delete(t2, true);
            }
        }
    }
}
