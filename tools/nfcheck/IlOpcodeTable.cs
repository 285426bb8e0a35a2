using System.Reflection;
using System.Reflection.Emit;

namespace NfCheck;

/// <summary>
/// The CIL opcode table (ECMA-335 III), one-byte opcodes and those after the 0xFE prefix, built from
/// <see cref="OpCodes"/> so names and operand kinds are exactly the runtime's own.
/// </summary>
internal static class IlOpcodeTable
{
    /// <summary>The prefix byte of the two-byte opcodes (ceq, ldftn, constrained., ...).</summary>
    public const byte TwoBytePrefix = 0xFE;

    private static readonly OpCode?[] s_oneByte = new OpCode?[256];
    private static readonly OpCode?[] s_twoByte = new OpCode?[256];

    static IlOpcodeTable()
    {
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is not OpCode opCode)
            {
                continue;
            }

            ushort value = unchecked((ushort)opCode.Value);
            if (opCode.Size == 1)
            {
                s_oneByte[value] = opCode;
            }
            else if ((value >> 8) == TwoBytePrefix)
            {
                s_twoByte[value & 0xFF] = opCode;
            }
        }
    }

    /// <summary>The opcode of a single byte, or null if the byte is not one.</summary>
    public static OpCode? OneByte(byte value) => s_oneByte[value];

    /// <summary>The opcode whose second byte (after 0xFE) is <paramref name="value"/>, or null.</summary>
    public static OpCode? TwoByte(byte value) => s_twoByte[value];

    /// <summary>
    /// The size in bytes of an operand of this kind; for <see cref="OperandType.InlineSwitch"/> only
    /// the count (the 4-byte targets that follow are added by the reader).
    /// </summary>
    public static int OperandSize(OperandType operandType) => operandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        // InlineBrTarget, InlineField, InlineI, InlineMethod, InlineSig, InlineString, InlineSwitch,
        // InlineTok, InlineType, ShortInlineR: four bytes.
        _ => 4,
    };

    /// <summary>Whether the 4-byte operand of this kind is a metadata token.</summary>
    public static bool IsToken(OperandType operandType) => operandType is OperandType.InlineField
        or OperandType.InlineMethod or OperandType.InlineSig or OperandType.InlineString
        or OperandType.InlineTok or OperandType.InlineType;
}
