using System.Collections.Generic;
using System.Reflection.Emit;

namespace NfCheck.Rules;

/// <summary>
/// Part of NF005. The device ignores the overflow check of add.ovf, sub.ovf, mul.ovf and conv.ovf.*
/// (and their .un forms): <c>checked</c> code wraps instead of throwing, so a guard written as a
/// <c>checked</c> block never fires. Roslyn also emits conv.ovf.i for a long or ulong array index or
/// size, where a wrapped value silently picks another element.
/// </summary>
internal static class OverflowCheck
{
    private static readonly HashSet<short> s_overflowOpcodes = new()
    {
        OpCodes.Add_Ovf.Value, OpCodes.Add_Ovf_Un.Value,
        OpCodes.Sub_Ovf.Value, OpCodes.Sub_Ovf_Un.Value,
        OpCodes.Mul_Ovf.Value, OpCodes.Mul_Ovf_Un.Value,
        OpCodes.Conv_Ovf_I.Value, OpCodes.Conv_Ovf_I1.Value, OpCodes.Conv_Ovf_I2.Value,
        OpCodes.Conv_Ovf_I4.Value, OpCodes.Conv_Ovf_I8.Value,
        OpCodes.Conv_Ovf_U.Value, OpCodes.Conv_Ovf_U1.Value, OpCodes.Conv_Ovf_U2.Value,
        OpCodes.Conv_Ovf_U4.Value, OpCodes.Conv_Ovf_U8.Value,
        OpCodes.Conv_Ovf_I_Un.Value, OpCodes.Conv_Ovf_I1_Un.Value, OpCodes.Conv_Ovf_I2_Un.Value,
        OpCodes.Conv_Ovf_I4_Un.Value, OpCodes.Conv_Ovf_I8_Un.Value,
        OpCodes.Conv_Ovf_U_Un.Value, OpCodes.Conv_Ovf_U1_Un.Value, OpCodes.Conv_Ovf_U2_Un.Value,
        OpCodes.Conv_Ovf_U4_Un.Value, OpCodes.Conv_Ovf_U8_Un.Value,
    };

    public static void Check(AssemblyContext context, string ruleId, Location location, IReadOnlyList<IlInstruction> instructions)
    {
        foreach (IlInstruction instruction in instructions)
        {
            if (s_overflowOpcodes.Contains(instruction.OpCode.Value))
            {
                string name = instruction.OpCode.Name ?? "?";
                context.Report(ruleId, location, name,
                    $"overflow-checked {name} at IL_{instruction.Offset:X4} wraps silently on the device (a checked expression, or a long array index or size)");
            }
        }
    }
}
