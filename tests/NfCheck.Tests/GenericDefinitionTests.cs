using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>NF001: the runtime cannot load generic type or method definitions.</summary>
[TestClass]
public sealed class GenericDefinitionTests
{
    [TestMethod]
    public void AGenericTypeDefinitionIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("GenericType", """
            namespace Fixture
            {
                public class Box<T> { public T Value; }
            }
            """);

        Checks.AssertOnly(RuleIds.GenericDefinition, violations);
        StringAssert.Contains(Checks.At("Fixture.Box`1", violations).Message, "<T>");
    }

    [TestMethod]
    public void AGenericMethodDefinitionIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("GenericMethod", """
            namespace Fixture
            {
                public static class Util { public static T Same<T>(T value) { return value; } }
            }
            """);

        Checks.AssertOnly(RuleIds.GenericDefinition, violations);
        Checks.At("Fixture.Util::Same", violations);
    }

    [TestMethod]
    public void AGenericInterfaceDefinitionIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("GenericInterface", """
            namespace Fixture
            {
                public interface IHandler<TMessage> { void Handle(TMessage message); }
            }
            """);

        Checks.AssertOnly(RuleIds.GenericDefinition, violations);
        StringAssert.Contains(Checks.At("Fixture.IHandler`1", violations).Message, "<TMessage>");
    }
}
