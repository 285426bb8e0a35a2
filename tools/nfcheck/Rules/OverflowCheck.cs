using System.Collections.Generic;
using System.Reflection.Metadata;

namespace NfCheck.Rules;

/// <summary>
/// Part of NF005. The device ignores the overflow check of add.ovf, sub.ovf, mul.ovf and conv.ovf.*
/// (and their .un forms): <c>checked</c> code wraps instead of throwing, so a guard written as a
/// <c>checked</c> block never fires. Roslyn also emits conv.ovf.i for a long or ulong array index or
/// size, where a wrapped value silently picks another element.
/// </summary>
internal static class OverflowCheck
{
    private static readonly HashSet<ILOpCode> s_overflowOpcodes = new()
    {
        ILOpCode.Add_ovf, ILOpCode.Add_ovf_un, ILOpCode.Sub_ovf, ILOpCode.Sub_ovf_un,
        ILOpCode.Mul_ovf, ILOpCode.Mul_ovf_un,
        ILOpCode.Conv_ovf_i, ILOpCode.Conv_ovf_i1, ILOpCode.Conv_ovf_i2, ILOpCode.Conv_ovf_i4, ILOpCode.Conv_ovf_i8,
        ILOpCode.Conv_ovf_u, ILOpCode.Conv_ovf_u1, ILOpCode.Conv_ovf_u2, ILOpCode.Conv_ovf_u4, ILOpCode.Conv_ovf_u8,
        ILOpCode.Conv_ovf_i_un, ILOpCode.Conv_ovf_i1_un, ILOpCode.Conv_ovf_i2_un, ILOpCode.Conv_ovf_i4_un, ILOpCode.Conv_ovf_i8_un,
        ILOpCode.Conv_ovf_u_un, ILOpCode.Conv_ovf_u1_un, ILOpCode.Conv_ovf_u2_un, ILOpCode.Conv_ovf_u4_un, ILOpCode.Conv_ovf_u8_un,
    };

    public static void Check(AssemblyContext context, string ruleId, Location location, IReadOnlyList<IlInstruction> instructions)
    {
        foreach (IlInstruction instruction in instructions)
        {
            if (s_overflowOpcodes.Contains(instruction.Code))
            {
                string name = instruction.OpCode.Name ?? "?";
                context.Report(ruleId, location, name,
                    $"overflow-checked {name} at IL_{instruction.Offset:X4} wraps silently on the device (a checked expression, or a long array index or size)");
            }
        }
    }
}
