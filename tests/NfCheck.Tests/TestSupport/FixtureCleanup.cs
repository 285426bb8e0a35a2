using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NfCheck.Tests.TestSupport;

[TestClass]
public static class FixtureCleanup
{
    [AssemblyCleanup]
    public static void DeleteCompiledFixtures() => NanoCompiler.DeleteFixtures();
}
