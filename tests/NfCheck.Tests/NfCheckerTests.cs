using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>The library entry point and the violation line.</summary>
[TestClass]
public sealed class NfCheckerTests
{
    [TestMethod]
    public void TheStaticEntryPointFindsTheNanoMscorlibByItself()
    {
        // Telling that DayOfWeek is an enum needs mscorlib, which Check(path, allowed) locates itself.
        string path = NanoCompiler.Compile("StaticEntry", """
            namespace Fixture { public static class Log { public static string Today() { return System.DateTime.UtcNow.DayOfWeek.ToString(); } } }
            """);

        IReadOnlyList<Violation> violations = NfChecker.Check(path, new string[0]);

        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
    }

    [TestMethod]
    public void AViolationPrintsAsFileRuleLocationAndMessage()
    {
        var violation = new Violation("bin/App.dll", RuleIds.MethodCount, "App.Big", "256 static methods");

        Assert.AreEqual("nfcheck: bin/App.dll: NF004: App.Big: 256 static methods", violation.ToString());
    }

    [TestMethod]
    public void TheNanoMscorlibItselfDecodesAndOnlyItsGenericDelegatesAreReported()
    {
        // Every method body of mscorlib goes through the IL reader: an opcode table gap would throw.
        IReadOnlyList<Violation> violations = Checks.Check(NanoCompiler.MscorlibPath);

        Checks.AssertOnly(RuleIds.GenericDefinition, violations);
        Assert.HasCount(6, violations, Checks.Describe(violations));
    }
}
