using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NfCheck;

/// <summary>
/// One decoded instruction. <see cref="Operand"/> holds a token, a variable index, an int32 or
/// int8 literal, or a branch offset; it is 0 for no operand, 8-byte operands, floats and switch.
/// </summary>
internal readonly record struct IlInstruction(int Offset, OpCode OpCode, int Operand)
{
    /// <summary>The metadata token operand (see <see cref="HasToken"/>).</summary>
    public int Token => Operand;

    /// <summary>Whether the operand is a metadata token (field, method, type, signature or string).</summary>
    public bool HasToken => IlOpcodeTable.IsToken(OpCode.OperandType);

    /// <summary>The entity the operand names; not valid for ldstr (see <see cref="UserString"/>).</summary>
    public EntityHandle Entity => MetadataTokens.EntityHandle(Token);

    /// <summary>The string an <c>ldstr</c> loads.</summary>
    public UserStringHandle UserString => MetadataTokens.UserStringHandle(Token & 0x00FFFFFF);

    /// <summary>Whether this is <c>call</c> or <c>callvirt</c>.</summary>
    public bool IsCall => OpCode.Value == OpCodes.Call.Value || OpCode.Value == OpCodes.Callvirt.Value;

    /// <summary>The opcode as System.Reflection.Metadata numbers it (two-byte opcodes as 0xFEnn).</summary>
    public ILOpCode Code => (ILOpCode)unchecked((ushort)OpCode.Value);

    public bool Is(OpCode opCode) => OpCode.Value == opCode.Value;
}
