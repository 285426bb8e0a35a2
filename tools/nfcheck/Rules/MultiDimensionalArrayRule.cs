namespace NfCheck.Rules;

/// <summary>
/// NF003: an ELEMENT_TYPE_ARRAY type (<c>int[,]</c>, or a non-zero-based <c>int[*]</c>) in any
/// signature, TypeSpec, local or IL operand (<c>newobj int[,]::.ctor</c>, <c>call int[,]::Get</c>).
/// The runtime only has single-dimension zero-based arrays: use jagged or flat arrays.
/// </summary>
internal sealed class MultiDimensionalArrayRule : IRule
{
    public string Id => RuleIds.MultiDimensionalArray;

    public void Check(AssemblyContext context)
    {
        foreach (SignatureSite site in context.SignatureSites)
        {
            if (site.Shape.MultiDimensionalArray is string array)
            {
                context.Report(Id, site.Location, array, $"multidimensional array {array} ({site.Where})");
            }
        }
    }
}
