namespace Kronika.Store;

/// <summary>
/// Who a person the knowledge base does not know is, across articles. Within one article the entity step already gives
/// `Jonas Petraitis`, `J. Petraitis` and `Petraitis` one canonical name; across articles each would be its own entity.
/// Here a new name joins the one stored person of the same surname whose given name is compatible with it (missing,
/// the same initial, or the same name): `J. Petraitis` and `Petraitis` join `Jonas Petraitis`, and a fuller name
/// renames the person it joins (`J. Petraitis` becomes `Jonas Petraitis`). A conflicting given name (`Juozas
/// Petraitis`), or two stored people it could be, keeps it apart. People linked to the knowledge base keep its id.
/// Both stores keep one of these per writer, loaded from their `entities` table.
/// </summary>
public sealed class People
{
    private sealed class Person(string key, string canonical)
    {
        public string Key { get; } = key;
        public string Canonical { get; set; } = canonical;
    }

    private readonly Dictionary<string, List<Person>> _bySurname = new(StringComparer.Ordinal);

    /// <param name="stored">The stored people without a knowledge-base id: key and canonical name.</param>
    public People(IEnumerable<(string Key, string Canonical)> stored)
    {
        foreach (var (key, canonical) in stored) Add(new Person(key, canonical));
    }

    /// <summary>The SQL that reads what the constructor takes, alike in both stores.</summary>
    public const string Query = "SELECT key, canonical FROM entities WHERE type = 'PER' AND kb IS NULL";

    private void Add(Person p)
    {
        var surname = Surname(p.Canonical);
        if (!_bySurname.TryGetValue(surname, out var list)) _bySurname[surname] = list = [];
        list.Add(p);
    }

    private static string[] Words(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string Surname(string name) => Words(name) is { Length: > 0 } w ? w[^1].ToLowerInvariant() : "";

    private static string? Given(string name) => Words(name) is { Length: > 1 } w ? w[0] : null;

    /// <summary>How much of a name is given: a full first name 2, an initial 1, none 0.</summary>
    private static int Fullness(string name) => Given(name) is not { } g ? 0 : g.EndsWith('.') ? 1 : 2;

    private static bool Compatible(string? a, string? b)
    {
        if (a is null || b is null) return true;
        if (char.ToLowerInvariant(a[0]) != char.ToLowerInvariant(b[0])) return false;
        return a.EndsWith('.') || b.EndsWith('.') || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The article with its people's entity keys resolved against the people stored so far (and learned from it), and
    /// the stored people it renamed to a fuller name (key, new canonical name) for the store to update.
    /// </summary>
    public (StoredArticle Article, List<(string Key, string Canonical)> Renamed) Resolve(StoredArticle article)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var renamed = new List<(string, string)>();
        // Fuller names first, so that an article naming `Jonas Petraitis` and `Petraitis` resolves both alike.
        foreach (var m in article.Mentions.Where(m => m.Type == "PER" && m.Kb is null).DistinctBy(m => m.EntityKey).OrderByDescending(m => Fullness(m.Canonical)))
        {
            var given = Given(m.Canonical);
            var same = _bySurname.GetValueOrDefault(Surname(m.Canonical)) ?? [];
            var person = same.FirstOrDefault(p => p.Canonical == m.Canonical)
                         ?? (same.Where(p => Compatible(given, Given(p.Canonical))).Take(2).ToList() is [var one] ? one : null);
            if (person is null)
            {
                person = new Person(m.EntityKey, m.Canonical);
                Add(person);
            }
            else if (Fullness(m.Canonical) > Fullness(person.Canonical))
            {
                person.Canonical = m.Canonical;
                renamed.Add((person.Key, person.Canonical));
            }
            keys[m.EntityKey] = person.Key;
        }
        if (keys.All(k => k.Key == k.Value)) return (article, renamed);
        string Key(string key) => keys.GetValueOrDefault(key, key);
        return (article with
        {
            Mentions = [.. article.Mentions.Select(m => m with { EntityKey = Key(m.EntityKey) })],
            Events = [.. article.Events.Select(e => e.WithEntityKeys(Key))],
        }, renamed);
    }
}
