using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace NfCheck;

/// <summary>
/// The declared type of the value one load instruction pushes (an argument, a local, a field, a
/// call's result), for rules that must know a call's receiver without simulating the whole stack.
/// </summary>
internal static class LoadedValueType
{
    /// <summary>The type's name as <see cref="ShapeProvider"/> spells it, or null if not a plain load.</summary>
    public static string? Of(AssemblyContext context, MethodDefinitionHandle method, IlInstruction load)
    {
        MetadataReader reader = context.Reader;
        OpCode op = load.OpCode;
        if (ArgumentIndex(load) is int argument)
        {
            MethodDefinition definition = reader.GetMethodDefinition(method);
            bool hasThis = (definition.Attributes & System.Reflection.MethodAttributes.Static) == 0;
            if (hasThis && argument == 0)
            {
                return MetadataNames.Of(reader, definition.GetDeclaringType());
            }

            ImmutableArray<TypeShape> parameters = definition.DecodeSignature(ShapeProvider.Instance, null).ParameterTypes;
            int index = hasThis ? argument - 1 : argument;
            return index < parameters.Length ? parameters[index].Name : null;
        }

        if (LocalIndex(load) is int local)
        {
            MethodBodyBlock? body = context.Body(method);
            if (body is null || body.LocalSignature.IsNil)
            {
                return null;
            }

            ImmutableArray<TypeShape> locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(ShapeProvider.Instance, null);
            return local < locals.Length ? locals[local].Name : null;
        }

        if (op.Value == OpCodes.Ldfld.Value || op.Value == OpCodes.Ldsfld.Value)
        {
            return load.Entity.Kind switch
            {
                HandleKind.FieldDefinition => reader.GetFieldDefinition((FieldDefinitionHandle)load.Entity).DecodeSignature(ShapeProvider.Instance, null).Name,
                HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)load.Entity).DecodeFieldSignature(ShapeProvider.Instance, null).Name,
                _ => null,
            };
        }

        if (load.IsCall)
        {
            return load.Entity.Kind switch
            {
                HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)load.Entity).DecodeSignature(ShapeProvider.Instance, null).ReturnType.Name,
                HandleKind.MemberReference when reader.GetMemberReference((MemberReferenceHandle)load.Entity).GetKind() == MemberReferenceKind.Method
                    => reader.GetMemberReference((MemberReferenceHandle)load.Entity).DecodeMethodSignature(ShapeProvider.Instance, null).ReturnType.Name,
                _ => null,
            };
        }

        return null;
    }

    private static int? ArgumentIndex(IlInstruction load)
    {
        short value = load.OpCode.Value;
        if (value == OpCodes.Ldarg_0.Value) return 0;
        if (value == OpCodes.Ldarg_1.Value) return 1;
        if (value == OpCodes.Ldarg_2.Value) return 2;
        if (value == OpCodes.Ldarg_3.Value) return 3;
        if (value == OpCodes.Ldarg_S.Value || value == OpCodes.Ldarg.Value) return load.Operand;
        return null;
    }

    private static int? LocalIndex(IlInstruction load)
    {
        short value = load.OpCode.Value;
        if (value == OpCodes.Ldloc_0.Value) return 0;
        if (value == OpCodes.Ldloc_1.Value) return 1;
        if (value == OpCodes.Ldloc_2.Value) return 2;
        if (value == OpCodes.Ldloc_3.Value) return 3;
        if (value == OpCodes.Ldloc_S.Value || value == OpCodes.Ldloc.Value) return load.Operand;
        return null;
    }
}
