using Kronika.Store;

namespace Kronika.Store.Tests;

/// <summary>The counts kept at write time (<see cref="EntityStats"/>) equal what grouping every mention gives, after any write.</summary>
public abstract partial class StoreConformance
{
    /// <summary>The rows of a query on the open store's tables, each row's values joined by `|` (parameters named `@x`).</summary>
    protected abstract List<string> Rows(string sql, params (string Name, object Value)[] parameters);

    /// <summary>Turns the open store's file or schema back into schema 12: no entity counts.</summary>
    protected abstract void ToSchema12();

    private const string GroupedStats = """
        SELECT m.entity_key, e.type, COUNT(*), SUM(m.count) FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
        WHERE a.duplicate_of IS NULL GROUP BY m.entity_key, e.type ORDER BY m.entity_key
        """;

    private const string GroupedDays = """
        SELECT m.entity_key, a.date, COUNT(*) FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
        WHERE a.duplicate_of IS NULL GROUP BY m.entity_key, a.date ORDER BY m.entity_key, a.date
        """;

    /// <summary>The kept counts equal a fresh GROUP BY, and the entity list (every entity, and each type's) is the one it orders.</summary>
    private void AssertCountsAsGrouped()
    {
        var grouped = Rows(GroupedStats);
        Assert.NotEmpty(grouped);
        Assert.Equal(grouped, Rows("SELECT entity_key, type, articles, mentions FROM entity_stats ORDER BY entity_key"));
        Assert.Equal(Rows(GroupedDays), Rows("SELECT entity_key, day, articles FROM entity_days ORDER BY entity_key, day"));
        // The list as today's query gave it: by stories, then mentions, then name.
        var expected = Rows("""
            SELECT e.key, e.canonical, e.type, e.kb, SUM(m.count), COUNT(*)
            FROM mentions m JOIN entities e ON e.key = m.entity_key JOIN articles a ON a.id = m.article_id
            WHERE a.duplicate_of IS NULL GROUP BY e.key, e.canonical, e.type, e.kb ORDER BY 6 DESC, 5 DESC, 2
            """);
        static string Row(EntitySummary e) => $"{e.Key}|{e.Canonical}|{e.Type}|{e.Kb}|{e.Mentions}|{e.Articles}";
        Assert.Equal(expected, Store.Entities(null, 10_000).Select(Row).ToList());
        foreach (var type in new[] { "PER", "ORG", "LOC" })
            Assert.Equal(expected.Where(r => r.Split('|')[2] == type).Take(3).ToList(), Store.Entities(type, 3).Select(Row).ToList());
        var key = expected[0].Split('|')[0];
        var timeline = Store.Timeline(key, "month", 5)!;
        Assert.Equal(expected[0], Row(timeline.Entity));
        var months = Rows("SELECT entity_key, day, articles FROM entity_days WHERE entity_key = @k ORDER BY day", ("@k", key))
            .GroupBy(r => r.Split('|')[1][..7]).Select(g => (g.Key, g.Sum(r => int.Parse(r.Split('|')[2], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(months, timeline.ByPublication);
        Assert.Equal(timeline.ByPublication.Sum(p => p.Articles), timeline.Entity.Articles);
    }

    [Fact]
    public void EntityCounts_EqualAFreshGroupBy_AfterWritesRewritesAndCopies()
    {
        WithSamples();
        AssertCountsAsGrouped();

        // A rewrite from the same source, on another day and with other names: its old share leaves, its new one comes.
        var original = Articles.Sample("gripo-epidemija");
        var edited = Articles.Analyze(" date 2024-02-03 Vladimiras Putinas ir Kim Jong Unas kalbėjosi telefonu, pranešė Kremlius; Vilniuje ir Kaune sergamumas gripu sumažėjo.",
            original.SourceId, new DateOnly(2024, 2, 3));
        Assert.Equal([WriteOutcome.Updated], Store.Write([edited]));
        AssertCountsAsGrouped();

        // A copy from another source counts nowhere.
        var story = Articles.Sample("putinas-kim");
        Assert.Equal([WriteOutcome.Copy], Store.Write([story with { SourceId = "https://kitas-portalas.lt/x", Url = "https://kitas-portalas.lt/x" }]));
        AssertCountsAsGrouped();

        // A story rewritten into a copy of another story leaves the counts; rewritten back, it returns.
        var other = Articles.Sample("nato-vilniuje");
        Assert.Equal([WriteOutcome.Updated], Store.Write([story with { SourceId = other.SourceId, Url = other.Url, Date = other.Date }]));
        Assert.Equal(Articles.Samples.Count - 1, Store.StoryCount());
        AssertCountsAsGrouped();
        Assert.Equal([WriteOutcome.Updated], Store.Write([other]));
        Assert.Equal(Articles.Samples.Count, Store.StoryCount());
        AssertCountsAsGrouped();

        // The copy rewritten into a story of its own comes into the counts.
        Assert.Equal([WriteOutcome.Updated], Store.Write([edited with { SourceId = "https://kitas-portalas.lt/x", Url = "https://kitas-portalas.lt/x", Hash = "kitas", SimHash = 0 }]));
        Assert.Equal(Articles.Samples.Count + 1, Store.StoryCount());
        AssertCountsAsGrouped();
    }

    [Fact]
    public void EntityCounts_AreFilledWhenAStoreOfSchema12IsUpgraded()
    {
        WithSamples();
        Store.Write([Articles.Sample("putinas-kim") with { SourceId = "https://kitas-portalas.lt/x", Url = "https://kitas-portalas.lt/x" }]);
        var before = Rows("SELECT entity_key, type, articles, mentions FROM entity_stats ORDER BY entity_key");
        ToSchema12();
        _store!.Dispose();
        _store = null;
        Assert.Equal(Articles.Samples.Count + 1, Store.ArticleCount()); // opens, so upgrades, the store
        AssertCountsAsGrouped();
        Assert.Equal(before, Rows("SELECT entity_key, type, articles, mentions FROM entity_stats ORDER BY entity_key"));
        // The upgraded store keeps its counts as it takes more.
        Assert.Equal([WriteOutcome.Inserted], Store.Write([Articles.Analyze(" date 2025-09-01 Gitanas Nausėda susitiko su Vladimiru Putinu? Ne, su Volodymyru Zelenskiu Vilniuje.",
            "https://naujas.lt/1", new DateOnly(2025, 9, 1))]));
        AssertCountsAsGrouped();
    }

    [Fact]
    public void EntityPage_NewestStories_AreTheSameWhetherReadByMentionsOrByWalkingTheDays()
    {
        WithSamples();
        foreach (var key in Rows("SELECT entity_key FROM entity_stats"))
            foreach (var n in new[] { 1, 2, 3, EntityStats.Scanned })
            {
                var byMentions = Rows(EntityStats.ByMentions(n), ("@k", key));
                Assert.Equal(byMentions, Rows(EntityStats.ByDates(n), ("@k", key)));
                Assert.Equal(Math.Min(n, int.Parse(Rows("SELECT articles FROM entity_stats WHERE entity_key = @k", ("@k", key)).Single(), System.Globalization.CultureInfo.InvariantCulture)), byMentions.Count);
            }
    }
}
