using System.Reflection;
using System.Reflection.Metadata;

namespace NfCheck.Rules;

/// <summary>
/// NF004: more than 255 methods of one kind in a type. The runtime's type records count virtual,
/// instance (non-virtual) and static methods in separate bytes, so a 256th of a kind cannot be loaded.
/// </summary>
internal sealed class MethodCountRule : IRule
{
    /// <summary>The most methods of one kind the runtime can hold in one type.</summary>
    public const int MaxMethodsOfOneKind = 255;

    public string Id => RuleIds.MethodCount;

    public void Check(AssemblyContext context)
    {
        MetadataReader reader = context.Reader;
        foreach (TypeDefinitionHandle type in reader.TypeDefinitions)
        {
            int virtualMethods = 0;
            int instanceMethods = 0;
            int staticMethods = 0;
            foreach (MethodDefinitionHandle method in reader.GetTypeDefinition(type).GetMethods())
            {
                MethodAttributes attributes = reader.GetMethodDefinition(method).Attributes;
                if ((attributes & MethodAttributes.Static) != 0)
                {
                    staticMethods++;
                }
                else if ((attributes & MethodAttributes.Virtual) != 0)
                {
                    virtualMethods++;
                }
                else
                {
                    instanceMethods++;
                }
            }

            ReportOver(context, type, "virtual", virtualMethods);
            ReportOver(context, type, "instance (non-virtual)", instanceMethods);
            ReportOver(context, type, "static", staticMethods);
        }
    }

    private void ReportOver(AssemblyContext context, TypeDefinitionHandle type, string kind, int count)
    {
        if (count > MaxMethodsOfOneKind)
        {
            context.Report(Id, context.Locate(type), kind,
                $"{count} {kind} methods; the runtime allows at most {MaxMethodsOfOneKind} of one kind in a type");
        }
    }
}
