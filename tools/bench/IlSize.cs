using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace V2G.Bench
{
    /// <summary>
    /// <c>--il-size [path]</c>: the IL of the EXI codec in the nanoFramework build of V2G.Protocol
    /// (protocol/bin/Release/netstandard2.0/V2G.Protocol.dll unless a path is given; build it first with
    /// <c>dotnet build -c Release protocol/Protocol.csproj</c>). Sums the method bodies of the types in
    /// namespaces V2G.Protocol.Iso15118.Generated.* (generated) and V2G.Protocol.Iso15118.Exi (runtime),
    /// per namespace, with System.Reflection.Metadata; nested types count with their outermost type.
    /// </summary>
    public static class IlSize
    {
        private const string GeneratedNamespace = "V2G.Protocol.Iso15118.Generated";
        private const string RuntimeNamespace = "V2G.Protocol.Iso15118.Exi";

        public static int Run(string[] args)
        {
            string path = args.Length > 1 ? Path.GetFullPath(args[1])
                : Path.Combine(RepoFiles.RepoRoot, "protocol", "bin", "Release", "netstandard2.0", "V2G.Protocol.dll");
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"no {path}: build it with `dotnet build -c Release protocol/Protocol.csproj`");
                return 2;
            }

            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            var rows = new SortedDictionary<string, Row>(StringComparer.Ordinal);
            var all = new Row();
            foreach (TypeDefinitionHandle h in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(h);
                string ns = NamespaceOf(md, type);
                bool nested = type.GetDeclaringType() != default;
                Row row = null;
                if (ns == RuntimeNamespace || ns == GeneratedNamespace || ns.StartsWith(GeneratedNamespace + ".", StringComparison.Ordinal))
                {
                    if (!rows.TryGetValue(ns, out row))
                    {
                        rows[ns] = row = new Row();
                    }

                    if (!nested)
                    {
                        row.Types++;
                    }
                }

                if (!nested)
                {
                    all.Types++;
                }

                foreach (MethodDefinitionHandle mh in type.GetMethods())
                {
                    MethodDefinition m = md.GetMethodDefinition(mh);
                    if (m.RelativeVirtualAddress == 0)
                    {
                        continue;
                    }

                    MethodBodyBlock body = pe.GetMethodBody(m.RelativeVirtualAddress);
                    int il = body.GetILBytes().Length;
                    all.Add(il, body.Size);
                    row?.Add(il, body.Size);
                }
            }

            Console.WriteLine($"{path}: {new FileInfo(path).Length} bytes");
            Console.WriteLine($"{"namespace",-52} {"types",6} {"methods",8} {"IL bytes",9} {"bodies",9}");
            var codec = new Row();
            foreach (KeyValuePair<string, Row> r in rows)
            {
                Print(r.Key, r.Value);
                codec.Types += r.Value.Types;
                codec.Methods += r.Value.Methods;
                codec.IlBytes += r.Value.IlBytes;
                codec.BodyBytes += r.Value.BodyBytes;
            }

            Print("codec (the namespaces above)", codec);
            Print("whole V2G.Protocol", all);
            Console.WriteLine("IL bytes: the instructions only; bodies: with method headers and exception tables, as they lie in the DLL.");
            return 0;
        }

        private static void Print(string name, Row r)
        {
            Console.WriteLine($"{name,-52} {r.Types,6} {r.Methods,8} {r.IlBytes,9} {r.BodyBytes,9}");
        }

        private static string NamespaceOf(MetadataReader md, TypeDefinition type)
        {
            while (type.GetDeclaringType() != default)
            {
                type = md.GetTypeDefinition(type.GetDeclaringType());
            }

            return md.GetString(type.Namespace);
        }

        private sealed class Row
        {
            public int Types;
            public int Methods;
            public long IlBytes;
            public long BodyBytes;

            public void Add(int il, int body)
            {
                Methods++;
                IlBytes += il;
                BodyBytes += body;
            }
        }
    }
}
