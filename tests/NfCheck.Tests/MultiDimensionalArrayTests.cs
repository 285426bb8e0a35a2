using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>NF003: the runtime has only single-dimension, zero-based arrays.</summary>
[TestClass]
public sealed class MultiDimensionalArrayTests
{
    [TestMethod]
    public void AMultidimensionalArrayFieldIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("GridField", """
            namespace Fixture
            {
                public class Grid { public int[,] Cells; }
            }
            """);

        Checks.AssertOnly(RuleIds.MultiDimensionalArray, violations);
        StringAssert.Contains(Checks.At("Fixture.Grid::Cells", violations).Message, "int[,]");
    }

    [TestMethod]
    public void CreatingAndIndexingAMultidimensionalArrayIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("GridLocal", """
            namespace Fixture
            {
                public static class Grid
                {
                    public static double Run() { var cells = new double[2, 3, 4]; cells[1, 2, 3] = 5; return cells[1, 2, 3]; }
                }
            }
            """, Microsoft.CodeAnalysis.OptimizationLevel.Release);

        Checks.AssertOnly(RuleIds.MultiDimensionalArray, violations);
        StringAssert.Contains(Checks.At("Fixture.Grid::Run", violations).Message, "double[,,]");
    }
}
