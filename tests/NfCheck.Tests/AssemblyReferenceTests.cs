using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>NF006: on the device only mscorlib and the assemblies deployed together can be resolved.</summary>
[TestClass]
public sealed class AssemblyReferenceTests
{
    private const string HelpersSource = "namespace Helpers { public static class Scale { public static int Double(int x) { return x * 2; } } }";
    private const string UserSource = "namespace Fixture { public static class User { public static int Run() { return Helpers.Scale.Double(21); } } }";

    [TestMethod]
    public void AReferenceToAnAssemblyThatIsNotDeployedIsReported()
    {
        string helpers = NanoCompiler.Compile("Helpers", HelpersSource);
        string user = NanoCompiler.Compile("HelpersUser", UserSource, references: helpers);

        IReadOnlyList<Violation> violations = Checks.Check(user);

        Checks.AssertOnly(RuleIds.AssemblyReference, violations);
        StringAssert.Contains(Checks.At("<assembly>", violations).Message, "Helpers");
    }

    [TestMethod]
    public void AReferenceToAnAllowedAssemblyPasses()
    {
        string helpers = NanoCompiler.Compile("Helpers", HelpersSource);
        string user = NanoCompiler.Compile("HelpersUser", UserSource, references: helpers);

        Checks.AssertClean(Checks.Check(user, new[] { "Helpers" }));
    }

    [TestMethod]
    public void AReferenceToAHostOnlyAssemblyIsReported()
    {
        // What a nano build that slipped onto a host reference would carry.
        string netstandardLike = NanoCompiler.Compile("System.Runtime", "namespace System.Host { public static class Clock { public static int Now() { return 0; } } }");
        string user = NanoCompiler.Compile("HostUser", "namespace Fixture { public static class User { public static int Run() { return System.Host.Clock.Now(); } } }",
            references: netstandardLike);

        IReadOnlyList<Violation> violations = Checks.Check(user);

        Checks.AssertOnly(RuleIds.AssemblyReference, violations);
        StringAssert.Contains(Checks.At("<assembly>", violations).Message, "System.Runtime");
    }
}
