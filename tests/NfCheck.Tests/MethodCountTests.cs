using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>NF004: the runtime holds at most 255 methods of one kind (virtual, instance, static) per type.</summary>
[TestClass]
public sealed class MethodCountTests
{
    [TestMethod]
    public void ATypeWith256StaticMethodsIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("Static256", TypeWith(staticMethods: 256));

        Checks.AssertOnly(RuleIds.MethodCount, violations);
        StringAssert.Contains(Checks.At("Fixture.Many", violations).Message, "256 static methods");
    }

    [TestMethod]
    public void ATypeWith255StaticMethodsPasses()
    {
        Checks.AssertClean(Checks.CompileAndCheck("Static255", TypeWith(staticMethods: 255)));
    }

    [TestMethod]
    public void ATypeWith256VirtualMethodsIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("Virtual256", TypeWith(virtualMethods: 256));

        Checks.AssertOnly(RuleIds.MethodCount, violations);
        StringAssert.Contains(Checks.At("Fixture.Many", violations).Message, "256 virtual methods");
    }

    [TestMethod]
    public void ATypeWith255MethodsOfEachKindPasses()
    {
        // The implicit constructor is the 255th instance method.
        Checks.AssertClean(Checks.CompileAndCheck("EachKind255", TypeWith(staticMethods: 255, instanceMethods: 254, virtualMethods: 255)));
    }

    private static string TypeWith(int staticMethods = 0, int instanceMethods = 0, int virtualMethods = 0)
    {
        IEnumerable<string> methods = Enumerable.Range(0, staticMethods).Select(i => $"public static int S{i}() {{ return {i}; }}")
            .Concat(Enumerable.Range(0, instanceMethods).Select(i => $"public int I{i}() {{ return {i}; }}"))
            .Concat(Enumerable.Range(0, virtualMethods).Select(i => $"public virtual int V{i}() {{ return {i}; }}"));
        return "namespace Fixture { public class Many {\n" + string.Join("\n", methods) + "\n} }";
    }
}
