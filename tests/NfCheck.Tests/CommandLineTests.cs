using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>The <c>nfcheck</c> command: its output lines and exit codes.</summary>
[TestClass]
public sealed class CommandLineTests
{
    private const string CleanSource = "namespace Fixture { public static class Clean { public static int One() { return 1; } } }";

    [TestMethod]
    public void ACleanAssemblyExitsWithZeroAndASummary()
    {
        string path = NanoCompiler.Compile("CliClean", CleanSource);

        (int exitCode, string[] lines, _) = Run(path);

        Assert.AreEqual(Program.ExitClean, exitCode);
        CollectionAssert.AreEqual(new[] { "nfcheck: 1 assemblies, 0 violations" }, lines);
    }

    [TestMethod]
    public void ViolationsArePrintedOnePerLineAndExitWithOne()
    {
        string path = NanoCompiler.Compile("CliGeneric", "namespace Fixture { public class Box<T> { } public class Grid { public int[,] Cells; } }");

        (int exitCode, string[] lines, _) = Run(path);

        Assert.AreEqual(Program.ExitViolations, exitCode);
        CollectionAssert.AreEqual(new[]
        {
            $"nfcheck: {path}: NF001: Fixture.Box`1: generic type definition <T>",
            $"nfcheck: {path}: NF003: Fixture.Grid::Cells: multidimensional array int[,] (field type)",
            "nfcheck: 1 assemblies, 2 violations",
        }, lines);
    }

    [TestMethod]
    public void AssembliesCheckedTogetherMayReferenceEachOther()
    {
        string helpers = NanoCompiler.Compile("CliHelpers", "namespace Helpers { public static class Scale { public static int Twice(int x) { return x * 2; } } }");
        string user = NanoCompiler.Compile("CliUser", "namespace Fixture { public static class User { public static int Run() { return Helpers.Scale.Twice(2); } } }",
            references: helpers);

        Assert.AreEqual(Program.ExitViolations, Run(user).ExitCode);
        Assert.AreEqual(Program.ExitClean, Run(user, helpers).ExitCode);
        Assert.AreEqual(Program.ExitClean, Run("--allow", "CliHelpers", user).ExitCode);
    }

    [TestMethod]
    public void AMissingAssemblyIsAnErrorWithExitTwo()
    {
        (int exitCode, string[] lines, string error) = Run(Path.Combine(Path.GetTempPath(), "no-such-assembly.dll"));

        Assert.AreEqual(Program.ExitError, exitCode);
        Assert.IsEmpty(lines);
        StringAssert.Contains(error, "no-such-assembly.dll");
    }

    [TestMethod]
    public void AFileThatIsNotAnAssemblyIsAnErrorWithExitTwo()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "not a PE file");
        try
        {
            Assert.AreEqual(Program.ExitError, Run(path).ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    [DataRow(new string[0], DisplayName = "no arguments")]
    [DataRow(new[] { "--allow" }, DisplayName = "--allow without a name")]
    [DataRow(new[] { "--frobnicate", "x.dll" }, DisplayName = "unknown option")]
    public void AUsageErrorExitsWithTwo(string[] args)
    {
        (int exitCode, _, string error) = Run(args);

        Assert.AreEqual(Program.ExitError, exitCode);
        StringAssert.Contains(error, "usage: nfcheck");
    }

    private static (int ExitCode, string[] Lines, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = Program.Run(args, output, error);
        string[] lines = output.ToString().Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0).ToArray();
        return (exitCode, lines, error.ToString());
    }
}
