using Kronika.Store;

namespace Kronika.Store.Tests;

/// <summary>
/// What every store must do, run against the embedded SQLite store and against PostgreSQL: the same articles written,
/// the same searches, the same answers.
/// </summary>
public abstract partial class StoreConformance : IDisposable
{
    private IStore? _store;

    protected abstract IStore OpenStore();

    protected IStore Store => _store ??= OpenStore();

    public virtual void Dispose() => _store?.Dispose();

    private IStore WithSamples()
    {
        Assert.All(Store.Write(Articles.Samples), o => Assert.Equal(WriteOutcome.Inserted, o));
        return Store;
    }

    private List<string> Sources(SearchRequest request) => Store.Search(request).Hits.Select(h => Path.GetFileName(h.Source)).ToList();

    private List<string> Find(string query, int limit = 50) => Sources(new SearchRequest(Articles.Query(query), Limit: limit));

    [Fact]
    public void Every_case_form_of_a_name_finds_the_same_articles()
    {
        WithSamples();
        var nominative = Find("Putinas");
        Assert.Contains("2025-08-13-putinas-kim.txt", nominative);
        // The Kursko sritis article names him only as "V. Putinu" (instrumental).
        Assert.Contains("2024-08-13-kursko-sritis.txt", nominative);
        Assert.Equal(nominative.Order(), Find("Putino").Order());
        Assert.Equal(nominative.Order(), Find("Putinui").Order());
        Assert.Equal(nominative.Order(), Find("putinu").Order());
    }

    [Fact]
    public void A_common_noun_is_found_in_any_case_and_number()
    {
        WithSamples();
        var hits = Find("karys");
        Assert.Contains("2024-10-23-siaures-korejos-kariai.txt", hits);
        Assert.Equal(hits.Order(), Find("karių").Order());
        Assert.Equal(hits.Order(), Find("kariams").Order());
    }

    [Fact]
    public void A_phrase_matches_its_words_in_order_and_only_in_order()
    {
        WithSamples();
        var phrase = Find("\"Šiaurės Korėjos\"");
        Assert.Contains("2024-10-23-siaures-korejos-kariai.txt", phrase);
        Assert.Contains("2025-08-13-putinas-kim.txt", phrase);
        Assert.DoesNotContain("2024-10-23-siaures-korejos-kariai.txt", Find("\"Korėja šiaurė\""));
    }

    [Fact]
    public void And_or_not_and_prefix_combine_as_written()
    {
        WithSamples();
        var putin = Find("Putinas");
        var kim = Find("Putinas Kim");
        Assert.NotEmpty(kim);
        Assert.All(kim, s => Assert.Contains(s, putin));
        Assert.Equal(putin.Except(kim).Order(), Find("Putinas NOT Kim").Order());
        Assert.Equal(Find("Putinas").Union(Find("Nausėda")).Order(), Find("Putinas OR Nausėda").Order());
        Assert.Equal(Find("Putinas AND (Kim OR Zelenskis)").Order(), Find("Putinas Kim").Union(Find("Putinas Zelenskis")).Order());
        var prefix = Find("prezident*");
        Assert.Contains("2024-05-27-nauseda-perrinktas.txt", prefix);
        Assert.True(prefix.Count >= Find("prezidentas").Count);
    }

    [Fact]
    public void Results_are_ranked_with_the_article_most_about_the_query_first()
    {
        WithSamples();
        Assert.Equal("2025-08-13-putinas-kim.txt", Find("Putinas Kim")[0]);
        Assert.Equal("2024-05-27-nauseda-perrinktas.txt", Find("Nausėda rinkimai")[0]);
    }

    [Fact]
    public void A_snippet_shows_the_original_words_and_marks_the_matches()
    {
        WithSamples();
        var hit = Store.Search(new SearchRequest(Articles.Query("Putinui"), Limit: 50)).Hits.Single(h => h.Source.EndsWith("kursko-sritis.txt", StringComparison.Ordinal));
        Assert.Equal("Putinu", hit.Highlights.Select(h => hit.Snippet[h.Start..h.End]).Single(w => w.StartsWith("Putin", StringComparison.Ordinal)));
        Assert.Contains("[Putinu]", Snippets.Marked(hit.Snippet, hit.Highlights));
        Assert.StartsWith("Ukrainos pajėgos", hit.Title);
        Assert.Equal(new DateOnly(2024, 8, 13), hit.Date);
    }

    [Fact]
    public void Writing_the_same_articles_again_changes_nothing()
    {
        WithSamples();
        var before = Find("Putinas");
        Assert.All(Store.Write(Articles.Samples), o => Assert.Equal(WriteOutcome.Unchanged, o));
        Assert.Equal(Articles.Samples.Count, Store.ArticleCount());
        Assert.Equal(before, Find("Putinas"));
    }

    [Fact]
    public void A_changed_article_from_the_same_source_replaces_the_old_one()
    {
        WithSamples();
        var original = Articles.Sample("gripo-epidemija");
        var edited = Articles.Analyze(
            " date 2024-01-28 Sveikatos apsaugos ministerija atšaukė gripo epidemiją Vilniuje: sergamumas per savaitę sumažėjo perpus, pranešė Nacionalinis visuomenės sveikatos centras.",
            original.SourceId, new DateOnly(2024, 1, 28));
        Assert.Equal([WriteOutcome.Updated], Store.Write([edited]));
        Assert.Equal(Articles.Samples.Count, Store.ArticleCount());
        Assert.Contains("2024-01-28-gripo-epidemija.txt", Find("atšaukė"));
        var stored = Store.Get(Store.Search(new SearchRequest(Articles.Query("atšaukė"))).Hits.Single().Id)!;
        Assert.Equal(edited.Text, stored.Text);
        Assert.Equal(edited.Mentions.Count, stored.Mentions.Count);
        Assert.DoesNotContain(original.Text.Split(' ')[5], stored.Text.Split(' ')[5..6]);
    }

    [Fact]
    public void A_lightly_edited_republication_is_linked_as_a_copy_and_not_counted_twice()
    {
        WithSamples();
        var original = Articles.Sample("putinas-kim");
        var text = original.Text.Replace("antradienį kalbėjosi telefonu", "antradienį kalbėjosi telefonu, skelbia BNS,")
            .Replace("daugiau nei 15 tūkst.", "per 15 tūkst.");
        var copy = Articles.Analyze(" date 2025-08-13 " + text, "https://kitas-portalas.lt/putinas-kim", original.Date);
        Assert.Equal([WriteOutcome.Copy], Store.Write([copy]));
        Assert.Equal(Articles.Samples.Count + 1, Store.ArticleCount());
        Assert.Equal(Articles.Samples.Count, Store.StoryCount());
        var hits = Store.Search(new SearchRequest(Articles.Query("Putinas Kim"))).Hits;
        Assert.Single(hits, h => h.Title == original.Title);
        Assert.Equal(1, hits.Single(h => h.Title == original.Title).Copies);
    }

    [Fact]
    public void The_same_text_from_another_source_is_a_copy_not_a_new_story()
    {
        WithSamples();
        var original = Articles.Sample("putinas-kim");
        Assert.Equal([WriteOutcome.Copy], Store.Write([original with { SourceId = "https://kitas-portalas.lt/x", Url = "https://kitas-portalas.lt/x" }]));
        Assert.Equal(Articles.Samples.Count, Store.StoryCount());
    }

    [Fact]
    public void Different_stories_are_never_linked_as_copies()
    {
        WithSamples();
        Assert.Equal(Articles.Samples.Count, Store.StoryCount());
    }

    [Fact]
    public void Dates_filter_on_publication_date_or_on_the_dates_the_articles_talk_about()
    {
        WithSamples();
        var published = Sources(new SearchRequest(Articles.Query("Putinas"), From: new DateOnly(2025, 1, 1), Limit: 50));
        Assert.Equal(["2025-08-13-putinas-kim.txt"], published);
        // Published in August 2025, the Putin–Kim article talks about June 2024 (their meeting in Pyongyang).
        var talkedAbout = Sources(new SearchRequest(Articles.Query("Putinas"), From: new DateOnly(2024, 6, 19), To: new DateOnly(2024, 6, 19), EventDates: true, Limit: 50));
        Assert.Contains("2025-08-13-putinas-kim.txt", talkedAbout);
        Assert.Empty(Sources(new SearchRequest(Articles.Query("Putinas"), From: new DateOnly(2024, 6, 19), To: new DateOnly(2024, 6, 19), Limit: 50)));
    }

    [Fact]
    public void An_entity_is_found_by_name_surname_case_or_wikidata_id_and_filters_search()
    {
        WithSamples();
        Assert.Equal(["Q7747"], Store.EntityKeys("Vladimiras Putinas"));
        Assert.Equal(["Q7747"], Store.EntityKeys("putinas"));
        Assert.Equal(["Q7747"], Store.EntityKeys("Q7747"));
        Assert.Empty(Store.EntityKeys("Putin%"));
        var withPutin = Sources(new SearchRequest(null, EntityKeys: ["Q7747"], Limit: 50));
        Assert.Contains("2025-08-13-putinas-kim.txt", withPutin);
        Assert.DoesNotContain("2024-01-28-gripo-epidemija.txt", withPutin);
        Assert.Empty(Sources(new SearchRequest(null, EntityKeys: ["Q7747"], Type: "ORG")));
        Assert.DoesNotContain("2025-08-13-putinas-kim.txt", Sources(new SearchRequest(Articles.Query("Trumpas"), EntityKeys: ["Q7747"], Type: "PER")).Except(withPutin));
    }

    [Fact]
    public void Entities_are_listed_with_type_wikidata_id_and_counts()
    {
        WithSamples();
        var people = Store.Entities("PER", 100);
        var putin = people.Single(e => e.Kb == "Q7747");
        Assert.Equal("Vladimiras Putinas", putin.Canonical);
        Assert.Equal(Find("Putinas").Count, putin.Articles);
        Assert.True(putin.Mentions > putin.Articles);
        Assert.All(people, e => Assert.Equal("PER", e.Type));
        var top = Store.Entities(null, 3);
        Assert.Equal(3, top.Count);
        Assert.Equal("Lietuva", top[0].Canonical);
        Assert.True(top[0].Articles >= top[1].Articles && top[1].Articles >= top[2].Articles);
    }

    [Fact]
    public void Two_people_sharing_a_surname_stay_apart_while_one_person_under_three_names_is_one()
    {
        var day = new DateOnly(2025, 3, 1);
        // Written one at a time, as articles arrive: the full name, then the title and surname, then the initial, then
        // another man of the same surname, then the surname alone once two men bear it.
        Store.Write([Articles.Analyze("Ūkininkas Jonas Birutaitis Kėdainių rajone pardavė ūkį.", "birutaitis-1", day)]);
        Store.Write([Articles.Analyze("Pasak ūkininko Birutaičio, derlius šiemet buvo prastas.", "birutaitis-2", day.AddDays(1))]);
        Store.Write([Articles.Analyze("Sutartį su bendrove pasirašė J. Birutaitis.", "birutaitis-3", day.AddDays(2))]);
        Store.Write([Articles.Analyze("Krepšinio treneris Petras Birutaitis paskelbė rinktinės sudėtį.", "birutaitis-4", day.AddDays(3))]);
        Store.Write([Articles.Analyze("Apie tai kalbėjo ir Birutaitis.", "birutaitis-5", day.AddDays(4))]);

        var people = Store.Entities("PER", 100).Where(e => e.Canonical.EndsWith("Birutaitis", StringComparison.Ordinal)).ToList();
        var jonas = people.Single(e => e.Canonical == "Jonas Birutaitis");
        Assert.Equal(3, jonas.Articles);
        Assert.Equal(1, people.Single(e => e.Canonical == "Petras Birutaitis").Articles);
        // The last article's `Birutaitis` could be either man: it is left apart rather than joined to one of them.
        Assert.Equal(3, people.Count);
    }

    [Fact]
    public void A_body_named_by_a_common_noun_acts_in_its_events_but_is_no_entity()
    {
        var day = new DateOnly(2025, 3, 1);
        Store.Write([Articles.Analyze("Vakar teismas nuteisė vyrą kalėti penkerius metus.", "teismas-1", day)]);
        Store.Write([Articles.Analyze("Pirmadienį teismas nuteisė moterį kalėti trejus metus.", "teismas-2", day.AddDays(3))]);

        Assert.DoesNotContain(Store.Entities(null, 100), e => e.Canonical == "teismas");
        var rulings = Store.Events(new EventRequest(Type: "COERCE")).Events;
        Assert.Equal(2, rulings.Count);
        Assert.All(rulings, e => Assert.Equal(["teismas"], e.Actors));
    }

    [Fact]
    public void A_shorter_name_written_first_takes_the_fuller_name_when_it_comes()
    {
        var day = new DateOnly(2025, 3, 1);
        Store.Write([Articles.Analyze("Sutartį su bendrove pasirašė J. Birutaitis.", "birutaitis-a", day)]);
        Store.Write([Articles.Analyze("Ūkininkas Jonas Birutaitis Kėdainių rajone pardavė ūkį.", "birutaitis-b", day.AddDays(1))]);

        var person = Assert.Single(Store.Entities("PER", 100), e => e.Canonical.EndsWith("Birutaitis", StringComparison.Ordinal));
        Assert.Equal("Jonas Birutaitis", person.Canonical);
        Assert.Equal(2, person.Articles);
        Assert.Single(Store.EntityKeys("Jonas Birutaitis"));
    }

    [Fact]
    public void A_timeline_counts_articles_per_period_by_publication_and_by_referenced_date()
    {
        WithSamples();
        var timeline = Store.Timeline("Q7747", "month", 50)!;
        Assert.Equal(Find("Putinas").Count, timeline.ByPublication.Sum(p => p.Articles));
        Assert.Contains(("2025-08", 1), timeline.ByPublication);
        Assert.Contains(timeline.ByReference, p => p.Period == "2024-06");
        Assert.Contains(timeline.CoMentioned, c => c.Entity.Kb == "Q56226");
        var weeks = Store.Timeline("Q7747", "week", 0)!.ByPublication;
        Assert.Contains(("2025-W33", 1), weeks);
        Assert.Contains(("2025-08-13", 1), Store.Timeline("Q7747", "day", 0)!.ByPublication);
        Assert.Null(Store.Timeline("Q0", "month", 5));
    }

    [Fact]
    public void A_timeline_computes_only_the_parts_asked_for_and_each_as_in_the_whole()
    {
        WithSamples();
        var whole = Store.Timeline("Q7747", "month", 10)!;
        var bare = Store.Timeline("Q7747", "month", 10, TimelineParts.None)!;
        Assert.Equal(whole.Entity, bare.Entity);
        Assert.Equal(whole.ByPublication, bare.ByPublication);
        Assert.Empty(bare.ByReference);
        Assert.Empty(bare.CoMentioned);
        var co = Store.Timeline("Q7747", "month", 10, TimelineParts.CoMentioned)!;
        Assert.NotEmpty(co.CoMentioned);
        Assert.Equal(whole.CoMentioned, co.CoMentioned);
        Assert.Empty(co.ByReference);
        var byReference = Store.Timeline("Q7747", "month", 10, TimelineParts.ByReference)!;
        Assert.NotEmpty(byReference.ByReference);
        Assert.Equal(whole.ByReference, byReference.ByReference);
        Assert.Empty(byReference.CoMentioned);
        Assert.Null(Store.Timeline("Q0", "month", 5, TimelineParts.None));
    }

    [Theory]
    [InlineData("\"; DROP TABLE articles; --")]
    [InlineData("Putinas' OR 1=1 --")]
    [InlineData("NEAR(putinas kim) col:lemmas ^putinas")]
    [InlineData("\\ & | ! :* ''")]
    public void Hostile_query_text_is_searched_as_words_and_harms_nothing(string query)
    {
        WithSamples();
        try
        {
            Store.Search(new SearchRequest(Articles.Query(query)));
        }
        catch (QueryException)
        {
        }
        Assert.Equal(Articles.Samples.Count, Store.ArticleCount());
        Assert.NotEmpty(Find("Putinas"));
    }

    [Fact]
    public void Paging_returns_the_next_results_without_repeating()
    {
        WithSamples();
        var all = Sources(new SearchRequest(Articles.Query("Lietuva"), Limit: 50));
        var first = Sources(new SearchRequest(Articles.Query("Lietuva"), Limit: 3));
        var second = Sources(new SearchRequest(Articles.Query("Lietuva"), Limit: 3, Offset: 3));
        Assert.Equal(all.Take(6), first.Concat(second));
        Assert.Equal(all.Count, Store.Search(new SearchRequest(Articles.Query("Lietuva"), Limit: 1)).Total);
    }

    /// <summary>The samples and three short stories published on one day: ties the date order must break the same way on every page.</summary>
    private void WithSamplesAndSameDayStories()
    {
        WithSamples();
        string[] texts =
        [
            "Lietuvos kariuomenė Rukloje surengė pratybas, pranešė Krašto apsaugos ministerija. Pratybose dalyvavo 300 karių.",
            "Kauno savivaldybė nutarė remontuoti Lietuvos sporto universiteto stadioną; darbai truks dvejus metus.",
            "Klaipėdos uoste vakar sustojo didžiausias kada nors Lietuvoje matytas kruizinis laivas su keturiais tūkstančiais keleivių.",
        ];
        var stories = texts.Select((text, i) => Articles.Analyze(" date 2024-08-13 " + text, $"https://naujienos.lt/{i}", new DateOnly(2024, 8, 13))).ToList();
        Assert.All(Store.Write(stories), o => Assert.Equal(WriteOutcome.Inserted, o));
    }

    /// <summary>Every page of a search, <paramref name="size"/> at a time, until one comes back short.</summary>
    private List<long> PageThrough(SearchRequest request, int size)
    {
        var ids = new List<long>();
        for (var offset = 0; ; offset += size)
        {
            var page = Store.Search(request with { Limit = size, Offset = offset });
            ids.AddRange(page.Hits.Select(h => h.Id));
            if (page.Hits.Count < size) return ids;
        }
    }

    [Theory]
    [InlineData("Lietuva")]
    [InlineData("karys OR Lietuva")]
    [InlineData(null)]
    public void Search_SortedByDate_ListsNewestOrOldestFirst_AndPagesWithoutRepeatingOrSkipping(string? query)
    {
        WithSamplesAndSameDayStories();
        var q = query is null ? null : Articles.Query(query);
        var newest = Store.Search(new SearchRequest(q, Limit: 100, Sort: SearchSort.Newest));
        var oldest = Store.Search(new SearchRequest(q, Limit: 100, Sort: SearchSort.Oldest));
        Assert.True(newest.Hits.Count >= 5, $"{newest.Hits.Count} hits");
        Assert.Equal(newest.Total, oldest.Total);
        Assert.Equal(newest.Hits.Select(h => h.Date).OrderDescending(), newest.Hits.Select(h => h.Date));
        Assert.Equal(oldest.Hits.Select(h => h.Date).Order(), oldest.Hits.Select(h => h.Date));
        // The three stories of 2024-08-13 (and the sample of that day) tie on the date: the id breaks the tie, both ways.
        Assert.Equal(newest.Hits.Select(h => h.Id).Reverse(), oldest.Hits.Select(h => h.Id));
        Assert.Contains(newest.Hits.GroupBy(h => h.Date), g => g.Count() >= 3);
        foreach (var sort in new[] { SearchSort.Newest, SearchSort.Oldest, SearchSort.Relevance })
        {
            var all = Store.Search(new SearchRequest(q, Limit: 100, Sort: sort)).Hits.Select(h => h.Id).ToList();
            Assert.Equal(all, PageThrough(new SearchRequest(q, Sort: sort), 2));
            Assert.Equal(all, PageThrough(new SearchRequest(q, Sort: sort), 3));
        }
    }

    /// <summary>
    /// The store as <see cref="Store"/> holds it, ranking by relevance at most <paramref name="window"/> matches where the
    /// store bounds its ranking (SQLite ranks the newest matches; PostgreSQL ranks every match).
    /// </summary>
    protected virtual IStore RankingAtMost(int window) => Store;

    [Theory]
    [InlineData("Lietuva")]
    [InlineData("karys OR Lietuva")]
    public void Search_ByRelevance_PagesThroughEveryMatchTheTotalCounts_PastTheRankedWindow(string query)
    {
        WithSamplesAndSameDayStories();
        var store = RankingAtMost(3);
        var request = new SearchRequest(Articles.Query(query));
        var total = store.Search(request with { Limit = 1 }).Total;
        Assert.True(total >= 6, $"{total} matches");
        foreach (var size in new[] { 2, 3, 4 })
        {
            var ids = new List<long>();
            for (var offset = 0; offset < total + size; offset += size)
            {
                var page = store.Search(request with { Limit = size, Offset = offset });
                Assert.Equal(total, page.Total);
                Assert.Equal(Math.Clamp(total - offset, 0, size), page.Hits.Count);
                ids.AddRange(page.Hits.Select(h => h.Id));
            }
            Assert.Equal(ids.Distinct(), ids);
            Assert.Equal(store.StoryIds(request).Order(), ids.Order());
            Assert.Equal(store.Search(request with { Limit = 100 }).Hits.Select(h => h.Id), ids);
        }
    }

    [Fact]
    public void Search_SortedByDate_KeepsItsFilters()
    {
        WithSamplesAndSameDayStories();
        var request = new SearchRequest(Articles.Query("Lietuva"), From: new DateOnly(2024, 1, 1), To: new DateOnly(2025, 12, 31), Limit: 100);
        var relevance = Store.Search(request).Hits.Select(h => h.Id).Order();
        var newest = Store.Search(request with { Sort = SearchSort.Newest }).Hits;
        Assert.Equal(relevance, newest.Select(h => h.Id).Order());
        Assert.All(newest, h => Assert.InRange(h.Date, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.Equal(2025, newest[0].Date.Year);
    }

    [Fact]
    public void StoryIds_ForAnExport_AreOldestFirst_OrNewestFirstWhenSortedSo()
    {
        WithSamplesAndSameDayStories();
        var oldest = Store.StoryIds(new SearchRequest(Articles.Query("Lietuva")));
        var newest = Store.StoryIds(new SearchRequest(Articles.Query("Lietuva"), Sort: SearchSort.Newest));
        Assert.True(oldest.Count >= 5);
        Assert.Equal(oldest.Reverse(), newest);
        Assert.Equal(Store.Search(new SearchRequest(Articles.Query("Lietuva"), Limit: 100, Sort: SearchSort.Newest)).Hits.Select(h => h.Id), newest);
    }

    [Fact]
    public void A_stored_article_reads_back_whole()
    {
        var article = Articles.Sample("putinas-kim");
        Store.Write([article]);
        var back = Store.Get(Store.Search(new SearchRequest(Articles.Query("Putinas"))).Hits.Single().Id)!;
        Assert.Equal(article with { Mentions = [], Times = [], Events = [] },
            back with { Mentions = [], Times = [], Events = [], Spans = article.Spans, Analysis = article.Analysis, Tokens = article.Tokens, Features = article.Features });
        Assert.Equal(article.Spans, back.Spans);
        Assert.Equal(article.Analysis, back.Analysis);
        Assert.Equal(article.Tokens, back.Tokens);
        Assert.Equal(article.Features, back.Features);
        Assert.Equal(article.Mentions, back.Mentions);
        Assert.Equal(article.Times, back.Times);
    }

    private static readonly DateOnly Dct = new(2025, 8, 13);

    private List<string> EventLines(EventRequest request) =>
        Store.Events(request).Events.Select(e => $"{e.Type} {string.Join(" + ", e.Actors)} → {string.Join(" + ", e.Targets)} {e.Date} ×{e.MentionCount}").ToList();

    private IReadOnlyList<string> Keys(string name) => Store.EntityKeys(name);

    [Fact]
    public void The_same_event_reported_by_two_articles_is_one_event_with_two_mentions()
    {
        Store.Write([
            // Both name the two states (a plural role, `prezidentai`, names no office holder yet; README, References).
            Articles.Analyze(" date 2025-08-13 Antradienį Lietuva ir Lenkija kalbėjosi telefonu apie saugumą regione, pranešė BNS.", "bns-1", Dct),
            Articles.Analyze(" date 2025-08-13 Lietuva antradienį telefonu kalbėjosi su Lenkija, rašoma ELTA pranešime. Jos aptarė oro gynybą.", "elta-1", Dct),
        ]);
        var page = Store.Events(new EventRequest(Type: "CONSULT"));
        var e = Assert.Single(page.Events);
        Assert.Equal(2, e.MentionCount);
        Assert.Equal(["Lenkija", "Lietuva"], e.Actors.Order());
        Assert.Equal("2025-08-12", e.Date);
        Assert.Equal(["bns-1", "elta-1"], e.Mentions.Select(m => m.Source).Order());
        var mention = e.Mentions.First(m => m.Source == "bns-1");
        Assert.Equal("kalbėjosi", mention.Sentence[mention.TriggerStart..mention.TriggerEnd]);
    }

    [Fact]
    public void Events_are_filtered_by_actor_target_type_and_date()
    {
        Store.Write([
            Articles.Analyze(" date 2025-08-13 Rusija antradienį atakavo Odesą.", "a", Dct),
            Articles.Analyze(" date 2025-08-13 Ukraina 2024 m. rugsėjį atakavo Rusiją.", "b", Dct),
            Articles.Analyze(" date 2025-08-13 Lenkija pirmadienį pagrasino Baltarusijai.", "c", Dct),
        ]);
        Assert.Equal(["ASSAULT Rusija → Odesa 2025-08-12 ×1"], EventLines(new EventRequest(ActorKeys: Keys("Rusija"))));
        Assert.Equal(["ASSAULT Ukraina → Rusija 2024-09 ×1"], EventLines(new EventRequest(TargetKeys: Keys("Rusija"))));
        Assert.Equal(2, Store.Events(new EventRequest(Type: "ASSAULT")).Total);
        Assert.Equal(["ASSAULT Rusija → Odesa 2025-08-12 ×1", "THREATEN Lenkija → Baltarusija 2025-08-11 ×1"],
            EventLines(new EventRequest(From: new DateOnly(2025, 1, 1))));
        Assert.Equal(["ASSAULT Ukraina → Rusija 2024-09 ×1"], EventLines(new EventRequest(To: new DateOnly(2024, 12, 31))));
        Assert.Empty(EventLines(new EventRequest(ActorKeys: [])));
    }

    [Fact]
    public void A_changed_article_replaces_its_events()
    {
        Store.Write([Articles.Analyze(" date 2025-08-13 Rusija antradienį atakavo Odesą.", "a", Dct)]);
        Assert.Equal([WriteOutcome.Updated], Store.Write([Articles.Analyze(" date 2025-08-13 Lenkija pirmadienį pagrasino Baltarusijai.", "a", Dct)]));
        Assert.Equal(["THREATEN Lenkija → Baltarusija 2025-08-11 ×1"], EventLines(new EventRequest()));
    }

    [Fact]
    public void A_watch_is_saved_and_remembers_how_far_it_was_seen()
    {
        WithSamples();
        Store.SaveWatch(new Watch("putinas", "Putinas", null, 0, "2025-08-13T00:00:00Z"));
        var last = Store.LastArticleId();
        Store.MarkSeen("putinas", last);
        Assert.Equal([new Watch("putinas", "Putinas", null, last, "2025-08-13T00:00:00Z")], Store.Watches());
        Assert.Equal(0, Store.Search(new SearchRequest(Articles.Query("Putinas"), AfterId: last)).Total);
        Store.Write([Articles.Analyze(" date 2025-09-01 V. Putinas pirmadienį lankėsi Pekine.", "new", new DateOnly(2025, 9, 1))]);
        Assert.Equal(1, Store.Search(new SearchRequest(Articles.Query("Putinas"), AfterId: last)).Total);
        Assert.Single(Store.StoryIds(new SearchRequest(null, AfterId: last)));
    }
}
