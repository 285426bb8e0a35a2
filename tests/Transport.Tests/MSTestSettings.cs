using Microsoft.VisualStudio.TestTools.UnitTesting;

// Every socket test binds its own free port, so classes can run side by side on the 2 cores.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
