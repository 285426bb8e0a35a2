namespace NfCheck;

/// <summary>One finding: which rule, in which assembly, at which type or member.</summary>
/// <param name="AssemblyFile">The assembly path as it was given to the checker.</param>
/// <param name="RuleId">A stable id from <see cref="RuleIds"/>.</param>
/// <param name="Location"><c>Type</c> or <c>Type::member</c>; nested types are joined with <c>+</c>.</param>
/// <param name="Message">What was found, and for compiler-generated code the member it came from.</param>
public sealed record Violation(string AssemblyFile, string RuleId, string Location, string Message)
{
    /// <summary>The line nfcheck prints.</summary>
    public override string ToString() => $"nfcheck: {AssemblyFile}: {RuleId}: {Location}: {Message}";
}
