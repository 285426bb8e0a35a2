namespace NfCheck.Rules;

/// <summary>One check over a whole assembly; reports through <see cref="AssemblyContext.Report"/>.</summary>
internal interface IRule
{
    /// <summary>The stable id from <see cref="RuleIds"/>.</summary>
    string Id { get; }

    void Check(AssemblyContext context);
}
