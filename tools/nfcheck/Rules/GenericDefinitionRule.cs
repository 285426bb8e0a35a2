using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace NfCheck.Rules;

/// <summary>
/// NF001: a row in the GenericParam table, i.e. a generic type or method definition. The 1.x
/// runtime has no generics at all; such an assembly does not even load.
/// </summary>
internal sealed class GenericDefinitionRule : IRule
{
    public string Id => RuleIds.GenericDefinition;

    public void Check(AssemblyContext context)
    {
        MetadataReader reader = context.Reader;
        int rows = reader.GetTableRowCount(TableIndex.GenericParam);
        for (int row = 1; row <= rows; row++)
        {
            GenericParameter parameter = reader.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
            EntityHandle owner = parameter.Parent;
            if (owner.Kind == HandleKind.TypeDefinition)
            {
                var type = (TypeDefinitionHandle)owner;
                context.Report(Id, context.Locate(type), "type",
                    $"generic type definition <{Names(reader, reader.GetTypeDefinition(type).GetGenericParameters())}>");
            }
            else if (owner.Kind == HandleKind.MethodDefinition)
            {
                var method = (MethodDefinitionHandle)owner;
                MethodDefinition definition = reader.GetMethodDefinition(method);
                context.Report(Id, context.Locate(definition.GetDeclaringType(), method), "method",
                    $"generic method definition <{Names(reader, definition.GetGenericParameters())}>");
            }
        }
    }

    private static string Names(MetadataReader reader, GenericParameterHandleCollection parameters) =>
        string.Join(", ", parameters.Select(p => reader.GetString(reader.GetGenericParameter(p).Name)));
}
