using System.Collections.Generic;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NfCheck.Rules;

/// <summary>
/// Part of NF005. On the device <c>Enum.ToString()</c> gives the number, not the name (the runtime
/// keeps no enum member names), so a log line or a protocol string built from it silently changes.
/// Found as: a call to <c>System.Enum::ToString</c>; <c>constrained. E callvirt Object::ToString</c>
/// (what <c>e.ToString()</c> and string concatenation compile to); <c>box E</c> directly followed by
/// a call to <c>ToString</c>; a call to <c>Object::ToString</c> on a value loaded from an
/// argument, local, field or call result declared <c>System.Enum</c>; and <c>box E</c> whose next call is <c>String.Format</c> or
/// <c>String.Concat</c>, which is what an interpolated <c>$"{e}"</c> compiles to against the nano
/// mscorlib (it has no interpolated string handler): the formatter calls the same ToString.
/// </summary>
internal static class EnumToStringCheck
{
    private const string Subject = "Enum.ToString";

    public static void Check(AssemblyContext context, string ruleId, Location location, MethodDefinitionHandle method, IReadOnlyList<IlInstruction> instructions)
    {
        MetadataReader reader = context.Reader;
        for (int i = 0; i < instructions.Count; i++)
        {
            IlInstruction instruction = instructions[i];
            if (instruction.Is(OpCodes.Box) && NextCallFormats(reader, instructions, i))
            {
                ReportIfEnum(context, ruleId, location, instruction, "String.Format");
                continue;
            }

            if (!instruction.IsCall || MetadataNames.NameOf(reader, instruction.Entity) != "ToString")
            {
                continue;
            }

            (string ns, string declaringType) = MetadataNames.DeclaringTypeOf(reader, instruction.Entity);
            if (ns != "System")
            {
                continue;
            }

            if (declaringType == "Enum")
            {
                context.Report(ruleId, location, Subject,
                    "calls System.Enum::ToString, which gives the number, not the name, on the device");
                continue;
            }

            if (declaringType is not ("Object" or "ValueType") || i == 0)
            {
                continue;
            }

            IlInstruction previous = instructions[i - 1];
            if (previous.Is(OpCodes.Constrained) || previous.Is(OpCodes.Box))
            {
                ReportIfEnum(context, ruleId, location, previous, "ToString");
            }
            else if (LoadedValueType.Of(context, method, previous) == "System.Enum")
            {
                context.Report(ruleId, location, Subject,
                    "calls ToString on a System.Enum, which gives the number, not the name, on the device");
            }
        }
    }

    /// <summary>
    /// Whether the first call after instruction <paramref name="box"/> is String.Format or
    /// String.Concat: the boxed value is then one of their arguments (or in their params array).
    /// </summary>
    private static bool NextCallFormats(MetadataReader reader, IReadOnlyList<IlInstruction> instructions, int box)
    {
        for (int i = box + 1; i < instructions.Count; i++)
        {
            IlInstruction next = instructions[i];
            if (next.IsCall || next.Is(OpCodes.Newobj))
            {
                string name = MetadataNames.NameOf(reader, next.Entity);
                return MetadataNames.DeclaringTypeOf(reader, next.Entity) == ("System", "String")
                    && name is "Format" or "Concat";
            }

            if (next.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
            {
                return false;
            }
        }

        return false;
    }

    private static void ReportIfEnum(AssemblyContext context, string ruleId, Location location, IlInstruction typeOperand, string how)
    {
        MetadataReader reader = context.Reader;
        EntityHandle type = typeOperand.Entity;
        string typeName = MetadataNames.OfType(reader, type);
        switch (context.Catalog.IsEnum(reader, type))
        {
            case true:
                context.Report(ruleId, location, Subject,
                    how == "ToString"
                        ? $"calls ToString on enum {typeName} ({typeOperand.OpCode.Name}), which gives the number, not the name, on the device"
                        : $"passes enum {typeName} boxed to {how} (an interpolated string?), which gives the number, not the name, on the device");
                break;
            // Unseen mscorlib types are nearly all primitives (box int before String.Format): not reported.
            case null when type.Kind == HandleKind.TypeReference
                && !string.Equals(MetadataNames.AssemblyOf(reader, (TypeReferenceHandle)type), NfChecker.Mscorlib, System.StringComparison.OrdinalIgnoreCase):
                context.Report(ruleId, location, Subject,
                    $"calls {how} on {typeName} ({typeOperand.OpCode.Name}), defined in an assembly nfcheck cannot see; if it is an enum the device gives the number, not the name (check that assembly in the same run)");
                break;
        }
    }
}
