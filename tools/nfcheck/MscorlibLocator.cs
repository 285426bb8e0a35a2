using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NfCheck;

/// <summary>
/// Finds the nano mscorlib.dll (to tell whether an mscorlib type is an enum): next to a checked
/// assembly, else in the NuGet package folder, nanoFramework.CoreLibrary's highest version.
/// </summary>
internal static class MscorlibLocator
{
    public const string FileName = "mscorlib.dll";
    private const string PackageId = "nanoframework.corelibrary";

    public static string? Find(IEnumerable<string> assemblyPaths)
    {
        foreach (string assembly in assemblyPaths)
        {
            string beside = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(assembly)) ?? ".", FileName);
            if (File.Exists(beside))
            {
                return beside;
            }
        }

        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string package = Path.Combine(packages, PackageId);
        if (!Directory.Exists(package))
        {
            return null;
        }

        return Directory.GetDirectories(package)
            .Select(directory => (Version: Version.TryParse(Path.GetFileName(directory), out Version? v) ? v : null,
                                  Path: Path.Combine(directory, "lib", FileName)))
            .Where(candidate => candidate.Version is not null && File.Exists(candidate.Path))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Path)
            .FirstOrDefault();
    }
}
