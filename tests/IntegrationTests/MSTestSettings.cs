using Microsoft.VisualStudio.TestTools.UnitTesting;

// Each class looks at its own scenario runs (or its own temp folder), so classes can run side by side.
[assembly: Parallelize(Scope = ExecutionScope.ClassLevel, Workers = 2)]
