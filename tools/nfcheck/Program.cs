using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NfCheck;

/// <summary>
/// <c>nfcheck [--allow NAME]... ASSEMBLY.dll...</c>: one line per violation, then a summary.
/// Exit code 0 when clean, 1 on violations, 2 on a usage or I/O error.
/// </summary>
public static class Program
{
    public const int ExitClean = 0;
    public const int ExitViolations = 1;
    public const int ExitError = 2;

    private const string Usage = "usage: nfcheck [--allow NAME]... ASSEMBLY.dll [ASSEMBLY.dll ...]";

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>The command, with its output streams given (so tests can run it).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var allowed = new List<string>();
        var assemblies = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--allow" when i + 1 < args.Length:
                    allowed.Add(args[++i]);
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return ExitClean;
                case var option when option.StartsWith('-'):
                    error.WriteLine($"nfcheck: unknown or incomplete option {option}");
                    error.WriteLine(Usage);
                    return ExitError;
                default:
                    assemblies.Add(args[i]);
                    break;
            }
        }

        if (assemblies.Count == 0)
        {
            error.WriteLine(Usage);
            return ExitError;
        }

        try
        {
            // Assemblies checked together may reference each other, and are looked into for enums.
            allowed.AddRange(assemblies.Select(NfChecker.AssemblyNameOf));
            var resolvePaths = new List<string>(assemblies);
            if (MscorlibLocator.Find(assemblies) is string mscorlib)
            {
                resolvePaths.Add(mscorlib);
            }

            var checker = new NfChecker(allowed, resolvePaths);
            int violations = 0;
            foreach (string assembly in assemblies)
            {
                foreach (Violation violation in checker.Check(assembly))
                {
                    output.WriteLine(violation);
                    violations++;
                }
            }

            output.WriteLine($"nfcheck: {assemblies.Count} assemblies, {violations} violations");
            return violations == 0 ? ExitClean : ExitViolations;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            error.WriteLine($"nfcheck: {exception.Message}");
            return ExitError;
        }
    }
}
