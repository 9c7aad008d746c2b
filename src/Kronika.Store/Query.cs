namespace Kronika.Store;

/// <summary>A parsed search query: terms (lemmas, with their surface form as an alternative), prefixes, phrases, AND/OR/NOT.</summary>
public abstract record QueryNode;

/// <summary>A word: any of its lemma keys matches (`Putino` → `putinas`, and the form itself).</summary>
public sealed record TermNode(string[] Alternatives) : QueryNode;

/// <summary>`prezident*`: any lemma starting with the prefix.</summary>
public sealed record PrefixNode(string Prefix) : QueryNode;

/// <summary>`"Šiaurės Korėja"`: these lemmas in this order.</summary>
public sealed record PhraseNode(string[] Lemmas) : QueryNode;

public sealed record AndNode(QueryNode[] Parts) : QueryNode;

public sealed record OrNode(QueryNode[] Parts) : QueryNode;

/// <summary>`A NOT B`: the left side without the right.</summary>
public sealed record NotNode(QueryNode Include, QueryNode Exclude) : QueryNode;

/// <summary>A mistake in a query, said in one line.</summary>
public sealed class QueryException(string message) : Exception(message);

/// <summary>
/// Parses the query language of `kronika search`: words (matched by lemma), `"phrases"`, `prefix*`, `AND`, `OR`,
/// `NOT`, parentheses; words side by side mean AND. <paramref name="lemmatize"/> turns text into the lemma keys of its
/// words, as the store indexes them; <paramref name="alternatives"/> gives other lemmas a single word may have.
/// </summary>
public sealed class QueryParser(Func<string, string[]> lemmatize, Func<string, IEnumerable<string>>? alternatives = null)
{
    /// <summary>The longest query, in characters.</summary>
    public const int MaxLength = 1000;

    /// <summary>The most words (each word of a phrase counts) and prefixes a query may have.</summary>
    public const int MaxTerms = 32;

    /// <summary>The most parentheses open at once.</summary>
    public const int MaxDepth = 8;

    /// <summary>The most NOTs in a query.</summary>
    public const int MaxNots = 10;

    private List<string> _tokens = [];
    private int _at;
    private int _terms;
    private int _depth;

    /// <summary>
    /// Parses a query. The work a query can ask for is bounded before any of it is done: its length, its words, its
    /// nesting and its NOTs each have a limit, and a query over one is a <see cref="QueryException"/> naming it.
    /// </summary>
    public QueryNode Parse(string query)
    {
        if (query.Length > MaxLength) throw new QueryException($"the query is longer than {MaxLength:N0} characters (the limit)");
        _tokens = Tokens(query);
        _at = 0;
        _terms = 0;
        _depth = 0;
        if (_tokens.Count == 0) throw new QueryException("the query is empty");
        var nots = _tokens.Count(t => t == "NOT");
        if (nots > MaxNots) throw new QueryException($"the query has {nots} NOTs; the limit is {MaxNots}");
        var words = _tokens.Count(t => t is not ("(" or ")" or "AND" or "OR" or "NOT"));
        if (words > MaxTerms) throw new QueryException($"the query has {words} terms; the limit is {MaxTerms}");
        var node = Or();
        if (_at < _tokens.Count) throw new QueryException($"unexpected '{_tokens[_at]}'");
        return node;
    }

    private void Count(int terms)
    {
        _terms += terms;
        if (_terms > MaxTerms) throw new QueryException($"the query has more than {MaxTerms} terms (the limit; each word of a phrase counts)");
    }

    private static List<string> Tokens(string query)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            // Control characters (NUL among them) separate words: they are nothing to search for, and a NUL would end
            // the expression where the database reads it as a C string.
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { i++; continue; }
            if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
            if (c is '"' or '„' or '“')
            {
                var end = query.IndexOfAny(['"', '“', '”'], i + 1);
                if (end < 0) throw new QueryException("a quotation mark is not closed");
                tokens.Add("\"" + new string([.. query[(i + 1)..end].Where(ch => !char.IsControl(ch))]));
                i = end + 1;
                continue;
            }
            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && !char.IsControl(query[i]) && query[i] is not ('(' or ')' or '"' or '„')) i++;
            tokens.Add(query[start..i]);
        }
        return tokens;
    }

    private string? Peek => _at < _tokens.Count ? _tokens[_at] : null;

    private QueryNode Or()
    {
        var parts = new List<QueryNode> { And() };
        while (Peek == "OR")
        {
            _at++;
            parts.Add(And());
        }
        return parts.Count == 1 ? parts[0] : new OrNode([.. parts]);
    }

    private QueryNode And()
    {
        var parts = new List<QueryNode>();
        var excluded = new List<QueryNode>();
        while (Peek is { } next && next is not ("OR" or ")"))
        {
            if (next == "AND") { _at++; continue; }
            if (next == "NOT")
            {
                _at++;
                if (Peek is null) throw new QueryException("NOT needs a term after it");
                // Excluded terms are one flat OR, however many: never a nesting as deep as the chain.
                excluded.Add(Unary());
                continue;
            }
            parts.Add(Unary());
        }
        if (parts.Count == 0) throw new QueryException(excluded.Count == 0 ? "a term is missing" : "NOT needs a term before it");
        var included = parts.Count == 1 ? parts[0] : new AndNode([.. parts]);
        return excluded.Count == 0 ? included : new NotNode(included, excluded.Count == 1 ? excluded[0] : new OrNode([.. excluded]));
    }

    private QueryNode Unary()
    {
        var token = _tokens[_at++];
        if (token == "(")
        {
            if (++_depth > MaxDepth) throw new QueryException($"parentheses are nested deeper than {MaxDepth} (the limit)");
            var inner = Or();
            if (Peek != ")") throw new QueryException("a parenthesis is not closed");
            _at++;
            _depth--;
            return inner;
        }
        if (token == ")") throw new QueryException("unexpected ')'");
        if (token.StartsWith('"'))
        {
            var lemmas = lemmatize(token[1..]);
            if (lemmas.Length == 0) throw new QueryException("the phrase has no words");
            Count(lemmas.Length);
            return lemmas.Length == 1 ? new TermNode(lemmas) : new PhraseNode(lemmas);
        }
        if (token.EndsWith('*') && token.Length > 1)
        {
            var prefix = StoredArticle.LemmaKey(token.TrimEnd('*'));
            if (prefix.Length < 2) throw new QueryException($"'{token}': a prefix needs at least two letters");
            Count(1);
            return new PrefixNode(prefix);
        }
        Count(1);
        var candidates = lemmatize(token).Concat(alternatives?.Invoke(token) ?? []).Append(StoredArticle.LemmaKey(token));
        var keys = candidates.Where(a => a.Length > 0).Distinct().ToArray();
        if (keys.Length == 0) throw new QueryException($"'{token}' has no word to search for");
        return new TermNode(keys);
    }

    /// <summary>Whether a lemma key matches a word or prefix of the query (for highlighting).</summary>
    public static Func<string, bool> Matcher(QueryNode node)
    {
        var words = new HashSet<string>();
        var prefixes = new List<string>();
        void Collect(QueryNode n)
        {
            switch (n)
            {
                case TermNode t: words.UnionWith(t.Alternatives); break;
                case PrefixNode p: prefixes.Add(p.Prefix); break;
                case PhraseNode ph: words.UnionWith(ph.Lemmas); break;
                case AndNode a: foreach (var part in a.Parts) Collect(part); break;
                case OrNode o: foreach (var part in o.Parts) Collect(part); break;
                case NotNode x: Collect(x.Include); break;
            }
        }
        Collect(node);
        return lemma => words.Contains(lemma) || prefixes.Any(p => lemma.StartsWith(p, StringComparison.Ordinal));
    }
}
