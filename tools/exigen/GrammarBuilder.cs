using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using System.Xml.Schema;

namespace Exigen
{
    /// <summary>
    /// Builds the EXI 1.0 schema-informed grammar of one complex type (§8.5.4.1): attribute uses in
    /// qname order, then the content particle, with epsilon productions for optional particles,
    /// normalized by epsilon closure; a repeated element is one loop with a counter instead of
    /// maxOccurs unrolled copies (its states differ only by "below minOccurs", "between" and "at maxOccurs").
    /// </summary>
    public sealed class GrammarBuilder
    {
        readonly Analyzer _a;
        readonly ComplexInfo _ci;
        readonly List<NState> _n;
        int _attrStart = int.MaxValue;   // NFA states from here on are attribute-use states
        int _content = -1;               // first state of the content grammar

        public GrammarBuilder(Analyzer a, ComplexInfo ci)
        {
            _a = a;
            _ci = ci;
            _n = ci.Nfa;
        }

        NState New()
        {
            var s = new NState { Id = _n.Count };
            _n.Add(s);
            return s;
        }

        FieldInfo FieldOf(XmlQualifiedName q, FieldKind kind)
        {
            return _ci.Fields.FirstOrDefault(f => f.Kind == kind && f.QName == q);
        }

        public void Build()
        {
            var end = New();
            end.Prods.Add(new NProd { Kind = ProdKind.EE });
            int content;
            var ct = _ci.Schema;
            if (ct.ContentType == XmlSchemaContentType.TextOnly)
            {
                var s = New();
                s.Prods.Add(new NProd { Kind = ProdKind.CH, Field = _ci.Fields.First(f => f.Kind == FieldKind.Content), Target = end.Id });
                content = s.Id;
            }
            else if (ct.ContentType == XmlSchemaContentType.ElementOnly || ct.ContentType == XmlSchemaContentType.Mixed)
            {
                content = Particle(ct.ContentTypeParticle, end.Id);
            }
            else
            {
                content = end.Id;
            }
            var attrs = Analyzer.SortedAttributes(ct);
            _content = content;
            _attrStart = _n.Count;
            int cur = content;
            for (int i = attrs.Count - 1; i >= 0; i--)
            {
                var s = New();
                s.Prods.Add(new NProd { Kind = ProdKind.AT, QName = attrs[i].QualifiedName, Field = FieldOf(attrs[i].QualifiedName, FieldKind.Attribute), Target = cur });
                if (attrs[i].Use != XmlSchemaUse.Required) s.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = cur });
                cur = s.Id;
            }
            _ci.StartState = cur;
            Normalize();
        }

        static int Occurs(decimal d) => d == decimal.MaxValue ? -1 : (int)d;

        int Particle(XmlSchemaParticle p, int next)
        {
            int min = Occurs(p.MinOccurs), max = Occurs(p.MaxOccurs);
            if (max == 0 || p.GetType().Name.Contains("Empty")) return next;
            if (max != 1 && !(p is XmlSchemaElement))
            {
                // Repeated wildcard or group (EXI 1.0 §8.5.4.1.4): minOccurs copies, then a loop whose end
                // returns to its start, which may leave to what follows.
                if (max != -1) throw new NotSupportedException("group or wildcard repeated a bounded number of times");
                var head = New();
                head.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = Term(p, head.Id) });
                head.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = next });
                int cur = head.Id;
                for (int i = 0; i < min; i++) cur = Term(p, cur);
                return cur;
            }
            if (!(p is XmlSchemaElement))
            {
                int t = Term(p, next);
                if (min == 0)
                {
                    var s = New();
                    s.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = t });
                    s.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = next });
                    return s.Id;
                }
                return t;
            }
            switch (p)
            {
                case XmlSchemaElement el:
                {
                    var members = _a.Members(el);
                    if (max == 1)
                    {
                        var s = New();
                        foreach (var m in members) s.Prods.Add(Se(m, next, null));
                        if (min == 0) s.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = next });
                        return s.Id;
                    }
                    var loop = new Loop { Min = min, Max = max, Field = FieldOf(members[0].QualifiedName, FieldKind.Element) };
                    if (min > 0)
                    {
                        var low = New(); low.LoopOf = loop; low.Variant = "low"; loop.Low = low.Id;
                        low.Prods.Add(Se(members[0], -1, loop));
                    }
                    if (max < 0 || max > Math.Max(min, 0))
                    {
                        var mid = New(); mid.LoopOf = loop; mid.Variant = "mid"; loop.Mid = mid.Id;
                        mid.Prods.Add(Se(members[0], -1, loop));
                        mid.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = next });
                    }
                    if (max > 0)
                    {
                        var full = New(); full.LoopOf = loop; full.Variant = "full"; loop.Full = full.Id;
                        full.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = next });
                    }
                    return min > 0 ? loop.Low : loop.Mid;
                }
                default:
                    throw new NotSupportedException("particle " + p.GetType().Name);
            }
        }

        /// <summary>One occurrence of a sequence, choice or wildcard, continuing at <paramref name="next"/>.</summary>
        int Term(XmlSchemaParticle p, int next)
        {
            switch (p)
            {
                case XmlSchemaSequence seq:
                {
                    int cur = next;
                    for (int i = seq.Items.Count - 1; i >= 0; i--) cur = Particle((XmlSchemaParticle)seq.Items[i], cur);
                    return cur;
                }
                case XmlSchemaChoice ch:
                {
                    var s = New();
                    foreach (XmlSchemaParticle c in ch.Items) s.Prods.Add(new NProd { Kind = ProdKind.Epsilon, Target = Particle(c, next) });
                    return s.Id;
                }
                case XmlSchemaAny any:
                {
                    // ##any, ##other (a "not" constraint) and ##local give SE(*); a list of namespaces
                    // would give SE(uri:*) (EXI 1.0 §8.5.4.1.6), which these schemas do not use.
                    string ns = any.Namespace ?? "##any";
                    if (ns != "##any" && ns != "##other") throw new NotSupportedException("wildcard with namespace list " + ns);
                    var s = New();
                    s.Prods.Add(new NProd { Kind = ProdKind.SEAny, Target = next });
                    return s.Id;
                }
                default:
                    throw new NotSupportedException("particle " + p.GetType().Name);
            }
        }

        NProd Se(XmlSchemaElement m, int target, Loop loop)
        {
            var f = FieldOf(m.QualifiedName, FieldKind.Element);
            return new NProd
            {
                Kind = ProdKind.SE, QName = m.QualifiedName, Field = f, Target = target, Advance = loop,
                UnsupportedReason = f == null ? "element " + m.QualifiedName.Name + " has an abstract or unsupported type" : null,
            };
        }

        List<NProd> Closure(int state)
        {
            var result = new List<NProd>();
            var seen = new HashSet<int>();
            bool content = false;
            void Visit(int s)
            {
                if (!seen.Add(s)) return;
                if (s < _attrStart) content = true;
                foreach (var p in _n[s].Prods)
                {
                    if (p.Kind == ProdKind.Epsilon) Visit(p.Target);
                    else if (!result.Any(r => r.Kind == p.Kind && r.QName == p.QName && r.Target == p.Target && r.Advance == p.Advance))
                    {
                        if (result.Any(r => r.Kind == p.Kind && r.QName == p.QName && p.Kind != ProdKind.EE))
                            throw new NotSupportedException("duplicate terminal " + p.Kind + " " + p.QName + " with different targets (EXI 1.0 §8.5.4.2.1 merge not implemented)");
                        result.Add(p);
                    }
                }
            }
            Visit(state);
            if (result.Count(r => r.Kind == ProdKind.EE) > 1) throw new InvalidOperationException("duplicate EE");
            if (_ci.Mixed && content)
            {
                // Mixed content (EXI 1.0 §8.5.4.1.3.2): every content non-terminal has CH [untyped value] back
                // to itself; after normalization (§8.5.4.2) the merged CH of a state leads to a state with
                // the same content productions: itself, or the content start from an attribute state.
                result.Add(new NProd { Kind = ProdKind.CH, Target = state < _attrStart ? state : _content });
            }
            // Event-code order (EXI 1.0 §8.5.4.3): AT(qname) in qname order, SE(qname) in schema order,
            // SE(*), EE, CH.
            int Rank(NProd p) => p.Kind == ProdKind.AT ? 0 : p.Kind == ProdKind.SE ? 1 : p.Kind == ProdKind.SEAny ? 2 : p.Kind == ProdKind.EE ? 3 : 4;
            return result.Select((p, i) => (p, i)).OrderBy(t => Rank(t.p)).ThenBy(t => t.i).Select(t => t.p).ToList();
        }

        void Normalize()
        {
            var index = new Dictionary<int, DState>();
            var queue = new Queue<int>();
            void Reach(int nfa)
            {
                if (nfa < 0 || index.ContainsKey(nfa)) return;
                var d = new DState { Id = _ci.States.Count, Nfa = nfa };
                index[nfa] = d;
                _ci.StateOf[nfa] = d.Id;
                _ci.States.Add(d);
                queue.Enqueue(nfa);
            }
            Reach(_ci.StartState);
            while (queue.Count > 0)
            {
                int s = queue.Dequeue();
                var d = index[s];
                d.Prods = Closure(s);
                // Non-strict grammars have a second level in every state, hence the +1 (EXI 1.0 §8.5.4.4).
                d.Width = Analyzer.BitWidth(d.Prods.Count + 1);
                foreach (var p in d.Prods)
                {
                    if (p.Advance != null)
                    {
                        Reach(p.Advance.Low);
                        Reach(p.Advance.Mid);
                        Reach(p.Advance.Full);
                    }
                    else if (p.Kind != ProdKind.EE)
                    {
                        Reach(p.Target);
                    }
                }
            }
        }
    }
}
