using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;

namespace NfCheck;

/// <summary>
/// Decodes signature blobs (fields, methods, locals, properties, TypeSpecs, MethodSpecs) with
/// <see cref="SignatureDecoder{TType, TGenericContext}"/> into <see cref="TypeShape"/>s, flagging
/// every generic instantiation (ELEMENT_TYPE_GENERICINST) and every general array
/// (ELEMENT_TYPE_ARRAY, i.e. <c>int[,]</c> or a non-zero-based <c>int[*]</c>) on the way.
/// </summary>
internal sealed class ShapeProvider : ISignatureTypeProvider<TypeShape, object?>
{
    public static readonly ShapeProvider Instance = new();

    public TypeShape GetGenericInstantiation(TypeShape genericType, ImmutableArray<TypeShape> typeArguments)
    {
        string name = genericType.Name + "<" + string.Join(", ", typeArguments.Select(a => a.Name)) + ">";
        TypeShape inner = TypeShape.Around(name, typeArguments.ToArray());
        return inner with { GenericInstantiation = name };
    }

    public TypeShape GetArrayType(TypeShape elementType, ArrayShape shape)
    {
        string name = elementType.Name + "[" + (shape.Rank == 1 ? "*" : new string(',', shape.Rank - 1)) + "]";
        return TypeShape.Around(name, elementType) with { MultiDimensionalArray = name };
    }

    public TypeShape GetSZArrayType(TypeShape elementType) => TypeShape.Around(elementType.Name + "[]", elementType);

    public TypeShape GetByReferenceType(TypeShape elementType) => TypeShape.Around(elementType.Name + "&", elementType);

    public TypeShape GetPointerType(TypeShape elementType) => TypeShape.Around(elementType.Name + "*", elementType);

    public TypeShape GetPinnedType(TypeShape elementType) => TypeShape.Around(elementType.Name + " pinned", elementType);

    public TypeShape GetModifiedType(TypeShape modifier, TypeShape unmodifiedType, bool isRequired) =>
        TypeShape.Around(unmodifiedType.Name, unmodifiedType, modifier);

    public TypeShape GetFunctionPointerType(MethodSignature<TypeShape> signature) =>
        TypeShape.Around("method " + signature.ReturnType.Name + " *(" + string.Join(", ", signature.ParameterTypes.Select(p => p.Name)) + ")",
            Parts(signature));

    public TypeShape GetGenericMethodParameter(object? genericContext, int index) => new("!!" + index);

    public TypeShape GetGenericTypeParameter(object? genericContext, int index) => new("!" + index);

    public TypeShape GetPrimitiveType(PrimitiveTypeCode typeCode) => new(typeCode switch
    {
        PrimitiveTypeCode.Boolean => "bool",
        PrimitiveTypeCode.Byte => "byte",
        PrimitiveTypeCode.SByte => "sbyte",
        PrimitiveTypeCode.Char => "char",
        PrimitiveTypeCode.Int16 => "short",
        PrimitiveTypeCode.UInt16 => "ushort",
        PrimitiveTypeCode.Int32 => "int",
        PrimitiveTypeCode.UInt32 => "uint",
        PrimitiveTypeCode.Int64 => "long",
        PrimitiveTypeCode.UInt64 => "ulong",
        PrimitiveTypeCode.Single => "float",
        PrimitiveTypeCode.Double => "double",
        PrimitiveTypeCode.String => "string",
        PrimitiveTypeCode.Object => "object",
        PrimitiveTypeCode.Void => "void",
        PrimitiveTypeCode.IntPtr => "nint",
        PrimitiveTypeCode.UIntPtr => "nuint",
        PrimitiveTypeCode.TypedReference => "typedref",
        _ => typeCode.ToString(),
    });

    public TypeShape GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new(MetadataNames.Of(reader, handle));

    public TypeShape GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        new(MetadataNames.Of(reader, handle));

    // Compilers never put a TypeSpec inside a signature, but the format allows it.
    public TypeShape GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    /// <summary>The return and parameter types of a method signature, for <see cref="TypeShape.Around"/>.</summary>
    public static TypeShape[] Parts(MethodSignature<TypeShape> signature) =>
        signature.ParameterTypes.Prepend(signature.ReturnType).ToArray();
}
