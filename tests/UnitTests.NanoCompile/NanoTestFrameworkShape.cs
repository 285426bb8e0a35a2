using System;

// The shape of nanoFramework.TestFramework's public API that our tests use (its no-generics
// flavour: one AreEqual per primitive type, object and string, each with a message), declared so
// the test sources can be compiled against the device's mscorlib here. Compile-only: never run.
namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters)
        {
        }
    }

    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(byte expected, byte actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(char expected, char actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(double expected, double actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(float expected, float actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(int expected, int actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(long expected, long actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(object expected, object actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(short expected, short actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(string expected, string actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(uint expected, uint actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(ulong expected, ulong actual, string message = "") => throw new NotSupportedException();

        public static void AreEqual(ushort expected, ushort actual, string message = "") => throw new NotSupportedException();

        public static void IsTrue(bool condition, string message = "") => throw new NotSupportedException();

        public static void IsFalse(bool condition, string message = "") => throw new NotSupportedException();

        public static void IsNull(object value, string message = "") => throw new NotSupportedException();

        public static void IsNotNull(object value, string message = "") => throw new NotSupportedException();

        public static void Fail(string message = "") => throw new NotSupportedException();
    }
}
