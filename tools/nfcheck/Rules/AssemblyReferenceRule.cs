using System.Reflection.Metadata;

namespace NfCheck.Rules;

/// <summary>
/// NF006: an AssemblyRef to anything but mscorlib and the assemblies deployed together (those
/// checked in the same run, and <c>--allow</c> names). The device resolves references only among
/// the deployed .pe files; a reference to netstandard, System.Runtime or a host-only package means
/// the nano build picked up something it must not, and the application will not start.
/// </summary>
internal sealed class AssemblyReferenceRule : IRule
{
    public string Id => RuleIds.AssemblyReference;

    public void Check(AssemblyContext context)
    {
        MetadataReader reader = context.Reader;
        foreach (AssemblyReferenceHandle handle in reader.AssemblyReferences)
        {
            AssemblyReference reference = reader.GetAssemblyReference(handle);
            string name = reader.GetString(reference.Name);
            if (!context.AllowedAssemblies.Contains(name))
            {
                context.Report(Id, Location.Assembly, name,
                    $"references assembly {name} {reference.Version}, which is neither mscorlib nor checked with it (pass it, or --allow {name})");
            }
        }
    }
}
