using System.Collections.Generic;
using System.Linq;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NfCheck;

/// <summary>
/// Visits every place a type can be spelled out in an assembly (base types, interface
/// implementations, field, method, property and local signatures, event types, IL operands, custom
/// attribute constructors), then sweeps the TypeSpec, MemberRef and MethodSpec tables for rows no
/// member led to, and keeps the places holding a generic instantiation or a general array.
/// </summary>
internal sealed class SignatureScanner
{
    private readonly AssemblyContext _context;
    private readonly MetadataReader _reader;
    private readonly List<SignatureSite> _sites = new();
    private readonly HashSet<EntityHandle> _visited = new();

    private SignatureScanner(AssemblyContext context)
    {
        _context = context;
        _reader = context.Reader;
    }

    public static IReadOnlyList<SignatureSite> Scan(AssemblyContext context)
    {
        var scanner = new SignatureScanner(context);
        scanner.ScanTypes();
        scanner.ScanCustomAttributes();
        scanner.SweepTables();
        return scanner._sites;
    }

    private void ScanTypes()
    {
        ShapeProvider provider = ShapeProvider.Instance;
        foreach (TypeDefinitionHandle typeHandle in _reader.TypeDefinitions)
        {
            TypeDefinition type = _reader.GetTypeDefinition(typeHandle);
            Location typeLocation = _context.Locate(typeHandle);
            Entity(typeLocation, "base type", type.BaseType);
            foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
            {
                Entity(typeLocation, "implemented interface", _reader.GetInterfaceImplementation(implementation).Interface);
            }

            foreach (FieldDefinitionHandle field in type.GetFields())
            {
                Add(_context.Locate(typeHandle, field), "field type", _reader.GetFieldDefinition(field).DecodeSignature(provider, null));
            }

            foreach (MethodDefinitionHandle method in type.GetMethods())
            {
                ScanMethod(typeHandle, method);
            }

            foreach (PropertyDefinitionHandle property in type.GetProperties())
            {
                MethodSignature<TypeShape> signature = _reader.GetPropertyDefinition(property).DecodeSignature(provider, null);
                Add(_context.Locate(typeHandle, property), "property type", Around("property", signature));
            }

            foreach (EventDefinitionHandle @event in type.GetEvents())
            {
                Entity(_context.Locate(typeHandle, @event), "event type", _reader.GetEventDefinition(@event).Type);
            }
        }
    }

    private void ScanMethod(TypeDefinitionHandle typeHandle, MethodDefinitionHandle methodHandle)
    {
        Location location = _context.Locate(typeHandle, methodHandle);
        MethodSignature<TypeShape> signature = _reader.GetMethodDefinition(methodHandle).DecodeSignature(ShapeProvider.Instance, null);
        Add(location, "signature", Around("signature", signature));

        MethodBodyBlock? body = _context.Body(methodHandle);
        if (body is null)
        {
            return;
        }

        if (!body.LocalSignature.IsNil)
        {
            StandaloneSignature locals = _reader.GetStandaloneSignature(body.LocalSignature);
            foreach (TypeShape local in locals.DecodeLocalSignature(ShapeProvider.Instance, null))
            {
                Add(location, "local variable", local);
            }
        }

        foreach (IlInstruction instruction in _context.Instructions(methodHandle))
        {
            if (instruction.HasToken && !instruction.Is(OpCodes.Ldstr))
            {
                Entity(location, "operand of " + instruction.OpCode.Name, instruction.Entity);
            }
        }
    }

    private void ScanCustomAttributes()
    {
        foreach (CustomAttributeHandle handle in _reader.CustomAttributes)
        {
            CustomAttribute attribute = _reader.GetCustomAttribute(handle);
            Entity(LocateOwner(attribute.Parent), "custom attribute", attribute.Constructor);
        }
    }

    private void SweepTables()
    {
        foreach (TableIndex table in new[] { TableIndex.TypeSpec, TableIndex.MemberRef, TableIndex.MethodSpec })
        {
            int rows = _reader.GetTableRowCount(table);
            for (int row = 1; row <= rows; row++)
            {
                EntityHandle handle = MetadataTokens.EntityHandle(table, row);
                if (!_visited.Contains(handle))
                {
                    Entity(Location.Assembly, "metadata table " + table, handle);
                }
            }
        }
    }

    /// <summary>Adds the places an IL operand or another token leads to.</summary>
    private void Entity(Location location, string where, EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return;
        }

        _visited.Add(handle);

        switch (handle.Kind)
        {
            case HandleKind.TypeSpecification:
                Add(location, where, _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(ShapeProvider.Instance, null));
                break;
            case HandleKind.MemberReference:
                MemberReference member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                Entity(location, where, member.Parent);
                string name = MetadataNames.OfMember(_reader, handle);
                Add(location, where, member.GetKind() == MemberReferenceKind.Field
                    ? member.DecodeFieldSignature(ShapeProvider.Instance, null)
                    : Around(name, member.DecodeMethodSignature(ShapeProvider.Instance, null)));
                break;
            case HandleKind.MethodSpecification:
                MethodSpecification specification = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Entity(location, where, specification.Method);
                TypeShape[] arguments = specification.DecodeSignature(ShapeProvider.Instance, null).ToArray();
                string instantiation = MetadataNames.OfMember(_reader, specification.Method)
                    + "<" + string.Join(", ", arguments.Select(a => a.Name)) + ">";
                Add(location, where, TypeShape.Around(instantiation, arguments) with { GenericInstantiation = instantiation });
                break;
            case HandleKind.StandaloneSignature:
                // calli: the signature of the called function pointer.
                StandaloneSignature standalone = _reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                if (standalone.GetKind() == StandaloneSignatureKind.Method)
                {
                    Add(location, where, Around("calli", standalone.DecodeMethodSignature(ShapeProvider.Instance, null)));
                }

                break;
        }
    }

    private void Add(Location location, string where, TypeShape shape)
    {
        if (shape.GenericInstantiation is not null || shape.MultiDimensionalArray is not null)
        {
            _sites.Add(new SignatureSite(location, where, shape));
        }
    }

    private static TypeShape Around(string name, MethodSignature<TypeShape> signature) =>
        TypeShape.Around(name, ShapeProvider.Parts(signature));

    /// <summary>The location of whatever a custom attribute is attached to.</summary>
    private Location LocateOwner(EntityHandle owner)
    {
        switch (owner.Kind)
        {
            case HandleKind.TypeDefinition:
                return _context.Locate((TypeDefinitionHandle)owner);
            case HandleKind.MethodDefinition:
                return _context.Locate(_reader.GetMethodDefinition((MethodDefinitionHandle)owner).GetDeclaringType(), owner);
            case HandleKind.FieldDefinition:
                return _context.Locate(_reader.GetFieldDefinition((FieldDefinitionHandle)owner).GetDeclaringType(), owner);
            case HandleKind.PropertyDefinition:
                PropertyAccessors accessors = _reader.GetPropertyDefinition((PropertyDefinitionHandle)owner).GetAccessors();
                MethodDefinitionHandle accessor = accessors.Getter.IsNil ? accessors.Setter : accessors.Getter;
                return accessor.IsNil ? Location.Assembly
                    : _context.Locate(_reader.GetMethodDefinition(accessor).GetDeclaringType(), owner);
            case HandleKind.Parameter:
                foreach (MethodDefinitionHandle method in _reader.MethodDefinitions)
                {
                    MethodDefinition definition = _reader.GetMethodDefinition(method);
                    if (definition.GetParameters().Contains((ParameterHandle)owner))
                    {
                        return _context.Locate(definition.GetDeclaringType(), method);
                    }
                }

                return Location.Assembly;
            default:
                return Location.Assembly;
        }
    }
}
