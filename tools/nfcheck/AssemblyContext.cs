using System.Collections.Generic;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NfCheck;

/// <summary>One assembly being checked: its metadata, decoded IL, and the violations found so far.</summary>
internal sealed class AssemblyContext
{
    private readonly PEReader _pe;
    private readonly List<Violation> _violations = new();
    private readonly HashSet<(string Rule, string Location, string Subject)> _reported = new();
    private readonly Dictionary<MethodDefinitionHandle, IReadOnlyList<IlInstruction>> _instructions = new();
    private IReadOnlyList<SignatureSite>? _signatureSites;

    public AssemblyContext(string file, PEReader pe, TypeCatalog catalog, IReadOnlySet<string> allowedAssemblies)
    {
        File = file;
        _pe = pe;
        Reader = pe.GetMetadataReader();
        Catalog = catalog;
        AllowedAssemblies = allowedAssemblies;
        Generated = new CompilerGenerated(this);
    }

    /// <summary>The path as given, printed in every violation line.</summary>
    public string File { get; }

    public MetadataReader Reader { get; }

    public TypeCatalog Catalog { get; }

    /// <summary>Assembly names this one may reference (case-insensitive); mscorlib is always among them.</summary>
    public IReadOnlySet<string> AllowedAssemblies { get; }

    public CompilerGenerated Generated { get; }

    public IReadOnlyList<Violation> Violations => _violations;

    /// <summary>Every signature, TypeSpec, MemberRef and MethodSpec that holds a generic instantiation or a general array.</summary>
    public IReadOnlyList<SignatureSite> SignatureSites => _signatureSites ??= SignatureScanner.Scan(this);

    /// <summary>The decoded IL of a method; empty for abstract, extern and runtime-implemented methods.</summary>
    public IReadOnlyList<IlInstruction> Instructions(MethodDefinitionHandle method)
    {
        if (!_instructions.TryGetValue(method, out IReadOnlyList<IlInstruction>? instructions))
        {
            int rva = Reader.GetMethodDefinition(method).RelativeVirtualAddress;
            instructions = rva == 0 ? System.Array.Empty<IlInstruction>() : IlReader.Read(_pe.GetMethodBody(rva));
            _instructions.Add(method, instructions);
        }

        return instructions;
    }

    /// <summary>The body (for its locals) of a method, or null if it has none.</summary>
    public MethodBodyBlock? Body(MethodDefinitionHandle method)
    {
        int rva = Reader.GetMethodDefinition(method).RelativeVirtualAddress;
        return rva == 0 ? null : _pe.GetMethodBody(rva);
    }

    /// <summary>The location of a type, or of one of its members (MethodDef, FieldDef, Property, Event).</summary>
    public Location Locate(TypeDefinitionHandle type, EntityHandle member = default)
    {
        string text = MetadataNames.Of(Reader, type);
        if (!member.IsNil)
        {
            text += "::" + MemberName(member);
        }

        return new Location(text, Generated.OriginOf(type, member));
    }

    /// <summary>
    /// Records a violation unless the same rule already reported <paramref name="subject"/> at this
    /// location (a field typed <c>Action&lt;int&gt;</c> is one finding, not one per use).
    /// </summary>
    public void Report(string ruleId, Location location, string subject, string message)
    {
        if (!_reported.Add((ruleId, location.Text, subject)))
        {
            return;
        }

        if (location.Origin is not null)
        {
            message += $" (in {location.Origin})";
        }

        _violations.Add(new Violation(File, ruleId, location.Text, message));
    }

    private string MemberName(EntityHandle member) => member.Kind switch
    {
        HandleKind.PropertyDefinition => Reader.GetString(Reader.GetPropertyDefinition((PropertyDefinitionHandle)member).Name),
        HandleKind.EventDefinition => Reader.GetString(Reader.GetEventDefinition((EventDefinitionHandle)member).Name),
        _ => MetadataNames.NameOf(Reader, member),
    };
}
