using System;
using System.IO;

namespace V2G.IntegrationTests.TestSupport
{
    /// <summary>A fresh folder under the system's temp folder, deleted with everything in it on dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "v2g-integration-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS's temp cleaning; a test must not fail on its cleanup.
            }
        }
    }
}
