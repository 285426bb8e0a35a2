namespace NfCheck;

/// <summary>
/// The stable rule ids. Each guards against something that compiles against the nanoFramework
/// mscorlib but fails or behaves differently on the 1.x runtime.
/// </summary>
public static class RuleIds
{
    /// <summary>A generic type or method definition: the runtime cannot load generic code.</summary>
    public const string GenericDefinition = "NF001";

    /// <summary>
    /// A generic instantiation, even of mscorlib's own <c>Action&lt;T&gt;</c>, <c>Func&lt;...&gt;</c>,
    /// <c>EventHandler&lt;T&gt;</c>: they compile, then the runtime crashes while resolving the assembly.
    /// </summary>
    public const string GenericInstantiation = "NF002";

    /// <summary>A multidimensional (or non-zero-based) array: the runtime has only single-dimension arrays.</summary>
    public const string MultiDimensionalArray = "NF003";

    /// <summary>More than 255 methods of one kind (virtual, instance, static) in one type.</summary>
    public const string MethodCount = "NF004";

    /// <summary>
    /// A call or opcode whose device behaviour differs: <c>Enum.ToString</c> gives the number,
    /// <c>double.ToString("R")</c> throws, overflow-checked arithmetic wraps instead of throwing.
    /// </summary>
    public const string DeviceMisbehaviour = "NF005";

    /// <summary>A reference to an assembly that is neither mscorlib nor deployed with the application.</summary>
    public const string AssemblyReference = "NF006";
}
