using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using V2G.Protocol.Iso15118.Transport;
using V2G.Transport.Tests.TestSupport;

namespace V2G.Transport.Tests
{
    [TestClass]
    public sealed class V2gtpReaderTests
    {
        private static V2gtpReader Reader(MemoryByteStream stream, int maxPayloadLength = 64)
            => new(stream, V2gtpPayloadType.SessionTypes(), maxPayloadLength);

        [TestMethod]
        public void NothingWaitingIsWaiting()
        {
            var stream = new MemoryByteStream();
            Assert.AreEqual(V2gtpReadStatus.Waiting, Reader(stream).Poll());
        }

        [TestMethod]
        public void AMessageFedByteByByteCompletesOnItsLastByte()
        {
            var stream = new MemoryByteStream();
            V2gtpReader reader = Reader(stream);
            byte[] message = Hex.Bytes("01fe8002000000038090aa");

            for (int i = 0; i < message.Length - 1; i++)
            {
                stream.Feed(message[i]);
                Assert.AreEqual(V2gtpReadStatus.Waiting, reader.Poll(), $"after byte {i}");
            }

            stream.Feed(message[^1]);
            Assert.AreEqual(V2gtpReadStatus.Message, reader.Poll());
            Assert.AreEqual(V2gtpPayloadType.CommonMessages, reader.PayloadType);
            Assert.AreEqual(3, reader.PayloadLength);
            Assert.AreEqual("8090aa", Hex.Of(reader.Buffer, reader.PayloadOffset, reader.PayloadLength));
        }

        [TestMethod]
        public void ReadsStopAtTheMessageEndSoTheNextMessageStaysInTheStream()
        {
            var stream = new MemoryByteStream();
            V2gtpReader reader = Reader(stream);
            stream.Feed(Hex.Bytes("01fe80040000000111" + "01fe80010000000222 33"));

            Assert.AreEqual(V2gtpReadStatus.Message, reader.Poll());
            Assert.AreEqual(V2gtpPayloadType.Dc, reader.PayloadType);
            Assert.AreEqual("11", Hex.Of(reader.Buffer, reader.PayloadOffset, reader.PayloadLength));
            Assert.AreEqual(V2gtpReadStatus.Message, reader.Poll());
            Assert.AreEqual(V2gtpPayloadType.SupportedAppProtocol, reader.PayloadType);
            Assert.AreEqual("2233", Hex.Of(reader.Buffer, reader.PayloadOffset, reader.PayloadLength));
            Assert.AreEqual(V2gtpReadStatus.Waiting, reader.Poll());
        }

        [TestMethod]
        public void AnEmptyPayloadIsAWholeMessage()
        {
            var stream = new MemoryByteStream();
            V2gtpReader reader = Reader(stream);
            stream.Feed(Hex.Bytes("01fe810400000000"));

            Assert.AreEqual(V2gtpReadStatus.Message, reader.Poll());
            Assert.AreEqual(0, reader.PayloadLength);
            Assert.AreEqual(V2gtpPayloadType.ParkingStatus, reader.PayloadType);
        }

        [TestMethod]
        public void APayloadOfExactlyTheMaximumIsAccepted()
        {
            var stream = new MemoryByteStream();
            V2gtpReader reader = Reader(stream, maxPayloadLength: 4);
            stream.Feed(Hex.Bytes("01fe8002000000040102030401fe800200000005"));

            Assert.AreEqual(V2gtpReadStatus.Message, reader.Poll());
            Assert.AreEqual(V2gtpReadStatus.Error, reader.Poll());
            Assert.AreEqual(V2gtpError.PayloadTooLong, reader.Error);
        }

        [TestMethod]
        [DataRow("00fe800200000000", V2gtpError.WrongProtocolVersion)]
        [DataRow("01fd800200000000", V2gtpError.WrongInverseProtocolVersion)]
        [DataRow("01fe900000000002", V2gtpError.UnknownPayloadType)]
        [DataRow("01fe800700000000", V2gtpError.UnknownPayloadType)]
        [DataRow("01fe800200000041", V2gtpError.PayloadTooLong)]
        [DataRow("01fe80027fffffff", V2gtpError.PayloadTooLong)]
        [DataRow("01fe8002ffffffff", V2gtpError.PayloadTooLong)]
        public void ARefusedHeaderIsAnErrorThatStays(string header, V2gtpError expected)
        {
            var stream = new MemoryByteStream();
            V2gtpReader reader = Reader(stream);
            stream.Feed(Hex.Bytes(header));
            stream.Feed(Hex.Bytes("01fe800200000000"));

            Assert.AreEqual(V2gtpReadStatus.Error, reader.Poll());
            Assert.AreEqual(expected, reader.Error);
            // The framing is lost: nothing after the refused header is taken for a message.
            Assert.AreEqual(V2gtpReadStatus.Error, reader.Poll());
        }

        [TestMethod]
        public void AHeaderIsJudgedAsSoonAsItIsWholeBeforeAnyPayload()
        {
            var stream = new MemoryByteStream();
            V2gtpReader reader = Reader(stream);
            stream.Feed(Hex.Bytes("01fe8002ffffffff"));

            Assert.AreEqual(V2gtpReadStatus.Error, reader.Poll());
            Assert.AreEqual(V2gtpError.PayloadTooLong, reader.Error);
            Assert.AreEqual(8 + 64, reader.Buffer.Length);
        }

        [TestMethod]
        public void AStreamClosedMidMessageIsClosed()
        {
            var stream = new MemoryByteStream();
            V2gtpReader reader = Reader(stream);
            stream.Feed(Hex.Bytes("01fe80020000000401"));
            stream.PeerClose();

            Assert.AreEqual(V2gtpReadStatus.Closed, reader.Poll());
            Assert.AreEqual(V2gtpError.StreamClosed, reader.Error);
        }

        [TestMethod]
        public void BytesThatArrivedBeforeTheCloseAreStillDelivered()
        {
            var stream = new MemoryByteStream();
            V2gtpReader reader = Reader(stream);
            stream.Feed(Hex.Bytes("01fe80020000000101"));
            stream.PeerClose();

            Assert.AreEqual(V2gtpReadStatus.Message, reader.Poll());
            Assert.AreEqual(V2gtpReadStatus.Closed, reader.Poll());
        }

        [TestMethod]
        public void ReadingMessagesAllocatesNothing()
        {
            var stream = new MemoryByteStream { MaxBytesPerRead = 3 };
            V2gtpReader reader = Reader(stream);
            byte[] message = Hex.Bytes("01fe800400000010" + "000102030405060708090a0b0c0d0e0f");
            for (int i = 0; i < 50; i++)
            {
                stream.Feed(message);
            }

            reader.Poll();
            long before = GC.GetAllocatedBytesForCurrentThread();
            int messages = 1;
            for (int i = 0; i < 200 && messages < 50; i++)
            {
                if (reader.Poll() == V2gtpReadStatus.Message)
                {
                    messages++;
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(50, messages);
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void WriterPutsTheHeaderBeforeThePayloadInOneWrite()
        {
            var stream = new MemoryByteStream();
            var writer = new V2gtpWriter(stream, 16);

            Assert.AreEqual(V2gtpError.None, writer.Write(V2gtpPayloadType.Dc, Hex.Bytes("aabbcc"), 0, 3));
            Assert.AreEqual("01fe800400000003aabbcc", Hex.Of(stream.Written.ToArray(), 0, stream.Written.Count));
        }

        [TestMethod]
        public void WriterRefusesAnOversizedPayloadAnUndefinedTypeAndAClosedStream()
        {
            var stream = new MemoryByteStream();
            var writer = new V2gtpWriter(stream, 2);

            Assert.AreEqual(V2gtpError.PayloadTooLong, writer.Write(V2gtpPayloadType.Dc, new byte[3], 0, 3));
            Assert.AreEqual(V2gtpError.UnknownPayloadType, writer.Send(0x8007, 0));
            stream.Close();
            Assert.AreEqual(V2gtpError.StreamClosed, writer.Send(V2gtpPayloadType.Dc, 0));
            Assert.AreEqual(0, stream.Written.Count);
        }
    }
}
