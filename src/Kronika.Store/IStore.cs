namespace Kronika.Store;

/// <summary>What writing one article did.</summary>
public enum WriteOutcome
{
    /// <summary>A new article.</summary>
    Inserted,
    /// <summary>An article already stored from the same source, whose content changed: replaced.</summary>
    Updated,
    /// <summary>The same content is already stored: nothing to do.</summary>
    Unchanged,
    /// <summary>A new copy of a story already stored (near-duplicate): kept, linked to the first, not counted twice.</summary>
    Copy,
}

/// <summary>The order of search results: by relevance to the query (newest first without one), or by publication date.</summary>
public enum SearchSort
{
    /// <summary>Best match first (ties and a search without words: newest first).</summary>
    Relevance,
    /// <summary>Newest publication date first (ties: the later stored first).</summary>
    Newest,
    /// <summary>Oldest publication date first (ties: the earlier stored first).</summary>
    Oldest,
}

/// <summary>
/// A search: the query (may be empty when filters are given) and its filters; <see cref="AfterId"/> keeps only articles
/// stored after that one (a watch's new articles); <see cref="Sort"/> orders the page (and the export: newest or oldest first).
/// </summary>
public sealed record SearchRequest(
    QueryNode? Query,
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyList<string>? EntityKeys = null,
    string? Type = null,
    bool EventDates = false,
    int Limit = 20,
    int Offset = 0,
    long AfterId = 0,
    SearchSort Sort = SearchSort.Relevance)
{
    /// <summary>The names of the orders in the API and the command line.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "newest", "oldest"];

    /// <summary>An order by its name; null for another name.</summary>
    public static SearchSort? ParseSort(string name) => name switch
    {
        "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        "oldest" => SearchSort.Oldest,
        _ => null,
    };
}

/// <summary>One found article: where it is from, its score, and a snippet in its own words with the matches marked.</summary>
public sealed record SearchHit(long Id, DateOnly Date, string Title, string Source, string? Url, double Score, string Snippet, IReadOnlyList<(int Start, int End)> Highlights, int Copies);

public sealed record SearchPage(int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>An entity across the store: its names, type, Wikidata id, how often and in how many articles it is mentioned.</summary>
public sealed record EntitySummary(string Key, string Canonical, string Type, string? Kb, int Mentions, int Articles);

/// <summary>Articles per period mentioning an entity, by publication date and by the dates they talk about, and the entities most mentioned with it.</summary>
public sealed record Timeline(EntitySummary Entity, IReadOnlyList<(string Period, int Articles)> ByPublication, IReadOnlyList<(string Period, int Articles)> ByReference, IReadOnlyList<(EntitySummary Entity, int Articles)> CoMentioned);

/// <summary>What of a timeline beyond the entity and its stories by publication date (read from counts kept at write time) to
/// compute: each of these scans the entity's newest stories.</summary>
[Flags]
public enum TimelineParts
{
    None = 0,
    /// <summary>Stories by the dates they talk about.</summary>
    ByReference = 1,
    /// <summary>The entities most mentioned with it.</summary>
    CoMentioned = 2,
    All = ByReference | CoMentioned,
}

/// <summary>
/// An event search: events with any of <see cref="ActorKeys"/> as actor and any of <see cref="TargetKeys"/> as target
/// (for the symmetric types, as participants), with any of <see cref="AnyKeys"/> in any role, of a type, dated (or,
/// without a calendar date, first reported) between the dates, reported in an article stored after
/// <see cref="AfterArticleId"/>.
/// </summary>
public sealed record EventRequest(
    IReadOnlyList<string>? ActorKeys = null,
    IReadOnlyList<string>? TargetKeys = null,
    string? Type = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Limit = 20,
    int Offset = 0,
    IReadOnlyList<string>? AnyKeys = null,
    long AfterArticleId = 0,
    bool Sides = false);

/// <summary>A saved query or entity, and how far (the last article id) its owner has looked.</summary>
public sealed record Watch(string Name, string? Query, string? Entity, long SeenUpTo, string Created);

/// <summary>One article's report of an event: the article, the sentence with the trigger's offsets in it, and what this report says.</summary>
public sealed record EventMentionHit(
    long ArticleId,
    DateOnly ArticleDate,
    string Title,
    string Source,
    string? Url,
    string Sentence,
    int TriggerStart,
    int TriggerEnd,
    string Modality,
    string? AttributedTo,
    string? Location,
    string Quantities);

/// <summary>An event across articles: its type, mode and date, its participants' canonical names, and its reports (the first few).</summary>
public sealed record EventHit(long Id, string Type, string? Mode, string? Date, IReadOnlyList<string> Actors, IReadOnlyList<string> Targets, int MentionCount, IReadOnlyList<EventMentionHit> Mentions);

public sealed record EventPage(int Total, IReadOnlyList<EventHit> Events);

/// <summary>
/// The store of analyzed articles: an embedded SQLite file by default, PostgreSQL for a shared server. One store is
/// opened per process and shared: the reads (every `…Async` method) are safe to call from many threads at once and stop,
/// in the database too, when their token is cancelled. <see cref="Write"/> and <see cref="Holds"/> take one caller at a
/// time (the ingest's writer, or the server's ingest requests in turn).
/// </summary>
public interface IStore : IDisposable
{
    /// <summary>Writes a batch in one transaction: all of it is stored, or (on a crash) none of it.</summary>
    IReadOnlyList<WriteOutcome> Write(IReadOnlyList<StoredArticle> batch);

    /// <summary>How long this store's <see cref="Write"/>s waited for other writers' batches, in seconds (where the store can tell).</summary>
    double LockWaitSeconds => 0;

    /// <summary>Whether the article of this source is stored with this content hash: re-reading it needs no analysis.</summary>
    bool Holds(string sourceId, string hash);

    int ArticleCount();

    /// <summary>Articles, copies not counted.</summary>
    int StoryCount();

    /// <summary>Null when the store answers and holds tables of this version; else what is wrong (for readiness: a lost server, a missing file, another schema).</summary>
    Task<string?> ProblemAsync(CancellationToken ct = default);

    /// <summary>A page of matches.</summary>
    Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct = default);

    /// <summary>Every story the search's query and filters match (no ranking, no paging), oldest first (newest first when the request's sort is <see cref="SearchSort.Newest"/>): for exports.</summary>
    Task<IReadOnlyList<long>> StoryIdsAsync(SearchRequest request, CancellationToken ct = default);

    Task<IReadOnlyList<EntitySummary>> EntitiesAsync(string? type, int top, CancellationToken ct = default);

    /// <summary>The entity keys whose canonical name (any case) or Wikidata id is <paramref name="name"/>.</summary>
    Task<IReadOnlyList<string>> EntityKeysAsync(string name, CancellationToken ct = default);

    /// <summary>The timeline of an entity; `period` is `day`, `week` or `month`; the <paramref name="parts"/> left out are empty.</summary>
    Task<Timeline?> TimelineAsync(string entityKey, string period, int coMentioned, TimelineParts parts = TimelineParts.All, CancellationToken ct = default);

    Task<StoredArticle?> GetAsync(long id, CancellationToken ct = default);

    /// <summary>Events, newest first, each with up to <paramref name="mentions"/> reports.</summary>
    Task<EventPage> EventsAsync(EventRequest request, int mentions = 5, CancellationToken ct = default);

    /// <summary>Saves a watch (a new one, or a new query for one of that name).</summary>
    Task SaveWatchAsync(Watch watch, CancellationToken ct = default);

    Task<IReadOnlyList<Watch>> WatchesAsync(CancellationToken ct = default);

    /// <summary>Records that the watch's owner has seen everything up to this article id.</summary>
    Task MarkSeenAsync(string name, long upTo, CancellationToken ct = default);

    /// <summary>The id of the newest stored article (0 when there is none).</summary>
    Task<long> LastArticleIdAsync(CancellationToken ct = default);

    /// <summary>An article's stored analysis (every layer, compressed; the tokens only with <paramref name="tokens"/>) and the
    /// model it was made with; null when there is no such article.</summary>
    Task<StoredAnalysis?> AnalysisAsync(long id, bool tokens = false, CancellationToken ct = default);

    /// <summary>The next articles after <paramref name="afterId"/> analysed by another model than <paramref name="model"/> (or by none).</summary>
    IReadOnlyList<long> Stale(string model, long afterId, int limit);

    int StaleCount(string model);

    /// <summary>The story an article belongs to: every outlet's article on it, first and last report.</summary>
    Task<StoryInfo?> StoryAsync(long articleId, CancellationToken ct = default);

    /// <summary>A page of chronicle events (docs/chronicle.md).</summary>
    Task<ChroniclePage> ChronicleAsync(ChronicleRequest request, CancellationToken ct = default);

    /// <summary>The stories the search matches per day (<paramref name="monthly"/>: per month), by publication or by event date (Charts.cs).</summary>
    Task<VolumeSeries> VolumeAsync(SearchRequest request, bool monthly, CancellationToken ct = default);

    /// <summary>The places of the chronicle events a request finds, with how many events each (Charts.cs).</summary>
    Task<IReadOnlyList<PlaceCount>> PlacesAsync(PlaceRequest request, CancellationToken ct = default);
}
