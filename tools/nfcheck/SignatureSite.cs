namespace NfCheck;

/// <summary>A place in the assembly whose type holds a generic instantiation or a general array.</summary>
/// <param name="Location">The type or member the place belongs to.</param>
/// <param name="Where">What the place is: "field type", "local variable", "operand of newobj", ...</param>
/// <param name="Shape">The decoded type with its findings.</param>
internal sealed record SignatureSite(Location Location, string Where, TypeShape Shape);
