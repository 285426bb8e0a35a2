using System;
using System.Collections.Generic;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NfCheck;

/// <summary>Walks a method body's IL with <see cref="IlOpcodeTable"/>, instruction by instruction.</summary>
internal static class IlReader
{
    /// <summary>Decodes every instruction of <paramref name="body"/>.</summary>
    /// <exception cref="BadImageFormatException">An unknown opcode or a truncated operand.</exception>
    public static IReadOnlyList<IlInstruction> Read(MethodBodyBlock body)
    {
        var instructions = new List<IlInstruction>();
        BlobReader il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            int offset = il.Offset;
            byte first = il.ReadByte();
            OpCode? opCode = first == IlOpcodeTable.TwoBytePrefix
                ? IlOpcodeTable.TwoByte(il.ReadByte())
                : IlOpcodeTable.OneByte(first);
            if (opCode is not OpCode op)
            {
                throw new BadImageFormatException($"unknown IL opcode 0x{first:X2} at IL_{offset:X4}");
            }

            int operand = 0;
            switch (op.OperandType)
            {
                case OperandType.InlineSwitch:
                    uint targets = il.ReadUInt32();
                    il.Offset += checked((int)targets * 4);
                    break;
                case OperandType.ShortInlineVar:
                    operand = il.ReadByte();
                    break;
                case OperandType.ShortInlineI or OperandType.ShortInlineBrTarget:
                    operand = il.ReadSByte();
                    break;
                case OperandType.InlineVar:
                    operand = il.ReadUInt16();
                    break;
                case OperandType.ShortInlineR or OperandType.InlineI8 or OperandType.InlineR or OperandType.InlineNone:
                    il.Offset += IlOpcodeTable.OperandSize(op.OperandType);
                    break;
                default:
                    // Tokens, InlineI and InlineBrTarget: four bytes.
                    operand = il.ReadInt32();
                    break;
            }

            instructions.Add(new IlInstruction(offset, op, operand));
        }

        return instructions;
    }
}
