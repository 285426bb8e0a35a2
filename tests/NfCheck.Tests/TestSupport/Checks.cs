using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NfCheck.Tests.TestSupport;

/// <summary>Compile-and-check helpers shared by the rule tests.</summary>
internal static class Checks
{
    /// <summary>Compiles a fixture and checks it on its own (it may reference only mscorlib).</summary>
    public static IReadOnlyList<Violation> CompileAndCheck(string name, string source, OptimizationLevel optimization = OptimizationLevel.Debug)
    {
        string path = NanoCompiler.Compile(name, source, optimization);
        return Check(path);
    }

    /// <summary>Checks one assembly the way <c>nfcheck</c> does, with the nano mscorlib and <paramref name="others"/> to look into.</summary>
    public static IReadOnlyList<Violation> Check(string path, string[]? allowed = null, params string[] others)
    {
        var checker = new NfChecker(allowed ?? Array.Empty<string>(), others.Append(path).Append(NanoCompiler.MscorlibPath));
        return checker.Check(path);
    }

    /// <summary>Asserts there are violations and all of them are of <paramref name="ruleId"/>.</summary>
    public static void AssertOnly(string ruleId, IReadOnlyList<Violation> violations)
    {
        Assert.IsNotEmpty(violations, $"expected {ruleId}, found no violation");
        Assert.IsTrue(violations.All(v => v.RuleId == ruleId), $"expected only {ruleId}, found:{Environment.NewLine}{Describe(violations)}");
    }

    /// <summary>Asserts no violation at all.</summary>
    public static void AssertClean(IReadOnlyList<Violation> violations) =>
        Assert.IsEmpty(violations, $"expected no violation, found:{Environment.NewLine}{Describe(violations)}");

    /// <summary>The single violation at <paramref name="location"/>, or a failure that lists what was found.</summary>
    public static Violation At(string location, IReadOnlyList<Violation> violations)
    {
        Violation[] found = violations.Where(v => v.Location == location).ToArray();
        Assert.HasCount(1, found, $"expected one violation at {location}, found:{Environment.NewLine}{Describe(violations)}");
        return found[0];
    }

    public static string Describe(IEnumerable<Violation> violations) =>
        string.Join(Environment.NewLine, violations.Select(v => v.ToString()));
}
