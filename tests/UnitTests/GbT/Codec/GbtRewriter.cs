using V2G.Protocol.GbT;

namespace V2G.UnitTests.GbT.Codec
{
    /// <summary>Reads a payload with its message class and writes it back (test helper: one instance of every message).</summary>
    public sealed class GbtRewriter
    {
        private readonly ChmMessage _chm = new ChmMessage();
        private readonly BhmMessage _bhm = new BhmMessage();
        private readonly CrmMessage _crm = new CrmMessage();
        private readonly BrmMessage _brm = new BrmMessage();
        private readonly BcpMessage _bcp = new BcpMessage();
        private readonly CtsMessage _cts = new CtsMessage();
        private readonly CmlMessage _cml = new CmlMessage();
        private readonly BroMessage _bro = new BroMessage();
        private readonly CroMessage _cro = new CroMessage();
        private readonly BclMessage _bcl = new BclMessage();
        private readonly BcsMessage _bcs = new BcsMessage();
        private readonly CcsMessage _ccs = new CcsMessage();
        private readonly BsmMessage _bsm = new BsmMessage();
        private readonly BmvMessage _bmv = new BmvMessage();
        private readonly BmtMessage _bmt = new BmtMessage();
        private readonly BspMessage _bsp = new BspMessage();
        private readonly BstMessage _bst = new BstMessage();
        private readonly CstMessage _cst = new CstMessage();
        private readonly BsdMessage _bsd = new BsdMessage();
        private readonly CsdMessage _csd = new CsdMessage();
        private readonly BemMessage _bem = new BemMessage();
        private readonly CemMessage _cem = new CemMessage();

        /// <summary>Read then Write; returns the written length, or −1 if Read refused the payload or the PF is unknown.</summary>
        public int Rewrite(int pf, byte[] payload, int length, byte[] output)
        {
            switch (pf)
            {
                case GbtPf.Chm: return _chm.Read(payload, length) ? _chm.Write(output) : -1;
                case GbtPf.Bhm: return _bhm.Read(payload, length) ? _bhm.Write(output) : -1;
                case GbtPf.Crm: return _crm.Read(payload, length) ? _crm.Write(output) : -1;
                case GbtPf.Brm: return _brm.Read(payload, length) ? _brm.Write(output) : -1;
                case GbtPf.Bcp: return _bcp.Read(payload, length) ? _bcp.Write(output) : -1;
                case GbtPf.Cts: return _cts.Read(payload, length) ? _cts.Write(output) : -1;
                case GbtPf.Cml: return _cml.Read(payload, length) ? _cml.Write(output) : -1;
                case GbtPf.Bro: return _bro.Read(payload, length) ? _bro.Write(output) : -1;
                case GbtPf.Cro: return _cro.Read(payload, length) ? _cro.Write(output) : -1;
                case GbtPf.Bcl: return _bcl.Read(payload, length) ? _bcl.Write(output) : -1;
                case GbtPf.Bcs: return _bcs.Read(payload, length) ? _bcs.Write(output) : -1;
                case GbtPf.Ccs: return _ccs.Read(payload, length) ? _ccs.Write(output) : -1;
                case GbtPf.Bsm: return _bsm.Read(payload, length) ? _bsm.Write(output) : -1;
                case GbtPf.Bmv: return _bmv.Read(payload, length) ? _bmv.Write(output) : -1;
                case GbtPf.Bmt: return _bmt.Read(payload, length) ? _bmt.Write(output) : -1;
                case GbtPf.Bsp: return _bsp.Read(payload, length) ? _bsp.Write(output) : -1;
                case GbtPf.Bst: return _bst.Read(payload, length) ? _bst.Write(output) : -1;
                case GbtPf.Cst: return _cst.Read(payload, length) ? _cst.Write(output) : -1;
                case GbtPf.Bsd: return _bsd.Read(payload, length) ? _bsd.Write(output) : -1;
                case GbtPf.Csd: return _csd.Read(payload, length) ? _csd.Write(output) : -1;
                case GbtPf.Bem: return _bem.Read(payload, length) ? _bem.Write(output) : -1;
                case GbtPf.Cem: return _cem.Read(payload, length) ? _cem.Write(output) : -1;
                default: return -1;
            }
        }
    }
}
