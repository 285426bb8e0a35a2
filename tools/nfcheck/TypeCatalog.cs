using System;
using System.Collections.Generic;
using System.Reflection.Metadata;

namespace NfCheck;

/// <summary>
/// The assemblies nfcheck can see into (those checked together, and the nano mscorlib), to tell
/// whether a type referenced from another assembly is an enum.
/// </summary>
internal sealed class TypeCatalog
{
    private readonly Dictionary<string, MetadataReader> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<MetadataReader, Dictionary<string, TypeDefinitionHandle>> _topLevelTypes = new();

    /// <summary>Makes <paramref name="reader"/>'s types resolvable; the first assembly of a name wins.</summary>
    public void Add(MetadataReader reader)
    {
        if (reader.IsAssembly)
        {
            _byName.TryAdd(reader.GetString(reader.GetAssemblyDefinition().Name), reader);
        }
    }

    /// <summary>True for an enum, false for any other type, null when its assembly is not in the catalog.</summary>
    public bool? IsEnum(MetadataReader reader, EntityHandle type)
    {
        if (Resolve(reader, type) is not (MetadataReader definingReader, TypeDefinitionHandle definition))
        {
            return null;
        }

        EntityHandle baseType = definingReader.GetTypeDefinition(definition).BaseType;
        if (baseType.IsNil || baseType.Kind == HandleKind.TypeSpecification)
        {
            return false;
        }

        return MetadataNames.OfType(definingReader, baseType) == "System.Enum";
    }

    private (MetadataReader, TypeDefinitionHandle)? Resolve(MetadataReader reader, EntityHandle type)
    {
        if (type.Kind == HandleKind.TypeDefinition)
        {
            return (reader, (TypeDefinitionHandle)type);
        }

        if (type.Kind != HandleKind.TypeReference)
        {
            return null;
        }

        TypeReference reference = reader.GetTypeReference((TypeReferenceHandle)type);
        string name = reader.GetString(reference.Name);
        EntityHandle scope = reference.ResolutionScope;
        switch (scope.Kind)
        {
            case HandleKind.TypeReference:
                if (Resolve(reader, scope) is not (MetadataReader outerReader, TypeDefinitionHandle outer))
                {
                    return null;
                }

                foreach (TypeDefinitionHandle nested in outerReader.GetTypeDefinition(outer).GetNestedTypes())
                {
                    if (outerReader.GetString(outerReader.GetTypeDefinition(nested).Name) == name)
                    {
                        return (outerReader, nested);
                    }
                }

                return null;
            case HandleKind.AssemblyReference:
                string assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
                return _byName.TryGetValue(assembly, out MetadataReader? target)
                    ? Find(target, reader.GetString(reference.Namespace), name)
                    : null;
            case HandleKind.ModuleDefinition:
                return Find(reader, reader.GetString(reference.Namespace), name);
            default:
                return null;
        }
    }

    private (MetadataReader, TypeDefinitionHandle)? Find(MetadataReader reader, string ns, string name)
    {
        if (!_topLevelTypes.TryGetValue(reader, out Dictionary<string, TypeDefinitionHandle>? types))
        {
            types = new Dictionary<string, TypeDefinitionHandle>(StringComparer.Ordinal);
            foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
            {
                TypeDefinition definition = reader.GetTypeDefinition(handle);
                if (definition.GetDeclaringType().IsNil)
                {
                    types.TryAdd(reader.GetString(definition.Namespace) + "." + reader.GetString(definition.Name), handle);
                }
            }

            _topLevelTypes.Add(reader, types);
        }

        return types.TryGetValue(ns + "." + name, out TypeDefinitionHandle found) ? (reader, found) : null;
    }
}
