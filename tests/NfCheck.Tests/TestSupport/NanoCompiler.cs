using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NfCheck.Tests.TestSupport;

/// <summary>
/// Compiles fixture sources the way a portable project's netstandard2.0 (nano) flavour is built:
/// against nanoFramework.CoreLibrary's mscorlib.dll alone, C# 12, NANOFRAMEWORK_1_0 defined.
/// </summary>
internal static class NanoCompiler
{
    private static readonly Lazy<string> s_directory = new(() =>
        Directory.CreateTempSubdirectory("nfcheck-tests-").FullName);

    /// <summary>The nano mscorlib.dll, from the NuGet package folder (see the project file).</summary>
    public static string MscorlibPath { get; } = typeof(NanoCompiler).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "NanoMscorlib").Value
        ?? throw new InvalidOperationException("NanoMscorlib metadata missing");

    /// <summary>Compiles <paramref name="source"/> to <c>&lt;name&gt;.dll</c> in a temporary folder; returns its path.</summary>
    /// <param name="references">Paths of fixture assemblies this one references, besides mscorlib.</param>
    public static string Compile(string name, string source, OptimizationLevel optimization = OptimizationLevel.Debug, params string[] references)
    {
        Assert.IsTrue(File.Exists(MscorlibPath), $"nano mscorlib not found at {MscorlibPath}");
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });
        CSharpCompilation compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions) },
            references.Prepend(MscorlibPath).Select(path => MetadataReference.CreateFromFile(path)),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: optimization,
                nullableContextOptions: NullableContextOptions.Disable,
                deterministic: true));

        string directory = Path.Combine(s_directory.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name + ".dll");
        using (FileStream output = File.Create(path))
        {
            EmitResult result = compilation.Emit(output);
            string errors = string.Join(Environment.NewLine, result.Diagnostics
                .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
            Assert.IsTrue(result.Success, $"fixture {name} does not compile against the nano mscorlib:{Environment.NewLine}{errors}");
        }

        return path;
    }

    /// <summary>Removes every fixture compiled during the run.</summary>
    public static void DeleteFixtures()
    {
        if (s_directory.IsValueCreated)
        {
            Directory.Delete(s_directory.Value, recursive: true);
        }
    }
}
