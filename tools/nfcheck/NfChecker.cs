using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using NfCheck.Rules;

namespace NfCheck;

/// <summary>
/// Checks nanoFramework builds for what compiles against the device's mscorlib but fails or
/// misbehaves on the 1.x runtime. The library entry point behind the <c>nfcheck</c> command.
/// </summary>
public sealed class NfChecker
{
    /// <summary>The device's core library, which every assembly may reference.</summary>
    public const string Mscorlib = "mscorlib";

    private readonly HashSet<string> _allowed;
    private readonly TypeCatalog _catalog = new();

    /// <param name="allowedAssemblies">Names (not paths) of the assemblies deployed together; mscorlib is added.</param>
    /// <param name="resolvePaths">
    /// Assemblies to look into when a referenced type must be known (is it an enum?): typically
    /// those checked together, and the nano mscorlib.dll.
    /// </param>
    /// <exception cref="IOException">A resolve path cannot be read.</exception>
    /// <exception cref="BadImageFormatException">A resolve path is not a .NET assembly.</exception>
    public NfChecker(IEnumerable<string> allowedAssemblies, IEnumerable<string> resolvePaths)
    {
        _allowed = new HashSet<string>(allowedAssemblies, StringComparer.OrdinalIgnoreCase) { Mscorlib };
        foreach (string path in resolvePaths)
        {
            _catalog.Add(Open(path).GetMetadataReader());
        }
    }

    /// <summary>
    /// Checks one assembly that may reference <paramref name="allowed"/> (assembly names) besides
    /// mscorlib; mscorlib is located next to it or in the NuGet package folder.
    /// </summary>
    public static IReadOnlyList<Violation> Check(string path, string[] allowed)
    {
        string? mscorlib = MscorlibLocator.Find(new[] { path });
        var checker = new NfChecker(allowed, mscorlib is null ? Array.Empty<string>() : new[] { mscorlib });
        return checker.Check(path);
    }

    /// <summary>Runs every rule of <see cref="RuleIds"/> over the assembly at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly, or its IL is malformed.</exception>
    public IReadOnlyList<Violation> Check(string path)
    {
        PEReader pe = Open(path);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException($"{path} has no .NET metadata");
        }

        MetadataReader reader = pe.GetMetadataReader();
        _catalog.Add(reader);
        var context = new AssemblyContext(path, pe, _catalog, _allowed);
        foreach (IRule rule in RuleTable.All)
        {
            rule.Check(context);
        }

        return context.Violations.ToArray();
    }

    /// <summary>The name an assembly's references use for it, read from its metadata.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static string AssemblyNameOf(string path)
    {
        MetadataReader reader = Open(path).GetMetadataReader();
        if (!reader.IsAssembly)
        {
            throw new BadImageFormatException($"{path} is a module, not an assembly");
        }

        return reader.GetString(reader.GetAssemblyDefinition().Name);
    }

    /// <summary>Reads the whole file so no handle stays open while the metadata is in use.</summary>
    private static PEReader Open(string path)
    {
        byte[] image = File.ReadAllBytes(path);
        return new PEReader(ImmutableCollectionsMarshal.AsImmutableArray(image));
    }
}
