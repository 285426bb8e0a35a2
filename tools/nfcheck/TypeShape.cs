namespace NfCheck;

/// <summary>
/// A type decoded from a signature blob, with what it contains that the device cannot run.
/// </summary>
/// <param name="Name">Readable name, e.g. <c>System.Func`2&lt;int, string&gt;[]</c>.</param>
/// <param name="GenericInstantiation">The outermost GENERICINST (0x15) inside, or null.</param>
/// <param name="MultiDimensionalArray">The outermost ARRAY (0x14) inside, or null.</param>
internal sealed record TypeShape(string Name, string? GenericInstantiation = null, string? MultiDimensionalArray = null)
{
    /// <summary>A shape named <paramref name="name"/> that inherits the findings of its parts.</summary>
    public static TypeShape Around(string name, params TypeShape[] parts)
    {
        string? generic = null;
        string? array = null;
        foreach (TypeShape part in parts)
        {
            generic ??= part.GenericInstantiation;
            array ??= part.MultiDimensionalArray;
        }

        return new TypeShape(name, generic, array);
    }
}
