using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Kronika.Core.Diagnostics;
using Kronika.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kronika.Web.Tests;

/// <summary>Issue 20's operations: health and readiness, one store per process, settings, logs and metrics.</summary>
public sealed class OperationsTests(SampleStore samples) : IClassFixture<SampleStore>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kronika-ops-").FullName;
    private readonly List<IDisposable> _factories = [];

    public void Dispose()
    {
        foreach (var factory in _factories) factory.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private WebApplicationFactory<Program> Factory(string db, Action<IWebHostBuilder>? configure = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Kronika:Db", db);
            configure?.Invoke(b);
        });
        _factories.Add(factory);
        return factory;
    }

    private static async Task<HttpStatusCode> Status(HttpClient client, string url) => (await client.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode;

    /// <summary>Asks until the answer is <paramref name="expected"/> (a probe polls): the last status seen.</summary>
    private static async Task<HttpStatusCode> Eventually(HttpClient client, string url, HttpStatusCode expected)
    {
        var status = await Status(client, url);
        for (var i = 0; i < 50 && status != expected; i++)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
            status = await Status(client, url);
        }
        return status;
    }

    [Fact]
    public async Task A_read_only_server_serves_its_store_and_takes_no_articles()
    {
        var client = Factory(samples.Db, b =>
        {
            b.UseSetting("Kronika:ReadOnly", "true");
            b.UseSetting("Kronika:ApiKey", "k");
        }).CreateClient();
        Assert.Equal(HttpStatusCode.OK, await Status(client, "/readyz"));
        var page = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/search?q=Putinas", TestContext.Current.CancellationToken);
        Assert.True(page.GetProperty("total").GetInt32() >= 3);
        var ingest = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
        {
            Headers = { { "X-Api-Key", "k" } },
            Content = JsonContent.Create(new[] { new { date = "2025-08-13", text = "Vilniuje vakar lijo.", url = "https://example.lt/lietus-ro" } }),
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, ingest.StatusCode);
        Assert.Contains("read-only", await ingest.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Readiness_fails_while_the_SQLite_file_is_gone_or_of_another_version_and_recovers_when_it_returns()
    {
        var path = Path.Combine(_dir, "kronika.db");
        new SqliteStore(path).Dispose();
        var client = Factory("sqlite:" + path).CreateClient();
        Assert.Equal(HttpStatusCode.OK, await Status(client, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, await Status(client, "/readyz"));

        File.Move(path, path + ".away");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Status(client, "/readyz"));
        Assert.Equal(HttpStatusCode.OK, await Status(client, "/healthz")); // the process is still up
        File.Move(path + ".away", path);
        Assert.Equal(HttpStatusCode.OK, await Status(client, "/readyz"));

        void Version(int v)
        {
            using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {v}";
            command.ExecuteNonQuery();
        }
        Version(SqliteStore.SchemaVersion - 1);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Status(client, "/readyz"));
        Version(SqliteStore.SchemaVersion);
        Assert.Equal(HttpStatusCode.OK, await Status(client, "/readyz"));
    }

    [Fact]
    public async Task Readiness_fails_while_the_PostgreSQL_database_is_dropped_and_recovers_when_it_is_back()
    {
        var uri = Environment.GetEnvironmentVariable("KRONIKA_TEST_POSTGRES");
        if (string.IsNullOrEmpty(uri)) Assert.Skip("KRONIKA_TEST_POSTGRES is not set: no PostgreSQL server to test against (.ci/run starts one)");
        var admin = PostgresStore.ConnectionString(uri);
        var name = "kronika_ready_" + Guid.NewGuid().ToString("N")[..10];
        var db = new UriBuilder(uri) { Path = "/" + name }.Uri.ToString();
        void Admin(string sql)
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
        void Create()
        {
            Admin($"CREATE DATABASE {name}");
            new PostgresStore(PostgresStore.ConnectionString(db)).Dispose();
        }
        Create();
        try
        {
            var client = Factory(db).CreateClient();
            Assert.Equal(HttpStatusCode.OK, await Status(client, "/readyz"));
            Admin($"DROP DATABASE {name} WITH (FORCE)");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await Eventually(client, "/readyz", HttpStatusCode.ServiceUnavailable));
            Assert.Equal(HttpStatusCode.OK, await Status(client, "/healthz"));
            Create();
            Assert.Equal(HttpStatusCode.OK, await Eventually(client, "/readyz", HttpStatusCode.OK));
            Assert.Equal(HttpStatusCode.OK, await Status(client, "/api/articles"));
        }
        finally
        {
            foreach (var factory in _factories) factory.Dispose();
            _factories.Clear();
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    [Fact]
    public async Task The_server_opens_one_store_and_serves_every_request_from_it()
    {
        var factory = Factory(samples.Db);
        var client = factory.CreateClient();
        var first = factory.Services.GetRequiredService<IStore>();
        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            client.GetAsync(i % 3 == 0 ? "/api/search?q=Putinas" : i % 3 == 1 ? "/api/chronicle?either=Rusija" : "/api/entities?top=5", TestContext.Current.CancellationToken)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Same(first, factory.Services.GetRequiredService<IStore>());
        Assert.Same(first, factory.Services.CreateScope().ServiceProvider.GetRequiredService<IStore>());
    }

    [Fact]
    public void Settings_come_from_the_command_line_as_db_or_as_the_configuration_key()
    {
        Assert.Equal("sqlite:/tmp/a.db", KronikaWeb.StoreUri(KronikaWeb.Build(["--db", "sqlite:/tmp/a.db"]).Configuration));
        Assert.Equal("sqlite:/tmp/b.db", KronikaWeb.StoreUri(KronikaWeb.Build(["--Kronika:Db=sqlite:/tmp/b.db"]).Configuration));
        var app = KronikaWeb.Build(["--api-key", "k", "--request-seconds", "7"]);
        Assert.Equal("k", app.Configuration["Kronika:ApiKey"]);
        Assert.Equal("7", app.Configuration["Kronika:RequestSeconds"]);
    }

    [Fact]
    public async Task Searches_analysis_steps_and_ingested_articles_are_measured_and_Prometheus_can_scrape_them()
    {
        var measured = new ConcurrentBag<(string Instrument, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == KronikaMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => measured.Add((i.Name, string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => measured.Add((i.Name, string.Join(',', tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
        listener.Start();

        var client = Factory("sqlite:" + Path.Combine(_dir, "metrics.db"), b =>
        {
            b.UseSetting("Kronika:Prometheus", "true");
            b.UseSetting("Kronika:ApiKey", "k");
        }).CreateClient();
        Assert.Equal(HttpStatusCode.OK, await Status(client, "/api/search?q=Putinas"));
        var ingest = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
        {
            Headers = { { "X-Api-Key", "k" } },
            Content = JsonContent.Create(new[] { new { date = "2025-08-13", text = "Vilniuje vakar lijo.", url = "https://example.lt/lietus" } }),
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);

        Assert.Contains(measured, m => m.Instrument == "kronika.search.duration" && m.Tags == "status=200");
        Assert.Contains(measured, m => m.Instrument == "kronika.analysis.step.duration" && m.Tags.StartsWith("step=", StringComparison.Ordinal));
        Assert.Contains(measured, m => m.Instrument == "kronika.articles.ingested" && m.Tags == "outcome=inserted");

        var scrape = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("kronika_search_duration_seconds_count", scrape);
        Assert.Contains("kronika_articles_ingested", scrape);
        // Off unless the setting asks for it.
        Assert.Equal(HttpStatusCode.NotFound, await Status(Factory(samples.Db).CreateClient(), "/metrics"));
    }

    [Fact]
    public async Task Requests_and_ingest_errors_are_logged_with_the_article_source()
    {
        var lines = new ConcurrentQueue<string>();
        var client = Factory("sqlite:" + Path.Combine(_dir, "logs.db"), b =>
        {
            b.UseSetting("Kronika:ApiKey", "k");
            b.ConfigureLogging(logging => logging.AddProvider(new Collect(lines)));
        }).CreateClient();
        await Status(client, "/api/search?q=Putinas");
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/ingest")
        {
            Headers = { { "X-Api-Key", "k" } },
            Content = JsonContent.Create(new[] { new { date = "2025-02-30", text = "Vilniuje lijo.", url = "https://example.lt/bloga-data" } }),
        }, TestContext.Current.CancellationToken);
        Assert.Contains(lines, l => l.StartsWith("Kronika.Web.Requests: GET /api/search?q=Putinas 200 in ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("ingest: https://example.lt/bloga-data:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_dropped_because_its_client_went_away_is_logged_as_cancelled_not_as_a_store_failure()
    {
        var lines = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        var stall = (Stall)(object)DispatchProxy.Create<IStore, Stall>();
        var client = Factory(samples.Db, b =>
        {
            b.ConfigureLogging(logging => logging.AddProvider(new Collect(lines, errors)));
            b.ConfigureTestServices(services => services.AddSingleton(_ => stall.Over(StoreFactory.Open(samples.Db, create: false))));
        }).CreateClient();
        using var tab = new CancellationTokenSource();
        var request = client.GetAsync("/api/search?q=Putinas", tab.Token);
        await stall.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        tab.Cancel(); // the tab closes while the store reads
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        for (var i = 0; i < 100 && !lines.Any(l => l.Contains("/api/search?q=Putinas", StringComparison.Ordinal)); i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Empty(errors);
        Assert.Contains(lines, l => l.StartsWith("Kronika.Web.Requests: GET /api/search?q=Putinas 499 (cancelled) in ", StringComparison.Ordinal));
        // The server goes on answering.
        Assert.Equal(HttpStatusCode.OK, await Status(client, "/api/entities?top=1"));
    }

    /// <summary>A store whose search waits until its request is cancelled, then stops as a read interrupted in SQLite does;
    /// everything else goes to the store under it.</summary>
    public class Stall : DispatchProxy
    {
        private IStore _inner = null!;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IStore Over(IStore inner)
        {
            _inner = inner;
            return (IStore)(object)this;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args) =>
            method!.Name == nameof(IStore.SearchAsync) ? Stopped((CancellationToken)args![1]!) : method.Invoke(_inner, args);

        private async Task<SearchPage> Stopped(CancellationToken ct)
        {
            Entered.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            throw new OperationCanceledException("the read was stopped", new SqliteException("interrupted", SQLitePCL.raw.SQLITE_INTERRUPT), ct);
        }
    }

    /// <summary>Collects log lines of information and above as `category: message`, and warnings and errors apart.</summary>
    private sealed class Collect(ConcurrentQueue<string> lines, ConcurrentQueue<string>? errors = null) : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new Logger(category, lines, errors);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines, ConcurrentQueue<string>? errors) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel level) => level >= LogLevel.Information;
            public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
            {
                lines.Enqueue($"{category}: {format(state, e)}");
                if (level >= LogLevel.Warning || e is not null) errors?.Enqueue($"{level} {category}: {format(state, e)} {e}");
            }
        }
    }
}
