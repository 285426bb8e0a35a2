namespace NfCheck;

/// <summary>Where a violation is: <c>Type</c> or <c>Type::member</c>.</summary>
/// <param name="Text">The location as printed.</param>
/// <param name="Origin">For compiler-generated code (closures, lambdas), the user member it came from.</param>
internal sealed record Location(string Text, string? Origin = null)
{
    /// <summary>For what belongs to the assembly as a whole (references, module attributes).</summary>
    public static readonly Location Assembly = new("<assembly>");
}
