namespace V2G.Protocol.Iso15118.Exi
{
    // Content the schema leaves open: untyped character data of mixed content (EXI 1.0 §8.5.4.1.3.2)
    // and elements matched by a wildcard, SE(*) (§8.5.4.1.6), whose content follows the built-in
    // element grammar (§8.4.3) with its learning. Both are decoded and skipped: the string table
    // and the learned grammars advance as the standard requires, nothing is kept and nothing is
    // allocated. Fixed bounds keep a hostile stream from costing more than a fixed amount of memory:
    // nesting depth, URIs, built-in grammars and learned productions; beyond them the decode ends
    // with ExiError.Unsupported.
    public sealed partial class ExiBitReader
    {
        /// <summary>Most URI partitions (schema ones included) a document may use.</summary>
        public const int MaxUris = 16;
        /// <summary>Most distinct qualified names of wildcard elements per document.</summary>
        public const int MaxBuiltInGrammars = 16;
        /// <summary>Most learned productions per built-in grammar part (start tag, content).</summary>
        public const int MaxLearnedProductions = 8;
        /// <summary>Deepest nesting of elements inside one wildcard element (itself included).</summary>
        public const int MaxWildcardDepth = 8;

        private const int LocalNameLimit = 4096;
        private const int KindAt = 1, KindSe = 2, KindCh = 3, KindEe = 4;

        private int[] _initialLocalNames = new int[0];
        private readonly int[] _localNames = new int[MaxUris];
        private int _uriCount;
        private int _initialUriCount;

        private readonly int[] _grammarKey = new int[MaxBuiltInGrammars];
        private readonly int[] _startProds = new int[MaxBuiltInGrammars * MaxLearnedProductions];
        private readonly int[] _startCount = new int[MaxBuiltInGrammars];
        private readonly int[] _contentProds = new int[MaxBuiltInGrammars * MaxLearnedProductions];
        private readonly int[] _contentCount = new int[MaxBuiltInGrammars];
        private int _grammarCount;
        private readonly int[] _stackGrammar = new int[MaxWildcardDepth];
        private readonly bool[] _stackInContent = new bool[MaxWildcardDepth];

        /// <summary>
        /// Sets the initial local-name counts of the grammar's URI partitions (EXI 1.0 Appendix D, in URI
        /// order; generated per grammar) and forgets what earlier wildcard content added.
        /// </summary>
        public void SetNameTables(int[] initialLocalNames)
        {
            _initialLocalNames = initialLocalNames ?? new int[0];
            ResetNameTables();
        }

        private void ResetNameTables()
        {
            int n = _initialLocalNames.Length < MaxUris ? _initialLocalNames.Length : MaxUris;
            for (int i = 0; i < n; i++)
            {
                _localNames[i] = _initialLocalNames[i];
            }
            _uriCount = n;
            _initialUriCount = n;
            _grammarCount = 0;
        }

        /// <summary>
        /// Reads and discards an untyped string value (character data of mixed content, a value inside
        /// wildcard content), keeping the value string table in step: a miss is entered under
        /// <paramref name="qnameId"/>, a hit is checked.
        /// </summary>
        public ExiError SkipString(int qnameId)
        {
            ulong header;
            ExiError e = ReadUnsigned(out header);
            if (e != ExiError.Ok)
            {
                return e;
            }
            if (header == 0 || header == 1)
            {
                if (_entryCount > StringTableCapacity)
                {
                    return ExiError.StringTableFull;
                }
                int size = 0;
                if (header == 0)
                {
                    for (int i = 0; i < _entryCount; i++)
                    {
                        if (_entryQName[i] == qnameId)
                        {
                            size++;
                        }
                    }
                }
                else
                {
                    size = _entryCount;
                }
                uint id;
                e = ReadBits(BitWidth(size), out id);
                if (e != ExiError.Ok)
                {
                    return e;
                }
                return id < (uint)size ? ExiError.Ok : ExiError.StringTableMiss;
            }
            ulong count = header - 2;
            int firstCharBit = _bit;
            e = SkipCodePoints(count);
            if (e != ExiError.Ok)
            {
                return e;
            }
            if (count > 0)
            {
                if (_entryCount < StringTableCapacity)
                {
                    _entryBit[_entryCount] = firstCharBit;
                    _entryLength[_entryCount] = (int)count;
                    _entryQName[_entryCount] = qnameId;
                }
                _entryCount++;
            }
            return ExiError.Ok;
        }

        private ExiError SkipCodePoints(ulong count)
        {
            // Every code point takes at least one octet: refuse a count the rest of the stream cannot hold.
            if (count > (ulong)((_endBit - _bit) / 8))
            {
                return ExiError.EndOfStream;
            }
            int n = (int)count;
            for (int i = 0; i < n; i++)
            {
                ulong cp;
                ExiError e = ReadUnsigned(out cp);
                if (e != ExiError.Ok)
                {
                    return e;
                }
                if (cp > 0x10FFFF)
                {
                    return ExiError.ValueOutOfRange;
                }
            }
            return ExiError.Ok;
        }

        /// <summary>
        /// Reads a qualified name (EXI 1.0 §7.1.7: URI, then local name, each a partition hit or a literal
        /// that enters the partition; no prefix, prefixes not being preserved). <paramref name="key"/>
        /// identifies it within the document; <paramref name="schemaName"/> tells that it is one of the
        /// names the schema put in the tables.
        /// </summary>
        private ExiError ReadQName(out int key, out bool schemaName)
        {
            key = 0;
            schemaName = false;
            uint v;
            ExiError e = ReadBits(BitWidth(_uriCount + 1), out v);
            if (e != ExiError.Ok)
            {
                return e;
            }
            int uri;
            if (v == 0)
            {
                ulong length;
                e = ReadUnsigned(out length);
                if (e == ExiError.Ok) e = SkipCodePoints(length);
                if (e != ExiError.Ok)
                {
                    return e;
                }
                if (_uriCount >= MaxUris)
                {
                    return ExiError.Unsupported;
                }
                uri = _uriCount++;
                _localNames[uri] = 0;
            }
            else
            {
                uri = (int)v - 1;
                if (uri >= _uriCount)
                {
                    return ExiError.StringTableMiss;
                }
            }
            ulong l;
            e = ReadUnsigned(out l);
            if (e != ExiError.Ok)
            {
                return e;
            }
            int local;
            if (l == 0)
            {
                uint id;
                e = ReadBits(BitWidth(_localNames[uri]), out id);
                if (e != ExiError.Ok)
                {
                    return e;
                }
                if (id >= (uint)_localNames[uri])
                {
                    return ExiError.StringTableMiss;
                }
                local = (int)id;
                schemaName = uri < _initialUriCount && local < _initialLocalNames[uri];
            }
            else
            {
                e = SkipCodePoints(l - 1);
                if (e != ExiError.Ok)
                {
                    return e;
                }
                if (_localNames[uri] >= LocalNameLimit)
                {
                    return ExiError.Unsupported;
                }
                local = _localNames[uri]++;
            }
            key = uri * LocalNameLimit + local;
            return ExiError.Ok;
        }

        private int GrammarOf(int key)
        {
            for (int i = 0; i < _grammarCount; i++)
            {
                if (_grammarKey[i] == key)
                {
                    return i;
                }
            }
            if (_grammarCount >= MaxBuiltInGrammars)
            {
                return -1;
            }
            int g = _grammarCount++;
            _grammarKey[g] = key;
            _startCount[g] = 0;
            _contentCount[g] = 0;
            return g;
        }

        /// <summary>
        /// After an SE(*) event of a schema-informed grammar: reads the element's qualified name and its
        /// whole content with the built-in element grammar (EXI 1.0 §8.4.3, default options: no
        /// namespace declarations, comments, processing instructions or self-contained elements),
        /// learning productions as the standard requires, and discards it. A wildcard element whose
        /// name the schema declares is refused as Unsupported (its schema grammar would apply).
        /// </summary>
        public ExiError SkipAnyElement()
        {
            int key;
            bool schemaName;
            ExiError e = ReadQName(out key, out schemaName);
            if (e != ExiError.Ok)
            {
                return e;
            }
            if (schemaName)
            {
                return ExiError.Unsupported;
            }
            int g = GrammarOf(key);
            if (g < 0)
            {
                return ExiError.Unsupported;
            }
            int depth = 0;
            _stackGrammar[0] = g;
            _stackInContent[0] = false;
            while (depth >= 0)
            {
                g = _stackGrammar[depth];
                int prod;
                uint c;
                if (!_stackInContent[depth])
                {
                    // StartTagContent: learned productions (newest first), then EE, AT(*), SE(*), CH at level 2.
                    int n = _startCount[g];
                    e = ReadBits(BitWidth(n + 1), out c);
                    if (e != ExiError.Ok)
                    {
                        return e;
                    }
                    if (c < (uint)n)
                    {
                        prod = _startProds[g * MaxLearnedProductions + n - 1 - (int)c];
                    }
                    else
                    {
                        e = ReadBits(2, out c);
                        if (e != ExiError.Ok)
                        {
                            return e;
                        }
                        if (c == 0)
                        {
                            prod = KindEe << 24;
                        }
                        else if (c == 3)
                        {
                            prod = KindCh << 24;
                        }
                        else
                        {
                            int name;
                            e = ReadQName(out name, out schemaName);
                            if (e != ExiError.Ok)
                            {
                                return e;
                            }
                            if (c == 2 && schemaName)
                            {
                                return ExiError.Unsupported;
                            }
                            prod = ((c == 1 ? KindAt : KindSe) << 24) | name;
                        }
                        if (n >= MaxLearnedProductions)
                        {
                            return ExiError.Unsupported;
                        }
                        _startProds[g * MaxLearnedProductions + n] = prod;
                        _startCount[g] = n + 1;
                    }
                }
                else
                {
                    // ElementContent: learned productions (newest first), EE, then SE(*), CH at level 2.
                    int m = _contentCount[g];
                    e = ReadBits(BitWidth(m + 2), out c);
                    if (e != ExiError.Ok)
                    {
                        return e;
                    }
                    if (c < (uint)m)
                    {
                        prod = _contentProds[g * MaxLearnedProductions + m - 1 - (int)c];
                    }
                    else if (c == (uint)m)
                    {
                        prod = KindEe << 24;
                    }
                    else if (c == (uint)m + 1)
                    {
                        e = ReadBits(1, out c);
                        if (e != ExiError.Ok)
                        {
                            return e;
                        }
                        if (c == 0)
                        {
                            int name;
                            e = ReadQName(out name, out schemaName);
                            if (e != ExiError.Ok)
                            {
                                return e;
                            }
                            if (schemaName)
                            {
                                return ExiError.Unsupported;
                            }
                            prod = (KindSe << 24) | name;
                        }
                        else
                        {
                            prod = KindCh << 24;
                        }
                        if (m >= MaxLearnedProductions)
                        {
                            return ExiError.Unsupported;
                        }
                        _contentProds[g * MaxLearnedProductions + m] = prod;
                        _contentCount[g] = m + 1;
                    }
                    else
                    {
                        return ExiError.UnexpectedEvent;
                    }
                }
                int kind = prod >> 24;
                int target = prod & 0xFFFFFF;
                if (kind == KindEe)
                {
                    depth--;
                }
                else if (kind == KindAt)
                {
                    e = SkipString(-1 - target);
                    if (e != ExiError.Ok)
                    {
                        return e;
                    }
                }
                else if (kind == KindCh)
                {
                    _stackInContent[depth] = true;
                    e = SkipString(-1 - _grammarKey[g]);
                    if (e != ExiError.Ok)
                    {
                        return e;
                    }
                }
                else
                {
                    _stackInContent[depth] = true;
                    if (depth + 1 >= MaxWildcardDepth)
                    {
                        return ExiError.Unsupported;
                    }
                    int child = GrammarOf(target);
                    if (child < 0)
                    {
                        return ExiError.Unsupported;
                    }
                    depth++;
                    _stackGrammar[depth] = child;
                    _stackInContent[depth] = false;
                }
            }
            return ExiError.Ok;
        }
    }
}
