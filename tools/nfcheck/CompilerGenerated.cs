using System;
using System.Collections.Generic;
using System.Reflection.Metadata;

namespace NfCheck;

/// <summary>
/// Names the user member that compiler-generated code came from. Roslyn gives what it generates
/// unspeakable names starting with '&lt;': lambdas <c>&lt;Run&gt;b__0_0</c>, local functions
/// <c>&lt;Run&gt;g__Local|0_0</c>, state machines <c>&lt;Run&gt;d__3</c>, closure classes
/// <c>&lt;&gt;c__DisplayClass3_0</c> and the static lambda holder <c>&lt;&gt;c</c>. A closure class
/// still runs on the device, so it is checked like any code; this only makes its violations findable.
/// </summary>
internal sealed class CompilerGenerated
{
    private const int MaxDepth = 8;

    private readonly AssemblyContext _context;
    private Dictionary<EntityHandle, List<MethodDefinitionHandle>>? _referencedBy;

    public CompilerGenerated(AssemblyContext context) => _context = context;

    /// <summary>Whether a type or member name is one the compiler made up.</summary>
    public static bool IsGeneratedName(string name) => name.StartsWith('<');

    /// <summary>
    /// "a lambda in Demo.Widget::Run" and the like for a member of generated code (or a generated
    /// member of a user type); null for plain user code or when no user member references it.
    /// </summary>
    public string? OriginOf(TypeDefinitionHandle type, EntityHandle member) => OriginOf(type, member, 0);

    private string? OriginOf(TypeDefinitionHandle type, EntityHandle member, int depth)
    {
        MetadataReader reader = _context.Reader;
        string memberName = member.IsNil ? string.Empty : MetadataNames.NameOf(reader, member);
        if (FromMemberName(type, memberName) is string named)
        {
            return named;
        }

        TypeDefinitionHandle generated = InnermostGenerated(type);
        if (generated.IsNil || depth > MaxDepth)
        {
            return null;
        }

        string typeName = reader.GetString(reader.GetTypeDefinition(generated).Name);
        if (HostMethodOf(typeName) is string hostMethod)
        {
            return $"code generated for {HostOf(generated)}::{hostMethod}";
        }

        // A closure class or the lambda cache: find who creates it or reads the cached delegate.
        EntityHandle target = member.Kind == HandleKind.FieldDefinition ? member : generated;
        foreach (MethodDefinitionHandle user in ReferencedBy(target))
        {
            TypeDefinitionHandle userType = reader.GetMethodDefinition(user).GetDeclaringType();
            if (userType == generated)
            {
                continue;
            }

            string userName = reader.GetString(reader.GetMethodDefinition(user).Name);
            string? origin = IsGeneratedName(userName) || !InnermostGenerated(userType).IsNil
                ? OriginOf(userType, user, depth + 1)
                : MetadataNames.OfMember(reader, user);
            if (origin is not null)
            {
                return typeName.StartsWith("<>c__DisplayClass", StringComparison.Ordinal)
                    ? $"the closure of {Strip(origin)}"
                    : $"code generated for {Strip(origin)}";
            }
        }

        return null;
    }

    private string? FromMemberName(TypeDefinitionHandle type, string memberName)
    {
        if (HostMethodOf(memberName) is not string host)
        {
            return null;
        }

        int local = memberName.IndexOf(">g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            int end = memberName.IndexOf('|', local);
            string localName = end > local ? memberName[(local + 4)..end] : memberName[(local + 4)..];
            return $"local function {localName} in {HostOf(type)}::{host}";
        }

        return memberName.Contains(">b__", StringComparison.Ordinal)
            ? $"a lambda in {HostOf(type)}::{host}"
            : $"code generated for {HostOf(type)}::{host}";
    }

    /// <summary>"Run" from "&lt;Run&gt;b__0_0"; null for "&lt;&gt;c" and non-generated names.</summary>
    private static string? HostMethodOf(string name)
    {
        int close = name.IndexOf('>');
        return IsGeneratedName(name) && close > 1 ? name[1..close] : null;
    }

    /// <summary>The nearest enclosing type that the user wrote.</summary>
    private string HostOf(TypeDefinitionHandle type)
    {
        MetadataReader reader = _context.Reader;
        while (!InnermostGenerated(type).IsNil && !reader.GetTypeDefinition(type).GetDeclaringType().IsNil)
        {
            type = reader.GetTypeDefinition(type).GetDeclaringType();
        }

        return MetadataNames.Of(reader, type);
    }

    /// <summary>The type itself or its innermost enclosing type with a generated name; nil if none.</summary>
    private TypeDefinitionHandle InnermostGenerated(TypeDefinitionHandle type)
    {
        MetadataReader reader = _context.Reader;
        for (TypeDefinitionHandle current = type; !current.IsNil; current = reader.GetTypeDefinition(current).GetDeclaringType())
        {
            if (IsGeneratedName(reader.GetString(reader.GetTypeDefinition(current).Name)))
            {
                return current;
            }
        }

        return default;
    }

    private static string Strip(string origin) =>
        origin.StartsWith("the closure of ", StringComparison.Ordinal) ? origin["the closure of ".Length..]
        : origin.StartsWith("code generated for ", StringComparison.Ordinal) ? origin["code generated for ".Length..]
        : origin;

    /// <summary>The methods whose IL names a generated type (or one of its members) or a generated field.</summary>
    private IReadOnlyList<MethodDefinitionHandle> ReferencedBy(EntityHandle target)
    {
        _referencedBy ??= IndexReferences();
        return _referencedBy.TryGetValue(target, out List<MethodDefinitionHandle>? users)
            ? users
            : Array.Empty<MethodDefinitionHandle>();
    }

    private Dictionary<EntityHandle, List<MethodDefinitionHandle>> IndexReferences()
    {
        MetadataReader reader = _context.Reader;
        var index = new Dictionary<EntityHandle, List<MethodDefinitionHandle>>();
        foreach (MethodDefinitionHandle method in reader.MethodDefinitions)
        {
            foreach (IlInstruction instruction in _context.Instructions(method))
            {
                if (!instruction.HasToken || instruction.Is(System.Reflection.Emit.OpCodes.Ldstr))
                {
                    continue;
                }

                EntityHandle entity = instruction.Entity;
                TypeDefinitionHandle type = entity.Kind switch
                {
                    HandleKind.TypeDefinition => (TypeDefinitionHandle)entity,
                    HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)entity).GetDeclaringType(),
                    HandleKind.FieldDefinition => reader.GetFieldDefinition((FieldDefinitionHandle)entity).GetDeclaringType(),
                    _ => default,
                };
                if (type.IsNil || InnermostGenerated(type).IsNil)
                {
                    continue;
                }

                Add(index, type, method);
                if (entity.Kind == HandleKind.FieldDefinition)
                {
                    Add(index, entity, method);
                }
            }
        }

        return index;
    }

    private static void Add(Dictionary<EntityHandle, List<MethodDefinitionHandle>> index, EntityHandle key, MethodDefinitionHandle method)
    {
        if (!index.TryGetValue(key, out List<MethodDefinitionHandle>? users))
        {
            index.Add(key, users = new List<MethodDefinitionHandle>());
        }

        if (!users.Contains(method))
        {
            users.Add(method);
        }
    }
}
