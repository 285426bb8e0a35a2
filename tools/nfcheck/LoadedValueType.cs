using System.Collections.Immutable;
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

        if (load.Code is ILOpCode.Ldfld or ILOpCode.Ldsfld)
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

    private static int? ArgumentIndex(IlInstruction load) => load.Code switch
    {
        ILOpCode.Ldarg_0 => 0,
        ILOpCode.Ldarg_1 => 1,
        ILOpCode.Ldarg_2 => 2,
        ILOpCode.Ldarg_3 => 3,
        ILOpCode.Ldarg_s or ILOpCode.Ldarg => load.Operand,
        _ => null,
    };

    private static int? LocalIndex(IlInstruction load) => load.Code switch
    {
        ILOpCode.Ldloc_0 => 0,
        ILOpCode.Ldloc_1 => 1,
        ILOpCode.Ldloc_2 => 2,
        ILOpCode.Ldloc_3 => 3,
        ILOpCode.Ldloc_s or ILOpCode.Ldloc => load.Operand,
        _ => null,
    };
}
