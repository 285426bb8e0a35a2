using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each test compiles its own fixture into its own file, so classes can run side by side.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
