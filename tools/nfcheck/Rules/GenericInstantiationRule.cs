namespace NfCheck.Rules;

/// <summary>
/// NF002: a generic instantiation (a TypeSpec with GENERICINST, or a MethodSpec) anywhere. mscorlib
/// 1.17 declares <c>Action&lt;T&gt;</c>, <c>Func&lt;...&gt;</c> and <c>EventHandler&lt;T&gt;</c>, so they
/// compile, but the runtime crashes while resolving an assembly that instantiates them.
/// </summary>
internal sealed class GenericInstantiationRule : IRule
{
    public string Id => RuleIds.GenericInstantiation;

    public void Check(AssemblyContext context)
    {
        foreach (SignatureSite site in context.SignatureSites)
        {
            if (site.Shape.GenericInstantiation is string instantiation)
            {
                context.Report(Id, site.Location, instantiation, $"generic instantiation {instantiation} ({site.Where})");
            }
        }
    }
}
