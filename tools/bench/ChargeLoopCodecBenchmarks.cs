using System;
using BenchmarkDotNet.Attributes;
using V2G.Protocol.Iso15118.Exi;
using V2G.Protocol.Iso15118.Generated.Dc;

namespace V2G.Bench
{
    /// <summary>
    /// The generated EXI codec (<see cref="Iso20DcDocument"/>) on each DC_ChargeLoop reference vector:
    /// decode + encode, decode only, encode only, into one document and one output buffer allocated at
    /// setup, as the SECC keeps them for the whole session. The setup reads the vector's bytes from
    /// ../shared/interop/iso15118-20/vectors.json and throws unless decoding and re-encoding gives them
    /// back byte for byte, so a broken codec reports no figure.
    /// </summary>
    [MemoryDiagnoser]
    public class ChargeLoopCodecBenchmarks
    {
        /// <summary>Larger than any DC_ChargeLoop message (the largest vector is 89 bytes).</summary>
        private const int OutputCapacityBytes = 256;

        private readonly Iso20DcDocument _doc = new Iso20DcDocument();
        private readonly byte[] _output = new byte[OutputCapacityBytes];
        private byte[] _input;
        private int _written;

        /// <summary>The vector's name in vectors.json.</summary>
        [Params(
            "DC_ChargeLoopReq_BPT_Dynamic_Discharging",
            "DC_ChargeLoopReq_BPT_Scheduled_Discharging",
            "DC_ChargeLoopRes_BPT_Dynamic_Discharging",
            "DC_ChargeLoopRes_BPT_Scheduled_Discharging_MeterInfo",
            "DC_ChargeLoopRes_BPT_Dynamic_Terminate")]
        public string Vector { get; set; }

        [GlobalSetup]
        public void LoadAndCheckRoundTrip()
        {
            ExiVector v = ExiVector.Load(Vector);
            if (v.Grammar != "iso20_DC")
            {
                throw new InvalidOperationException($"{Vector} is of grammar {v.Grammar}, not iso20_DC");
            }

            _input = v.Exi;
            Iso20DcRoot expectedRoot = (Iso20DcRoot)Enum.Parse(typeof(Iso20DcRoot), v.RootElement);

            // The first decode creates the message objects; the measured ones reuse them.
            Require(_doc.Decode(_input, 0, _input.Length), "decode");
            if (_doc.Root != expectedRoot || _doc.BytesConsumed != _input.Length)
            {
                throw new InvalidOperationException($"{Vector}: decoded root {_doc.Root} from {_doc.BytesConsumed} bytes, expected {expectedRoot} from {_input.Length}");
            }

            Require(_doc.Encode(_output, 0, _output.Length, out _written), "encode");
            RequireOutputIsTheVector();
            Console.WriteLine($"// {Vector}: {_input.Length} bytes, root {_doc.Root}, decode + encode reproduces the vector byte for byte");
        }

        [Benchmark(Description = "Decode + encode")]
        public int DecodeAndEncode()
        {
            ExiError e = _doc.Decode(_input, 0, _input.Length);
            e |= _doc.Encode(_output, 0, _output.Length, out int written);
            return (int)e + written;
        }

        [Benchmark(Description = "Decode only")]
        public ExiError DecodeOnly()
        {
            return _doc.Decode(_input, 0, _input.Length);
        }

        [Benchmark(Description = "Encode only")]
        public ExiError EncodeOnly()
        {
            return _doc.Encode(_output, 0, _output.Length, out _written);
        }

        [GlobalCleanup]
        public void CheckStillTheVector()
        {
            // Whatever ran last, one more round trip must still give the vector back.
            Require(_doc.Decode(_input, 0, _input.Length), "decode");
            Require(_doc.Encode(_output, 0, _output.Length, out _written), "encode");
            RequireOutputIsTheVector();
        }

        private void Require(ExiError e, string what)
        {
            if (e != ExiError.Ok)
            {
                throw new InvalidOperationException($"{Vector}: {what} failed: {ExiErrorNames.Name(e)}");
            }
        }

        private void RequireOutputIsTheVector()
        {
            if (!_output.AsSpan(0, _written).SequenceEqual(_input))
            {
                throw new InvalidOperationException(
                    $"{Vector}: re-encoding gave {Convert.ToHexString(_output, 0, _written)}, the vector is {Convert.ToHexString(_input)}");
            }
        }
    }
}
