using System.Collections.Generic;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;

namespace NfCheck.Rules;

/// <summary>
/// Part of NF005. <c>double.ToString("R")</c> and <c>float.ToString("R")</c> throw on the device
/// (its number formatter has no round-trip format). Found as an <c>ldstr "R"</c> (or "r", "R17")
/// feeding <c>System.Double/Single::ToString(string...)</c>, and as a composite format string with
/// an <c>{n:R}</c> item (an interpolated <c>$"{x:R}"</c>), which reaches the same formatter.
/// </summary>
internal static class RoundTripFormatCheck
{
    private const string Subject = "ToString(\"R\")";

    /// <summary>How many instructions may lie between the format string and the call (an IFormatProvider argument).</summary>
    private const int ArgumentWindow = 2;

    private static readonly Regex s_roundTrip = new(@"^[Rr]\d*$", RegexOptions.CultureInvariant);
    private static readonly Regex s_compositeRoundTrip = new(@"\{\d+\s*(,\s*-?\d+\s*)?:[Rr]\d*\}", RegexOptions.CultureInvariant);

    public static void Check(AssemblyContext context, string ruleId, Location location, IReadOnlyList<IlInstruction> instructions)
    {
        MetadataReader reader = context.Reader;
        for (int i = 0; i < instructions.Count; i++)
        {
            IlInstruction instruction = instructions[i];
            if (instruction.Is(OpCodes.Ldstr))
            {
                string value = reader.GetUserString(instruction.UserString);
                if (s_compositeRoundTrip.IsMatch(value))
                {
                    context.Report(ruleId, location, Subject,
                        $"format string \"{value}\" uses the round-trip format R, which throws on the device");
                }

                continue;
            }

            if (!IsFloatingToStringWithFormat(reader, instruction))
            {
                continue;
            }

            for (int back = i - 1; back >= 0 && back >= i - ArgumentWindow; back--)
            {
                if (instructions[back].Is(OpCodes.Ldstr)
                    && s_roundTrip.IsMatch(reader.GetUserString(instructions[back].UserString)))
                {
                    (_, string type) = MetadataNames.DeclaringTypeOf(reader, instruction.Entity);
                    context.Report(ruleId, location, Subject,
                        $"calls System.{type}::ToString(\"{reader.GetUserString(instructions[back].UserString)}\"), which throws on the device");
                    break;
                }
            }
        }
    }

    private static bool IsFloatingToStringWithFormat(MetadataReader reader, IlInstruction instruction)
    {
        if (!instruction.IsCall || MetadataNames.NameOf(reader, instruction.Entity) != "ToString")
        {
            return false;
        }

        (string ns, string type) = MetadataNames.DeclaringTypeOf(reader, instruction.Entity);
        if (ns != "System" || type is not ("Double" or "Single"))
        {
            return false;
        }

        MethodSignature<TypeShape> signature = instruction.Entity.Kind == HandleKind.MemberReference
            ? reader.GetMemberReference((MemberReferenceHandle)instruction.Entity).DecodeMethodSignature(ShapeProvider.Instance, null)
            : reader.GetMethodDefinition((MethodDefinitionHandle)instruction.Entity).DecodeSignature(ShapeProvider.Instance, null);
        return signature.ParameterTypes.Length > 0 && signature.ParameterTypes[0].Name == "string";
    }
}
