using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Ingest;
using Kronika.Lithuanian;
using Kronika.Store;
using Kronika.Tests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Kronika.Property.Tests;

/// <summary>
/// Issue 21: random text, random Unicode (lone surrogates, NUL, combining marks, right-to-left), random dates from
/// 0001 to 9999 and random query strings through the reader, tokenizer, time normalizer, query parser and the API's
/// parameters. Each call returns a result or a clean error (the error type each part promises) within a time bound;
/// never another exception, never a hang. FsCheck prints the smallest failing input when a property fails.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);

    /// <summary>Longer than any of these calls should take on a busy 2-core machine, far shorter than a hang.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Runs <paramref name="call"/> on another thread and fails if it has not returned within <see cref="Bound"/>.</summary>
    private static T Within<T>(Func<T> call, string what)
    {
        var task = Task.Run(call);
        if (!task.Wait(Bound)) throw new TimeoutException($"{what} did not return within {Bound.TotalSeconds:0} s");
        return task.Result;
    }

    // Characters that break naive text handling, and Lithuanian words that reach the deeper rules.
    private static readonly string[] Pieces =
    [
        "\0", "\uD800", "\uDC00", "\uDBFF\uDFFF", "😀", "\u0301", "\u0328", "e\u0307", "\u200F", "\u202E", "\u202C", "\u200B", "\uFEFF",
        "שלום", "مرحبا", "\t", "\r", "\n", "\r\n", " ", "  ", ".", "…", ",", "–", "-", "\"", "„", "“", "”", "'", "(", ")", "*", ":", ";", "?", "!",
        "0", "7", "2025", "9999", "0001", "13", "31", "1,5", "10 000", "%", "€", "m.", "d.", "val.", "proc.", "V.", "A.", "p.", "www.lrt.lt",
        "Vilniuje", "Lietuva", "Putinas", "Kim", "Jong", "Unas", "prezidentas", "sakė", "pasak", "teigė", "kalbėjosi", "susitiko", "karių",
        "vakar", "šiandien", "rytoj", "praėjusį", "kitą", "pirmadienį", "savaitę", "mėnesį", "metais", "rugpjūčio", "sausio", "gruodžio",
        "prieš", "po", "dienų", "metų", "amžiuje", "XX", "pradžioje", "pabaigoje", "ketvirtį", "2025-08-13", "AND", "OR", "NOT", "ą", "Ž",
    ];

    private static readonly Gen<string> Text =
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, size * 2)).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)))
            .Select(parts => string.Concat(parts.Select((p, i) => i % 3 == 2 ? p : p + " ")));

    /// <summary>
    /// The pieces without numbers of years (`9999`, `10 000`…): `prieš 9999 metų` overflows the time normalizer's date
    /// arithmetic (issue 21 item 1, fixed by another helper in src/Kronika.Lithuanian/Time). The properties that are to
    /// pass before that fix use these; the skipped one over every date uses them all. Use Pieces everywhere once it lands.
    /// </summary>
    private static readonly Gen<string> TextWithoutYearCounts =
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, size * 2)).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces.Where(p => p is not ("2025" or "9999" or "0001" or "10 000")).ToArray()), n)))
            .Select(parts => string.Concat(parts.Select((p, i) => i % 3 == 2 ? p : p + " ")));

    private static readonly Gen<DateOnly> Dates = Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly Gen<DateOnly> OrdinaryDates = Gen.Choose(new DateOnly(1900, 1, 1).DayNumber, new DateOnly(2100, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly Pipeline Segmentation = LithuanianPipeline.Create(Layers.Sentences);
    private static readonly Pipeline Full = LithuanianPipeline.Create();

    [Fact]
    public void Reader_returns_an_article_or_an_article_error_for_any_text()
    {
        var property = Prop.ForAll(Text.ToArbitrary(), Dates.ToArbitrary(), (text, date) =>
        {
            var line = $" date {date:yyyy-MM-dd} {text}";
            Within(() =>
            {
                foreach (var input in new[] { text, line })
                {
                    try
                    {
                        var doc = ArticleReader.Parse(input, new ArticleSource("x"));
                        Assert.True(doc.Text.Length > 0);
                    }
                    catch (ArticleException)
                    {
                    }
                }
                // JSON lines, HTML and feeds report their problems as results, never as exceptions.
                Assert.NotEmpty(ArticleReader.ParseJsonLines(text, "x.jsonl").ToList());
                Assert.NotEmpty(ArticleReader.ParseJsonLines($"{{\"date\":\"{date:yyyy-MM-dd}\",\"text\":{JsonString(text)}}}", "x.jsonl").ToList());
                try
                {
                    _ = ArticleReader.ParseFeed(text, "x.xml").ToList();
                }
                catch (ArticleException)
                {
                }
                try
                {
                    ArticleReader.ParseHtml($"<html><body><p>{text}</p></body></html>", "x.html", date);
                }
                catch (ArticleException)
                {
                }
                return true;
            }, "reading");
        });
        Check.One(Runs, property);
    }

    /// <summary>A JSON string of any text, lone surrogates included (as `\uXXXX` escapes, which a serializer refuses to write).</summary>
    private static string JsonString(string text) =>
        "\"" + string.Concat(text.Select(c => c is < ' ' or '"' or '\\' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    [Fact]
    public void Reader_decodes_any_bytes_or_says_why_not()
    {
        var bytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(bytes, data =>
        {
            var folder = Directory.CreateTempSubdirectory("kronika-fuzz-").FullName;
            try
            {
                var file = Path.Combine(folder, "a.txt");
                File.WriteAllBytes(file, data);
                var results = Within(() => ArticleReader.Read([file]).ToList(), "reading a file");
                var result = Assert.Single(results);
                Assert.True(result.Document is not null ^ result.Error is not null);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }));
    }

    [Fact]
    public void Tokenizer_and_splitter_cover_any_text_with_ordered_tokens_inside_it()
    {
        Check.One(Runs, Prop.ForAll(Text.ToArbitrary(), text =>
        {
            var doc = Within(() => Segmentation.Process(new Document(text, new DateOnly(2025, 8, 13))), "tokenizing");
            var last = 0;
            for (var i = 0; i < doc.TokenCount; i++)
            {
                var t = doc.Token(i);
                Assert.True(t.Start >= last && t.End > t.Start && t.End <= text.Length, $"token {i} [{t.Start}, {t.End})");
                last = t.End;
            }
        }));
    }

    [Fact]
    public void The_whole_pipeline_with_time_expressions_handles_any_text_against_an_ordinary_date()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(TextWithoutYearCounts.ToArbitrary(), OrdinaryDates.ToArbitrary(), (text, date) =>
        {
            var doc = Within(() => Full.Process(new Document(text, date)), "the pipeline");
            foreach (var t in doc.Times) Assert.True(t.End <= text.Length && !string.IsNullOrEmpty(t.Value));
        }));
    }

    [Fact]
    public void The_time_normalizer_handles_any_text_against_any_date_from_0001_to_9999()
    {
        var edges = Gen.OneOf(Dates, Gen.Elements(DateOnly.MinValue, DateOnly.MinValue.AddDays(3), DateOnly.MaxValue, DateOnly.MaxValue.AddDays(-3)));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Text.ToArbitrary(), edges.ToArbitrary(), (text, date) =>
        {
            var doc = Within(() => Full.Process(new Document(text, date)), "the pipeline");
            foreach (var t in doc.Times) Assert.True(t.End <= text.Length);
        }));
    }

    private static readonly Gen<string> Queries =
        Gen.Sized(size => Gen.Choose(0, Math.Max(1, size)).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces.Concat(["(", ")", "\"", "*", "NOT", "OR", "prezident*", "x*"]).ToArray()), n)))
            .Select(parts => string.Join(' ', parts));

    private static readonly Lazy<SearchLemmas> Lemmas = new(() => new SearchLemmas());

    [Fact]
    public void Query_parser_returns_a_query_the_store_runs_or_a_query_error()
    {
        var folder = Directory.CreateTempSubdirectory("kronika-fuzz-store-").FullName;
        try
        {
            using var store = new SqliteStore(Path.Combine(folder, "k.db"));
            new Ingestor(Full, new Pipeline([]), store).Run(ArticleReader.Read([Path.Combine(TestPaths.Samples, "2025-08-13-putinas-kim.txt")]), _ => { });
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Queries.ToArbitrary(), query =>
            {
                Within(() =>
                {
                    QueryNode node;
                    try
                    {
                        node = Lemmas.Value.Parser().Parse(query);
                    }
                    catch (QueryException)
                    {
                        return true;
                    }
                    store.SearchAsync(new SearchRequest(node, Limit: 5)).GetAwaiter().GetResult();
                    return true;
                }, $"the query '{query}'");
            }));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Api_parameters_of_any_value_are_answered_below_500()
    {
        var folder = Directory.CreateTempSubdirectory("kronika-fuzz-api-").FullName;
        try
        {
            var db = Path.Combine(folder, "k.db");
            using (var store = new SqliteStore(db))
                new Ingestor(Full, new Pipeline([]), store).Run(ArticleReader.Read([Path.Combine(TestPaths.Samples, "2025-08-13-putinas-kim.txt")]), _ => { });
            using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Kronika:Db", "sqlite:" + db));
            using var client = factory.CreateClient();
            // Past the server's own budget (30 s, then a 503): a request the server never answers fails the test.
            client.Timeout = TimeSpan.FromSeconds(90);
            string[] endpoints =
            [
                "/api/search?q={0}", "/api/search?q=Putinas&limit={0}", "/api/search?q=Putinas&offset={0}", "/api/search?from={0}",
                "/api/search?q=Putinas&to={0}&event_dates={0}", "/api/search?type={0}", "/api/search?entity={0}", "/api/articles?limit={0}&offset={0}",
                "/api/articles/{0}", "/api/entities?top={0}&type={0}", "/api/entities/{0}?period={0}", "/api/events?actor={0}&limit={0}&mentions={0}",
                "/api/events?type={0}&from={0}", "/api/export?format={0}&q={0}", "/feeds/{0}.atom",
                "/api/entity-index?q={0}&type={0}&sort={0}&limit={0}&offset={0}", "/api/chronicle?actor={0}&either={0}&place={0}",
            ];
            var values = Gen.OneOf(Queries, Text.Select(t => t.Length > 60 ? t[..60] : t),
                Gen.Elements("-1", "0", "1", "abc", "1e9", "99999999999", "2025-02-30", "0001-01-01", "9999-12-31", "true", "PER", "%00", "", " "));
            var cases = Gen.Zip(Gen.Elements(endpoints), values).Sample(10, 120);
            foreach (var (endpoint, value) in cases)
            {
                // The test server's client refuses a NUL in a URL's path before sending it; Kestrel answers it 400.
                var url = string.Format(endpoint, Uri.EscapeDataString(endpoint.Split('?')[0].Contains("{0}") ? value.Replace("\0", "") : value));
                var response = await client.GetAsync(url);
                Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            var bodies = TextWithoutYearCounts.Sample(20, 30);
            foreach (var text in bodies)
            {
                var response = await client.PostAsync("/api/analyze", new StringContent(
                    $"{{\"text\":{JsonString(text)},\"date\":\"2025-08-13\"}}", Encoding.UTF8, "application/json"));
                if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    string why;
                    try
                    {
                        var doc = Full.Process(new Document(TextDecoder.WellFormed(text), new DateOnly(2025, 8, 13), paragraphs: Document.Lines(TextDecoder.WellFormed(text))));
                        Kronika.Core.IO.JsonOutput.ToJson(doc);
                        why = "the same text analyzes here";
                    }
                    catch (Exception e)
                    {
                        why = e.ToString();
                    }
                    Assert.Fail($"analyze {JsonString(text)}: {(int)response.StatusCode}; {why}");
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }
}
