using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NfCheck.Tests.TestSupport;

namespace NfCheck.Tests;

/// <summary>
/// NF005: code that runs on the device but differently: Enum.ToString gives the number,
/// double.ToString("R") throws, checked arithmetic wraps.
/// </summary>
[TestClass]
public sealed class DeviceMisbehaviourTests
{
    [TestMethod]
    [DataRow("return mode.ToString();", DisplayName = "e.ToString()")]
    [DataRow("return \"mode \" + mode;", DisplayName = "concatenation")]
    [DataRow("return $\"mode {mode}\";", DisplayName = "interpolation")]
    [DataRow("return ((object)mode).ToString();", DisplayName = "boxed ToString")]
    [DataRow("return string.Format(\"{0}\", mode);", DisplayName = "String.Format")]
    public void TurningAnEnumIntoTextIsReported(string body)
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("EnumText", $$"""
            namespace Fixture
            {
                public enum Mode { Idle, Charging }
                public static class Log { public static string Describe(Mode mode) { {{body}} } }
            }
            """);

        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
        StringAssert.Contains(Checks.At("Fixture.Log::Describe", violations).Message, "Fixture.Mode");
    }

    [TestMethod]
    public void CallingSystemEnumToStringIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("SystemEnumText", """
            namespace Fixture
            {
                public static class Log { public static string Describe(System.Enum value) { return value.ToString(); } }
            }
            """);

        // Roslyn emits callvirt Object::ToString (the least-derived override) on the System.Enum argument.
        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
        StringAssert.Contains(Checks.At("Fixture.Log::Describe", violations).Message, "System.Enum");
    }

    [TestMethod]
    public void AnEnumOfAnotherAssemblyCheckedTogetherIsRecognised()
    {
        string library = NanoCompiler.Compile("EnumLibrary", "namespace Library { public enum Mode { Idle, Charging } }");
        string fixture = NanoCompiler.Compile("EnumUser", """
            namespace Fixture { public static class Log { public static string Describe(Library.Mode mode) { return mode.ToString(); } } }
            """, references: library);

        IReadOnlyList<Violation> violations = Checks.Check(fixture, new[] { "EnumLibrary" }, library);

        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
        StringAssert.Contains(Checks.At("Fixture.Log::Describe", violations).Message, "enum Library.Mode");
    }

    [TestMethod]
    public void AnEnumOfMscorlibIsRecognised()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("MscorlibEnum", """
            namespace Fixture { public static class Log { public static string Today() { return System.DateTime.UtcNow.DayOfWeek.ToString(); } } }
            """);

        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
        StringAssert.Contains(Checks.At("Fixture.Log::Today", violations).Message, "enum System.DayOfWeek");
    }

    [TestMethod]
    public void ToStringOfAStructThatOverridesItPasses()
    {
        Checks.AssertClean(Checks.CompileAndCheck("StructText", """
            namespace Fixture
            {
                public struct Reading { public int MilliVolts; public override string ToString() { return MilliVolts.ToString(); } }
                public static class Log { public static string Describe(Reading reading) { return "reading " + reading + $" {reading}"; } }
            }
            """));
    }

    [TestMethod]
    [DataRow("double", "R")]
    [DataRow("float", "r")]
    [DataRow("double", "R17")]
    public void RoundTripFormattingOfAFloatingPointNumberIsReported(string type, string format)
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("RoundTrip", $$"""
            namespace Fixture
            {
                public static class Log { public static string Describe({{type}} value) { return value.ToString("{{format}}"); } }
            }
            """);

        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
        StringAssert.Contains(Checks.At("Fixture.Log::Describe", violations).Message, $"ToString(\"{format}\")");
    }

    [TestMethod]
    public void AnInterpolatedRoundTripFormatIsReported()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("RoundTripInterpolated", """
            namespace Fixture
            {
                public static class Log { public static string Describe(double amps) { return $"I={amps:R} A"; } }
            }
            """);

        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
        StringAssert.Contains(Checks.At("Fixture.Log::Describe", violations).Message, "{0:R}");
    }

    [TestMethod]
    [DataRow("return checked(a + b);", "add.ovf")]
    [DataRow("return checked(a - b);", "sub.ovf")]
    [DataRow("return checked(a * b);", "mul.ovf")]
    [DataRow("return checked((short)a);", "conv.ovf.i2")]
    [DataRow("return (int)checked((uint)a);", "conv.ovf.u4")]
    [DataRow("return (int)checked((uint)a + (uint)b);", "add.ovf.un")]
    public void OverflowCheckedArithmeticIsReported(string body, string opcode)
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("Checked", $$"""
            namespace Fixture
            {
                public static class Energy { public static int Add(int a, int b) { {{body}} } }
            }
            """, OptimizationLevel.Release);

        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
        Assert.IsTrue(violations.Any(v => v.Location == "Fixture.Energy::Add" && v.Message.Contains($"overflow-checked {opcode} ")),
            Checks.Describe(violations));
    }

    [TestMethod]
    public void ALongArrayIndexIsReportedAsAnOverflowCheckedConversion()
    {
        IReadOnlyList<Violation> violations = Checks.CompileAndCheck("LongIndex", """
            namespace Fixture
            {
                public static class Buffer { public static byte At(byte[] data, long index) { return data[index]; } }
            }
            """);

        Checks.AssertOnly(RuleIds.DeviceMisbehaviour, violations);
        StringAssert.Contains(Checks.At("Fixture.Buffer::At", violations).Message, "conv.ovf.i");
    }
}
