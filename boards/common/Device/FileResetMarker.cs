// Device-only (nanoFramework, package nanoFramework.System.IO.FileSystem): compiled by boards/esp32 only.
//
// FileStream(path, mode): FileMode.Create overwrites an existing file, OpenOrCreate creates it if absent, Length
// reads the file's size (source: nanoframework/System.IO.FileSystem, FileStream.cs). SetLength is not implemented
// there, so the marker is cleared by re-creating the file empty.
using System;
using System.IO;

namespace V2G.Boards.Device
{
    /// <summary>The watchdog's reset marker as a one-byte file on the board's file system (ESP32: the internal drive I:\).</summary>
    public sealed class FileResetMarker : IResetMarker
    {
        private readonly string _path;

        /// <summary>The marker at <paramref name="path"/>, e.g. I:\wdreset.</summary>
        public FileResetMarker(string path)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentException("path");
            }

            _path = path;
        }

        /// <inheritdoc />
        public bool ReadAndClear()
        {
            try
            {
                FileStream probe = new FileStream(_path, FileMode.OpenOrCreate);
                bool present = probe.Length > 0;
                probe.Dispose();
                if (present)
                {
                    new FileStream(_path, FileMode.Create).Dispose();
                }

                return present;
            }
            catch (Exception)
            {
                // The file system is not there: the question cannot be answered, and false is the safe answer.
                return false;
            }
        }

        /// <inheritdoc />
        public void Set()
        {
            try
            {
                FileStream marker = new FileStream(_path, FileMode.Create);
                marker.WriteByte(1);
                marker.Dispose();
            }
            catch (Exception)
            {
                // Reboot regardless: the marker only serves the next boot's diagnostics.
            }
        }
    }
}
