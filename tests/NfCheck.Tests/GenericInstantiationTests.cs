using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>
/// NF002: instantiating a generic, even mscorlib's own Action/Func/EventHandler, crashes the runtime
/// while it resolves the assembly.
/// </summary>
[TestClass]
public sealed class GenericInstantiationTests
{
    private const string GenericLibrarySource = """
        namespace Library
        {
            public static class Util { public static T Same<T>(T value) { return value; } }
            public class Base<T> { }
            public interface IHandler<T> { void Handle(T value); }
        }
        """;

    private static readonly Lazy<string> s_genericLibrary = new(() => NanoCompiler.Compile("GenericLibrary", GenericLibrarySource));

    [TestMethod]
    public void AnActionOfIntFieldIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("ActionField", """
            namespace Fixture
            {
                public class Widget { public System.Action<int> Handler; }
            }
            """);

        Checks.AssertOnly(RuleIds.GenericInstantiation, violations);
        Violation field = Checks.At("Fixture.Widget::Handler", violations);
        StringAssert.Contains(field.Message, "System.Action`1<int>");
        StringAssert.Contains(field.Message, "field type");
    }

    [TestMethod]
    public void AFuncLocalIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("FuncLocal", """
            namespace Fixture
            {
                public static class Widget
                {
                    public static int Run() { System.Func<int, string, bool> check = null; return check == null ? 0 : 1; }
                }
            }
            """);

        Checks.AssertOnly(RuleIds.GenericInstantiation, violations);
        StringAssert.Contains(Checks.At("Fixture.Widget::Run", violations).Message, "System.Func`3<int, string, bool> (local variable)");
    }

    [TestMethod]
    public void AnEventHandlerOfTEventIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("GenericEvent", """
            namespace Fixture
            {
                public class ReadingEventArgs : System.EventArgs { }
                public class Meter { public event System.EventHandler<ReadingEventArgs> Changed; }
            }
            """);

        Checks.AssertOnly(RuleIds.GenericInstantiation, violations);
        Checks.At("Fixture.Meter::Changed", violations);
        Checks.At("Fixture.Meter::add_Changed", violations);
    }

    [TestMethod]
    public void ALambdaConvertedToAnActionOfIntIsReportedInTheMethodThatCreatesIt()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("ActionLambda", """
            namespace Fixture
            {
                public class Widget
                {
                    public int Total;
                    public void Run() { System.Action<int> add = x => Total += x; add(2); }
                }
            }
            """);

        Checks.AssertOnly(RuleIds.GenericInstantiation, violations);
        StringAssert.Contains(Checks.At("Fixture.Widget::Run", violations).Message, "System.Action`1<int>");
    }

    [TestMethod]
    public void AnInstantiationInsideAClosureNamesTheMemberItCameFrom()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("ClosureAction", """
            namespace Fixture
            {
                public static class Widget
                {
                    public static void Run(System.Action<int> log)
                    {
                        int offset = 3;
                        System.Threading.ThreadStart start = () => log(offset);
                        start();
                    }
                }
            }
            """);

        Checks.AssertOnly(RuleIds.GenericInstantiation, violations);
        Violation capturedField = violations.Single(v => v.Location.EndsWith("::log", StringComparison.Ordinal));
        StringAssert.StartsWith(capturedField.Location, "Fixture.Widget+<>c__DisplayClass");
        StringAssert.Contains(capturedField.Message, "the closure of Fixture.Widget::Run");
        Violation lambda = violations.Single(v => v.Location.EndsWith("::<Run>b__0", StringComparison.Ordinal));
        StringAssert.Contains(lambda.Message, "a lambda in Fixture.Widget::Run");
    }

    [TestMethod]
    public void ACallOfAGenericMethodIsReported()
    {
        string fixture = NanoCompiler.Compile("GenericCall", """
            namespace Fixture
            {
                public static class Widget { public static int Run() { return Library.Util.Same(3); } }
            }
            """, references: s_genericLibrary.Value);

        IReadOnlyList<Violation> violations = Checks.Check(fixture, new[] { "GenericLibrary" }, s_genericLibrary.Value);

        Checks.AssertOnly(RuleIds.GenericInstantiation, violations);
        StringAssert.Contains(Checks.At("Fixture.Widget::Run", violations).Message, "Library.Util::Same<int>");
    }

    [TestMethod]
    public void ABaseTypeInstantiatingAGenericIsReported()
    {
        string fixture = NanoCompiler.Compile("GenericBase", """
            namespace Fixture { public class Derived : Library.Base<int> { } }
            """, references: s_genericLibrary.Value);

        IReadOnlyList<Violation> violations = Checks.Check(fixture, new[] { "GenericLibrary" }, s_genericLibrary.Value);

        Checks.AssertOnly(RuleIds.GenericInstantiation, violations);
        StringAssert.Contains(Checks.At("Fixture.Derived", violations).Message, "Library.Base`1<int> (base type)");
    }

    [TestMethod]
    public void AnImplementedGenericInterfaceIsReported()
    {
        string fixture = NanoCompiler.Compile("GenericInterfaceImpl", """
            namespace Fixture { public class Handler : Library.IHandler<string> { public void Handle(string value) { } } }
            """, references: s_genericLibrary.Value);

        IReadOnlyList<Violation> violations = Checks.Check(fixture, new[] { "GenericLibrary" }, s_genericLibrary.Value);

        Checks.AssertOnly(RuleIds.GenericInstantiation, violations);
        StringAssert.Contains(Checks.At("Fixture.Handler", violations).Message, "Library.IHandler`1<string> (implemented interface)");
    }
}
