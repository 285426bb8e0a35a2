using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Firmware.Faults;
using V2G.IntegrationTests.TestSupport;

namespace V2G.IntegrationTests.Docs
{
    /// <summary>
    /// docs/faults.md against firmware/Faults/FaultCatalogue.cs: one table row per fault with its
    /// code, name, clearing and whether it opens the contactors at once, and no row the catalogue
    /// does not have.
    /// </summary>
    [TestClass]
    public sealed class FaultCatalogueDocumentTests
    {
        private const string CodeColumn = "code";
        private const string NameColumn = "name";
        private const string ClearingColumn = "clearing";
        private const string OpensAtOnceColumn = "opens at once";

        private static List<Dictionary<string, string>> _rows;

        [ClassInitialize]
        public static void ReadTheDocument(TestContext context)
        {
            string path = Path.Combine(RepositoryRoot.Path, "docs", "faults.md");
            Assert.IsTrue(File.Exists(path), $"{path} is missing");
            _rows = MarkdownTable.Rows(File.ReadAllText(path)).Where(r => r.ContainsKey(CodeColumn)).ToList();
        }

        [TestMethod]
        public void EveryFaultHasARowWithItsCodeNameAndClearing()
        {
            var missing = new List<string>();
            foreach (FaultInfo fault in Faults())
            {
                bool listed = _rows.Any(r =>
                    Cell(r, CodeColumn) == ((int)fault.Code).ToString()
                    && Cell(r, NameColumn) == fault.Name
                    && Cell(r, ClearingColumn).Contains(ClearingWord(fault.Clearing)));
                if (!listed)
                {
                    missing.Add($"{(int)fault.Code} {fault.Name} ({ClearingWord(fault.Clearing)})");
                }
            }

            Assert.IsEmpty(missing, "not in docs/faults.md: " + string.Join(", ", missing));
        }

        [TestMethod]
        public void EveryFaultsRowSaysWhetherItOpensTheContactorsAtOnce()
        {
            var wrong = new List<string>();
            foreach (FaultInfo fault in Faults())
            {
                string expected = fault.OpensContactorsAtOnce ? "yes" : "no";
                string actual = RowOf(fault) is { } row ? Cell(row, OpensAtOnceColumn) : "(no row)";
                if (!actual.StartsWith(expected, System.StringComparison.OrdinalIgnoreCase))
                {
                    wrong.Add($"{fault.Name}: '{actual}', catalogue says {expected}");
                }
            }

            Assert.IsEmpty(wrong, string.Join("; ", wrong));
        }

        [TestMethod]
        public void EveryRowIsAFaultOfTheCatalogue()
        {
            var stale = new List<string>();
            foreach (Dictionary<string, string> row in _rows)
            {
                bool known = int.TryParse(Cell(row, CodeColumn), out int code)
                    && code > 0 && code < FaultCatalogue.Count
                    && FaultCatalogue.Get((FaultCode)code).Name == Cell(row, NameColumn);
                if (!known)
                {
                    stale.Add($"{Cell(row, CodeColumn)} {Cell(row, NameColumn)}");
                }
            }

            Assert.IsEmpty(stale, "rows with no such fault: " + string.Join(", ", stale));
        }

        private static IEnumerable<FaultInfo> Faults()
        {
            for (int i = 0; i < FaultCatalogue.Count; i++)
            {
                FaultInfo fault = FaultCatalogue.At(i);
                if (fault.Code != FaultCode.None)
                {
                    yield return fault;
                }
            }
        }

        private static Dictionary<string, string> RowOf(FaultInfo fault) =>
            _rows.FirstOrDefault(r => Cell(r, CodeColumn) == ((int)fault.Code).ToString());

        private static string Cell(Dictionary<string, string> row, string column) =>
            row.TryGetValue(column, out string cell) ? MarkdownTable.Plain(cell) : "";

        private static string ClearingWord(FaultClearing clearing) => clearing switch
        {
            FaultClearing.Automatic => "automatic",
            FaultClearing.SessionEnd => "session end",
            FaultClearing.Operator => "operator",
            _ => throw new System.ArgumentOutOfRangeException(nameof(clearing)),
        };
    }
}
