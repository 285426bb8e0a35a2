using System.Collections.Generic;
using System.Reflection.Metadata;

namespace NfCheck.Rules;

/// <summary>
/// NF005: calls and opcodes that run on the device but do something else than on the host:
/// <see cref="EnumToStringCheck"/>, <see cref="RoundTripFormatCheck"/>, <see cref="OverflowCheck"/>.
/// </summary>
internal sealed class DeviceMisbehaviourRule : IRule
{
    public string Id => RuleIds.DeviceMisbehaviour;

    public void Check(AssemblyContext context)
    {
        MetadataReader reader = context.Reader;
        foreach (TypeDefinitionHandle type in reader.TypeDefinitions)
        {
            foreach (MethodDefinitionHandle method in reader.GetTypeDefinition(type).GetMethods())
            {
                IReadOnlyList<IlInstruction> instructions = context.Instructions(method);
                if (instructions.Count == 0)
                {
                    continue;
                }

                Location location = context.Locate(type, method);
                EnumToStringCheck.Check(context, Id, location, method, instructions);
                RoundTripFormatCheck.Check(context, Id, location, instructions);
                OverflowCheck.Check(context, Id, location, instructions);
            }
        }
    }
}
