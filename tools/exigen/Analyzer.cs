using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Schema;

namespace Exigen
{
    /// <summary>Compiles one schema set and derives message classes and EXI grammars from it.</summary>
    public sealed class Analyzer
    {
        public const int DefaultArrayCap = 64;      // maxOccurs unbounded or above this
        public const int DefaultStringCap = 256;    // strings without maxLength
        public const int DefaultBinaryCap = 1024;   // binary without length/maxLength
        public const int BigIntegerCap = 32;
        public const int GroupArrayCap = 4;         // elements inside a repeated sequence/choice (xmldsig KeyInfo, X509Data ...)        // magnitude bytes of unbounded xs:integer (X.509 serials take up to 20)
        const string Xsd = "http://www.w3.org/2001/XMLSchema";

        public readonly XmlSchemaSet Set = new XmlSchemaSet();
        public readonly List<XmlSchemaElement> GlobalElements;
        public readonly Dictionary<XmlSchemaComplexType, ComplexInfo> Complex = new Dictionary<XmlSchemaComplexType, ComplexInfo>();
        public readonly Dictionary<XmlSchemaSimpleType, ValueInfo> Values = new Dictionary<XmlSchemaSimpleType, ValueInfo>();
        public readonly Dictionary<string, ValueInfo> Enums = new Dictionary<string, ValueInfo>();
        public readonly Dictionary<string, int> QNameIds = new Dictionary<string, int>();
        readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);
        readonly List<FieldInfo> _stringFields = new List<FieldInfo>();

        public Analyzer(string dir, IEnumerable<string> files)
        {
            Set.XmlResolver = null;
            foreach (string f in files)
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null };
                using (var reader = XmlReader.Create(Path.Combine(dir, f), settings))
                {
                    Set.Add(null, reader);
                }
            }
            Set.Compile();
            GlobalElements = Set.GlobalElements.Values.Cast<XmlSchemaElement>()
                .OrderBy(e => e.QualifiedName.Name, StringComparer.Ordinal)
                .ThenBy(e => e.QualifiedName.Namespace, StringComparer.Ordinal).ToList();
        }

        public static int BitWidth(long n)
        {
            int bits = 0;
            while ((1L << bits) < n) bits++;
            return bits;
        }

        static string Cap(string s) => char.ToUpperInvariant(s[0]) + s.Substring(1);

        string UniqueName(string wanted, string ns)
        {
            string name = wanted;
            if (!_names.Add(name))
            {
                string prefix = ns.Contains("xmldsig") ? "Ds" : ns.Contains("CommonTypes") ? "Ct" : "X";
                name = prefix + wanted;
                int i = 2;
                while (!_names.Add(name)) name = prefix + wanted + (i++);
            }
            return name;
        }

        public void AnalyzeAll()
        {
            foreach (var el in GlobalElements)
            {
                if (el.ElementSchemaType is XmlSchemaComplexType ct) GetComplex(ct, el.QualifiedName);
                else if (el.ElementSchemaType is XmlSchemaSimpleType st) TryValue(st, el.QualifiedName.Name, out _);
            }
            // Build grammars in a stable order (names are unique by now).
            foreach (var ci in Complex.Values.OrderBy(c => c.Name, StringComparer.Ordinal).ToList())
            {
                BuildGrammar(ci);
            }
            foreach (var el in GlobalElements)
            {
                if (el.ElementSchemaType is XmlSchemaSimpleType st && TryValue(st, el.QualifiedName.Name, out var vi) && vi.Kind == ValueKind.String)
                    _stringFields.Add(new FieldInfo { QName = el.QualifiedName, Value = vi });
            }
            // String-table keys: sorted qualified names of string-valued elements and attributes.
        }

        /// <summary>Qualified names whose values are strings (keys of the local value tables).</summary>
        public IEnumerable<string> StringQNameKeys => _stringFields.Select(f => QKey(f.QName));

        /// <summary>
        /// Numbers the local value tables. The numbering is shared by all grammars (a union, sorted), so
        /// a class generated once serves every grammar that has it.
        /// </summary>
        public void AssignQNameIds(Dictionary<string, int> ids)
        {
            foreach (var kv in ids) QNameIds[kv.Key] = kv.Value;
            foreach (var f in _stringFields) f.QNameId = QNameIds[QKey(f.QName)];
        }

        static string QKey(XmlQualifiedName q) => "{" + q.Namespace + "}" + q.Name;

        public ComplexInfo GetComplex(XmlSchemaComplexType ct, XmlQualifiedName elementName)
        {
            if (Complex.TryGetValue(ct, out var existing)) return existing;
            var ci = new ComplexInfo { Schema = ct };
            Complex[ct] = ci;
            string baseName = ct.QualifiedName.IsEmpty ? Cap(elementName.Name) + "Type" : Cap(ct.QualifiedName.Name);
            ci.Name = UniqueName(baseName, ct.QualifiedName.IsEmpty ? elementName.Namespace : ct.QualifiedName.Namespace);
            ci.SortKey = ct.QualifiedName.IsEmpty ? elementName : ct.QualifiedName;
            if (ct.IsAbstract) ci.Unsupported = "abstract type";
            else if (ct.AttributeWildcard != null) ci.Unsupported = "attribute wildcard";
            if (ci.Unsupported != null) return ci;
            if (ct.IsMixed)
            {
                // Untyped CH strings of mixed content go into the value table of the element's qname.
                ci.Mixed = true;
                ci.TextField = new FieldInfo { Name = "Text", Kind = FieldKind.Content, QName = elementName,
                    Value = new ValueInfo { Kind = ValueKind.String, CsType = "ExiString", Capacity = DefaultStringCap } };
                _stringFields.Add(ci.TextField);
            }
            try
            {
                CollectFields(ci);
            }
            catch (NotSupportedException ex)
            {
                ci.Unsupported = ex.Message;
                ci.Fields.Clear();
            }
            return ci;
        }

        // ---------------------------------------------------------------- simple types

        public bool TryValue(XmlSchemaSimpleType st, string ownerName, out ValueInfo vi)
        {
            if (Values.TryGetValue(st, out vi)) return vi != null;
            vi = AnalyzeSimple(st, ownerName);
            Values[st] = vi;
            return vi != null;
        }

        ValueInfo AnalyzeSimple(XmlSchemaSimpleType st, string ownerName)
        {
            if (st.Content is XmlSchemaSimpleTypeList || st.Content is XmlSchemaSimpleTypeUnion) return null;
            List<string> enums = null;
            int? length = null;
            decimal? min = null, max = null;
            bool hasPattern = false;
            XmlSchemaSimpleType enumOwner = null;
            for (var t = st; t != null && t.QualifiedName.Namespace != Xsd; t = t.BaseXmlSchemaType as XmlSchemaSimpleType)
            {
                if (!(t.Content is XmlSchemaSimpleTypeRestriction r)) break;
                var here = new List<string>();
                foreach (XmlSchemaFacet f in r.Facets)
                {
                    switch (f)
                    {
                        case XmlSchemaEnumerationFacet e: here.Add(e.Value); break;
                        case XmlSchemaLengthFacet l: if (length == null) length = int.Parse(l.Value); break;
                        case XmlSchemaMaxLengthFacet l: if (length == null) length = int.Parse(l.Value); break;
                        case XmlSchemaMinInclusiveFacet m: min = Max(min, decimal.Parse(m.Value)); break;
                        case XmlSchemaMinExclusiveFacet m: min = Max(min, decimal.Parse(m.Value) + 1); break;
                        case XmlSchemaMaxInclusiveFacet m: max = Min(max, decimal.Parse(m.Value)); break;
                        case XmlSchemaMaxExclusiveFacet m: max = Min(max, decimal.Parse(m.Value) - 1); break;
                        case XmlSchemaPatternFacet: hasPattern = true; break;
                    }
                }
                if (enums == null && here.Count > 0) { enums = here; enumOwner = t; }
            }
            var code = st.Datatype.TypeCode;
            var vi = new ValueInfo();
            if (enums != null)
            {
                vi.Kind = ValueKind.Enumeration;
                vi.EnumValues = enums;
                vi.Bits = BitWidth(enums.Count);
                string wanted = enumOwner.QualifiedName.IsEmpty ? Cap(ownerName) + "Enum" : Cap(enumOwner.QualifiedName.Name);
                // One C# enum per enumerated simple type.
                string key = enumOwner.QualifiedName.IsEmpty ? "anon:" + ownerName : QKey(enumOwner.QualifiedName);
                if (Enums.TryGetValue(key, out var known)) return known;
                vi.EnumName = UniqueName(wanted, enumOwner.QualifiedName.Namespace);
                vi.CsType = vi.EnumName;
                Enums[key] = vi;
                return vi;
            }
            switch (code)
            {
                case XmlTypeCode.Boolean:
                    if (hasPattern) return null;
                    vi.Kind = ValueKind.Boolean; vi.CsType = "bool"; return vi;
                case XmlTypeCode.String: case XmlTypeCode.AnyUri: case XmlTypeCode.Id: case XmlTypeCode.NCName:
                case XmlTypeCode.Token: case XmlTypeCode.NormalizedString: case XmlTypeCode.Name: case XmlTypeCode.NmToken:
                case XmlTypeCode.Language: case XmlTypeCode.Idref:
                    if (hasPattern) return null; // restricted character sets are not implemented
                    vi.Kind = ValueKind.String; vi.CsType = "ExiString"; vi.Capacity = length ?? DefaultStringCap; return vi;
                case XmlTypeCode.HexBinary: case XmlTypeCode.Base64Binary:
                    vi.Kind = ValueKind.Binary; vi.CsType = "ExiBytes"; vi.Capacity = length ?? DefaultBinaryCap;
                    vi.IsHex = code == XmlTypeCode.HexBinary; return vi;
            }
            string cs; decimal tmin, tmax;
            switch (code)
            {
                case XmlTypeCode.Byte: cs = "sbyte"; tmin = sbyte.MinValue; tmax = sbyte.MaxValue; break;
                case XmlTypeCode.UnsignedByte: cs = "byte"; tmin = 0; tmax = byte.MaxValue; break;
                case XmlTypeCode.Short: cs = "short"; tmin = short.MinValue; tmax = short.MaxValue; break;
                case XmlTypeCode.UnsignedShort: cs = "ushort"; tmin = 0; tmax = ushort.MaxValue; break;
                case XmlTypeCode.Int: cs = "int"; tmin = int.MinValue; tmax = int.MaxValue; break;
                case XmlTypeCode.UnsignedInt: cs = "uint"; tmin = 0; tmax = uint.MaxValue; break;
                case XmlTypeCode.Long: case XmlTypeCode.Integer: case XmlTypeCode.NonPositiveInteger: case XmlTypeCode.NegativeInteger:
                    cs = "long"; tmin = long.MinValue; tmax = long.MaxValue; break;
                case XmlTypeCode.UnsignedLong: case XmlTypeCode.NonNegativeInteger: case XmlTypeCode.PositiveInteger:
                    cs = "ulong"; tmin = 0; tmax = ulong.MaxValue; break;
                default: return null;
            }
            if (code == XmlTypeCode.PositiveInteger) min = Max(min, 1);
            if (code == XmlTypeCode.NonPositiveInteger) max = Min(max, 0);
            if (code == XmlTypeCode.NegativeInteger) max = Min(max, -1);
            // Integer/nonNegativeInteger are unbounded in XSD: EXI bounds come from facets only.
            bool unboundedBuiltin = code == XmlTypeCode.Integer || code == XmlTypeCode.NonNegativeInteger || code == XmlTypeCode.PositiveInteger
                || code == XmlTypeCode.NonPositiveInteger || code == XmlTypeCode.NegativeInteger;
            decimal? xmin = unboundedBuiltin ? min : Max(min, tmin);
            decimal? xmax = unboundedBuiltin ? max : Min(max, tmax);
            if (code == XmlTypeCode.NonNegativeInteger || code == XmlTypeCode.PositiveInteger) xmin = Max(min, 0);
            vi.CsType = cs; vi.TypeMin = tmin; vi.TypeMax = tmax;
            vi.Min = Math.Max(xmin ?? tmin, tmin); vi.Max = Math.Min(xmax ?? tmax, tmax);
            if (xmin.HasValue && xmax.HasValue && xmax.Value - xmin.Value + 1 <= 4096)
            {
                vi.Kind = ValueKind.NBit;
                vi.Bits = BitWidth((long)(xmax.Value - xmin.Value + 1));
            }
            else if (unboundedBuiltin && (!xmin.HasValue || xmin.Value < long.MinValue) || unboundedBuiltin && (!xmax.HasValue || xmax.Value > long.MaxValue))
            {
                // xs:integer and kin have no size: values beyond 64 bits (certificate serial numbers) occur.
                vi.Kind = ValueKind.BigInteger;
                vi.CsType = "ExiBigInteger";
                vi.Capacity = BigIntegerCap;
            }
            else if (xmin.HasValue && xmin.Value >= 0) vi.Kind = ValueKind.Unsigned;
            else vi.Kind = ValueKind.Integer;
            return vi;
        }

        static decimal? Max(decimal? a, decimal b) => a.HasValue ? Math.Max(a.Value, b) : b;
        static decimal? Min(decimal? a, decimal b) => a.HasValue ? Math.Min(a.Value, b) : b;

        // ---------------------------------------------------------------- fields

        /// <summary>Substitution-group members an element particle stands for, sorted by local name then namespace (EXI 1.0 §8.5.4.1.6).</summary>
        public List<XmlSchemaElement> Members(XmlSchemaElement particle)
        {
            var head = Set.GlobalElements[particle.QualifiedName] as XmlSchemaElement;
            if (particle.RefName.IsEmpty || head == null) return new List<XmlSchemaElement> { particle };
            var list = new List<XmlSchemaElement>();
            foreach (var g in GlobalElements)
            {
                bool member = g == head;
                for (var s = g; !member && s != null && !s.SubstitutionGroup.IsEmpty;)
                {
                    if (s.SubstitutionGroup == head.QualifiedName) member = true;
                    s = Set.GlobalElements[s.SubstitutionGroup] as XmlSchemaElement;
                }
                if (member && !g.IsAbstract) list.Add(g);
            }
            return list; // GlobalElements is already sorted
        }

        void CollectFields(ComplexInfo ci)
        {
            var ct = ci.Schema;
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var a in SortedAttributes(ct))
            {
                if (!(a.AttributeSchemaType is XmlSchemaSimpleType st) || !TryValue(st, a.QualifiedName.Name, out var vi))
                    throw new NotSupportedException("attribute " + a.QualifiedName.Name + " of unsupported type");
                var f = new FieldInfo { Name = Safe(a.QualifiedName.Name), Kind = FieldKind.Attribute, QName = a.QualifiedName, Value = vi, Optional = a.Use != XmlSchemaUse.Required };
                if (!names.Add(f.Name)) throw new NotSupportedException("duplicate member " + f.Name);
                AddField(ci, f);
            }
            if (ct.ContentType == XmlSchemaContentType.TextOnly)
            {
                XmlSchemaType t = ct;
                while (t is XmlSchemaComplexType) t = t.BaseXmlSchemaType;
                if (!(t is XmlSchemaSimpleType st) || !TryValue(st, ci.Name, out var vi)) throw new NotSupportedException("simple content of unsupported type");
                var f = new FieldInfo { Name = names.Contains("Value") ? "ContentValue" : "Value", Kind = FieldKind.Content, QName = XmlQualifiedName.Empty, Value = vi };
                AddField(ci, f);
            }
            else if (ct.ContentType == XmlSchemaContentType.ElementOnly || ct.ContentType == XmlSchemaContentType.Mixed)
            {
                CollectParticle(ci, ct.ContentTypeParticle, false, false, names);
            }
            else if (ct.ContentType != XmlSchemaContentType.Empty)
            {
                throw new NotSupportedException("content type " + ct.ContentType);
            }
        }

        void AddField(ComplexInfo ci, FieldInfo f)
        {
            ci.Fields.Add(f);
            if (f.Value != null && f.Value.Kind == ValueKind.String) _stringFields.Add(f);
        }

        public static List<XmlSchemaAttribute> SortedAttributes(XmlSchemaComplexType ct)
        {
            return ct.AttributeUses.Values.Cast<XmlSchemaAttribute>().Where(a => a.Use != XmlSchemaUse.Prohibited)
                .OrderBy(a => a.QualifiedName.Name, StringComparer.Ordinal).ThenBy(a => a.QualifiedName.Namespace, StringComparer.Ordinal).ToList();
        }

        static int Occurs(decimal d) => d == decimal.MaxValue ? -1 : (int)d;

        void CollectParticle(ComplexInfo ci, XmlSchemaParticle p, bool optionalContext, bool group, HashSet<string> names)
        {
            int min = Occurs(p.MinOccurs), max = Occurs(p.MaxOccurs);
            if (max == 0) return;
            switch (p)
            {
                case XmlSchemaElement el:
                {
                    var members = Members(el);
                    bool repeated = max != 1;
                    if (repeated && members.Count != 1) throw new NotSupportedException("repeated substitution group");
                    if (repeated && group) throw new NotSupportedException("repeated element in a repeated group");
                    foreach (var m in members)
                    {
                        var f = new FieldInfo { Name = Safe(m.QualifiedName.Name), Kind = FieldKind.Element, QName = m.QualifiedName };
                        if (m.ElementSchemaType is XmlSchemaComplexType mct)
                        {
                            var c = GetComplex(mct, m.QualifiedName);
                            if (c.Unsupported != null) continue; // production kept, no member
                            f.Complex = c;
                        }
                        else if (m.ElementSchemaType is XmlSchemaSimpleType mst && TryValue(mst, m.QualifiedName.Name, out var vi))
                        {
                            f.Value = vi;
                        }
                        else continue;
                        f.IsArray = repeated || group;
                        f.MinOccurs = group ? 0 : min;
                        f.MaxOccurs = group ? -1 : max;
                        f.Capacity = group ? GroupArrayCap : repeated ? (max < 0 || max > DefaultArrayCap ? DefaultArrayCap : max) : 1;
                        f.Optional = !f.IsArray && (optionalContext || min == 0 || members.Count > 1);
                        if (!names.Add(f.Name)) throw new NotSupportedException("duplicate member " + f.Name);
                        AddField(ci, f);
                    }
                    break;
                }
                case XmlSchemaSequence seq:
                    if (max != 1 && max != -1) throw new NotSupportedException("sequence repeated a bounded number of times");
                    // A repeated group: its elements become arrays (order across members is not kept).
                    foreach (XmlSchemaParticle c in seq.Items) CollectParticle(ci, c, optionalContext || min == 0, group || max != 1, names);
                    break;
                case XmlSchemaChoice ch:
                    if (max != 1 && max != -1) throw new NotSupportedException("choice repeated a bounded number of times");
                    foreach (XmlSchemaParticle c in ch.Items) CollectParticle(ci, c, true, group || max != 1, names);
                    break;
                case XmlSchemaAny:
                    // SE(*): no member; the decoder skips the element (built-in grammar), the encoder never emits it.
                    break;
                default:
                    if (p.GetType().Name.Contains("Empty")) return;
                    throw new NotSupportedException("particle " + p.GetType().Name);
            }
        }

        static readonly HashSet<string> Keywords = new HashSet<string> { "object", "string", "int", "class", "base", "params", "event", "namespace", "operator", "fixed", "default", "checked", "value" };
        public static string Safe(string s)
        {
            var chars = s.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
            string r = new string(chars);
            if (char.IsDigit(r[0])) r = "_" + r;
            return Keywords.Contains(r) ? "@" + r : r;
        }

        // ---------------------------------------------------------------- string table (qnames)

        /// <summary>
        /// Initial entries of each URI partition and its local-name partition (EXI 1.0 Appendix D): "", the
        /// XML namespace (4 names), XMLSchema-instance (2), XMLSchema (46 built-in type names), then the
        /// schema's target namespaces sorted; local names of every element, attribute and named type
        /// declared in the schema, per namespace. Returns the local-name counts in URI order.
        /// </summary>
        public List<int> InitialLocalNameCounts()
        {
            var byNs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            void Add(XmlQualifiedName q)
            {
                if (q.IsEmpty || q.Namespace == Xsd) return;
                if (!byNs.TryGetValue(q.Namespace, out var set)) byNs[q.Namespace] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(q.Name);
            }
            var seen = new HashSet<XmlSchemaType>();
            void Type(XmlSchemaType t)
            {
                if (t == null || !seen.Add(t)) return;
                Add(t.QualifiedName);
                if (!(t is XmlSchemaComplexType ct)) return;
                foreach (XmlSchemaAttribute a in ct.AttributeUses.Values) Add(a.QualifiedName);
                Particle(ct.ContentTypeParticle);
            }
            void Particle(XmlSchemaParticle p)
            {
                switch (p)
                {
                    case XmlSchemaElement e: Add(e.QualifiedName); Type(e.ElementSchemaType); break;
                    case XmlSchemaGroupBase g: foreach (XmlSchemaParticle c in g.Items) Particle(c); break;
                }
            }
            foreach (XmlSchemaElement e in Set.GlobalElements.Values) { Add(e.QualifiedName); Type(e.ElementSchemaType); }
            foreach (XmlSchemaAttribute a in Set.GlobalAttributes.Values) Add(a.QualifiedName);
            foreach (XmlSchemaType t in Set.GlobalTypes.Values) Type(t);
            const string XmlNs = "http://www.w3.org/XML/1998/namespace", Xsi = "http://www.w3.org/2001/XMLSchema-instance";
            var counts = new List<int>
            {
                byNs.TryGetValue("", out var none) ? none.Count : 0,
                4 + (byNs.TryGetValue(XmlNs, out var x) ? x.Count(n => n != "base" && n != "id" && n != "lang" && n != "space") : 0),
                2 + (byNs.TryGetValue(Xsi, out var xsi) ? xsi.Count(n => n != "nil" && n != "type") : 0),
                46,
            };
            foreach (var ns in byNs.Keys.Where(n => n != "" && n != XmlNs && n != Xsi).OrderBy(n => n, StringComparer.Ordinal)) counts.Add(byNs[ns].Count);
            return counts;
        }

        // ---------------------------------------------------------------- grammars

        void BuildGrammar(ComplexInfo ci)
        {
            if (ci.Unsupported != null) return;
            var g = new GrammarBuilder(this, ci);
            g.Build();
        }
    }
}
