using System;
using System.IO;

namespace Exigen
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            string schemas = null, output = null;
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--schemas" && i + 1 < args.Length) schemas = args[++i];
                else if (args[i] == "--out" && i + 1 < args.Length) output = args[++i];
                else
                {
                    Console.Error.WriteLine("unknown argument: " + args[i]);
                    return Usage();
                }
            }
            if (schemas == null || output == null) return Usage();
            if (!Directory.Exists(schemas))
            {
                Console.Error.WriteLine("no such schema folder: " + schemas);
                return 2;
            }
            foreach (var file in Generator.Generate(schemas, output))
            {
                Console.WriteLine("wrote " + file);
            }
            return 0;
        }

        static int Usage()
        {
            Console.Error.WriteLine("usage: exigen --schemas DIR --out protocol/Iso15118/generated");
            return 2;
        }
    }
}
