using System.Reflection.Metadata;

namespace NfCheck;

/// <summary>Readable names for metadata entities, as used in the violation lines.</summary>
internal static class MetadataNames
{
    /// <summary>Namespace-qualified name; nested types joined to their enclosing type with <c>+</c>.</summary>
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        TypeDefinitionHandle enclosing = type.GetDeclaringType();
        if (!enclosing.IsNil)
        {
            return Of(reader, enclosing) + "+" + name;
        }

        return Qualify(reader.GetString(type.Namespace), name);
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return Of(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        return Qualify(reader.GetString(type.Namespace), name);
    }

    /// <summary>The name of the assembly a TypeRef points into, or null for one in this module.</summary>
    public static string? AssemblyOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        EntityHandle scope = reader.GetTypeReference(handle).ResolutionScope;
        return scope.Kind switch
        {
            HandleKind.TypeReference => AssemblyOf(reader, (TypeReferenceHandle)scope),
            HandleKind.AssemblyReference => reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name),
            _ => null,
        };
    }

    /// <summary>The name of a TypeDef, TypeRef or TypeSpec (decoded, e.g. <c>System.Action`1&lt;int&gt;</c>).</summary>
    public static string OfType(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => Of(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => Of(reader, (TypeReferenceHandle)handle),
        HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)handle)
            .DecodeSignature(ShapeProvider.Instance, null).Name,
        _ => handle.Kind.ToString(),
    };

    /// <summary><c>Type::member</c> for a MethodDef, FieldDef or MemberRef.</summary>
    public static string OfMember(MetadataReader reader, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                MethodDefinition method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                return Of(reader, method.GetDeclaringType()) + "::" + reader.GetString(method.Name);
            case HandleKind.FieldDefinition:
                FieldDefinition field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                return Of(reader, field.GetDeclaringType()) + "::" + reader.GetString(field.Name);
            case HandleKind.MemberReference:
                MemberReference member = reader.GetMemberReference((MemberReferenceHandle)handle);
                return OfParent(reader, member.Parent) + "::" + reader.GetString(member.Name);
            case HandleKind.MethodSpecification:
                return OfMember(reader, reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            default:
                return OfType(reader, handle);
        }
    }

    /// <summary>The declaring type of a member (TypeDef, TypeRef, TypeSpec) or a MemberRef's other parents.</summary>
    public static string OfParent(MetadataReader reader, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.MethodDefinition => OfMember(reader, parent),
        HandleKind.ModuleReference => reader.GetString(reader.GetModuleReference((ModuleReferenceHandle)parent).Name),
        _ => OfType(reader, parent),
    };

    /// <summary>
    /// The namespace and name of the type a MethodDef, MemberRef or MethodSpec belongs to, for matching
    /// well-known members such as <c>System.Enum::ToString</c>; empty if the parent is not a plain type.
    /// </summary>
    public static (string Namespace, string Name) DeclaringTypeOf(MetadataReader reader, EntityHandle member)
    {
        EntityHandle type = member.Kind switch
        {
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)member).GetDeclaringType(),
            HandleKind.FieldDefinition => reader.GetFieldDefinition((FieldDefinitionHandle)member).GetDeclaringType(),
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)member).Parent,
            HandleKind.MethodSpecification => reader.GetMethodSpecification((MethodSpecificationHandle)member).Method,
            _ => default,
        };
        if (type.Kind is HandleKind.MethodDefinition or HandleKind.MemberReference)
        {
            return DeclaringTypeOf(reader, type);
        }

        if (type.IsNil)
        {
            return (string.Empty, string.Empty);
        }

        switch (type.Kind)
        {
            case HandleKind.TypeDefinition:
                TypeDefinition definition = reader.GetTypeDefinition((TypeDefinitionHandle)type);
                return (reader.GetString(definition.Namespace), reader.GetString(definition.Name));
            case HandleKind.TypeReference:
                TypeReference reference = reader.GetTypeReference((TypeReferenceHandle)type);
                return (reader.GetString(reference.Namespace), reader.GetString(reference.Name));
            default:
                return (string.Empty, string.Empty);
        }
    }

    /// <summary>The simple name of a MethodDef or MemberRef.</summary>
    public static string NameOf(MetadataReader reader, EntityHandle member) => member.Kind switch
    {
        HandleKind.MethodDefinition => reader.GetString(reader.GetMethodDefinition((MethodDefinitionHandle)member).Name),
        HandleKind.MemberReference => reader.GetString(reader.GetMemberReference((MemberReferenceHandle)member).Name),
        HandleKind.FieldDefinition => reader.GetString(reader.GetFieldDefinition((FieldDefinitionHandle)member).Name),
        _ => string.Empty,
    };

    private static string Qualify(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
