using System.Collections.Generic;

namespace NfCheck.Rules;

/// <summary>Every rule nfcheck runs, in the order of their ids.</summary>
internal static class RuleTable
{
    public static readonly IReadOnlyList<IRule> All = new IRule[]
    {
        new GenericDefinitionRule(),
        new GenericInstantiationRule(),
        new MultiDimensionalArrayRule(),
        new MethodCountRule(),
        new DeviceMisbehaviourRule(),
        new AssemblyReferenceRule(),
    };
}
