using System.Diagnostics;
using System.Threading.Channels;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Store;

namespace Kronika.Ingest;

/// <summary>Counts of an ingest so far.</summary>
/// <param name="WriteSeconds">How long the writer spent in the store (the rest of its time it waited for analysis).</param>
public sealed record IngestProgress(int Read, int Inserted, int Updated, int Unchanged, int Copies, int Errors, double Seconds, double WriteSeconds = 0)
{
    public int Written => Inserted + Updated + Unchanged + Copies;
    public double PerSecond => Seconds > 0 ? Written / Seconds : 0;
}

/// <summary>
/// Reads, analyzes in parallel on all cores, and writes with one writer in batched transactions. Lithuanian articles go
/// through the whole pipeline; articles in other languages are only tokenized and stored as searchable text. A bad
/// input or an article the pipeline cannot handle is reported and skipped; the rest goes on.
/// </summary>
public sealed class Ingestor(Pipeline lithuanian, Pipeline plain, IStore store, int batchSize = 200)
{
    private sealed record Item(StoredArticle? Article, ArticleError? Error);

    public IngestProgress Run(IEnumerable<ReadResult> inputs, Action<ArticleError> onError, Action<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var read = Channel.CreateBounded<ReadResult>(256);
        var analyzed = Channel.CreateBounded<Item>(512);
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var r in inputs)
                {
                    ct.ThrowIfCancellationRequested();
                    await read.Writer.WriteAsync(r, ct);
                }
            }
            finally
            {
                read.Writer.Complete();
            }
        }, ct);
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            await foreach (var r in read.Reader.ReadAllAsync(ct))
                await analyzed.Writer.WriteAsync(Analyze(r, ct), ct);
        }, ct)).ToArray();
        var closer = Task.WhenAll(workers).ContinueWith(_ => analyzed.Writer.Complete(), TaskScheduler.Default);

        int readCount = 0, inserted = 0, updated = 0, unchanged = 0, copies = 0, errors = 0;
        var batch = new List<StoredArticle>(batchSize);
        var writing = new Stopwatch();
        IngestProgress Snapshot() => new(readCount, inserted, updated, unchanged, copies, errors, clock.Elapsed.TotalSeconds, writing.Elapsed.TotalSeconds);
        void Flush()
        {
            if (batch.Count == 0) return;
            writing.Start();
            var outcomes = store.Write(batch);
            writing.Stop();
            foreach (var outcome in outcomes)
            {
                switch (outcome)
                {
                    case WriteOutcome.Inserted: inserted++; break;
                    case WriteOutcome.Updated: updated++; break;
                    case WriteOutcome.Unchanged: unchanged++; break;
                    case WriteOutcome.Copy: copies++; break;
                }
            }
            batch.Clear();
            progress?.Invoke(Snapshot());
        }

        foreach (var item in analyzed.Reader.ReadAllAsync(ct).ToBlockingEnumerable(ct))
        {
            readCount++;
            if (item.Error is { } error)
            {
                errors++;
                onError(error);
                continue;
            }
            batch.Add(item.Article!);
            if (batch.Count >= batchSize) Flush();
        }
        Flush();
        producer.GetAwaiter().GetResult();
        closer.GetAwaiter().GetResult();
        return Snapshot();
    }

    private Item Analyze(ReadResult r, CancellationToken ct)
    {
        if (r.Error is { } error) return new Item(null, error);
        var doc = r.Document!;
        try
        {
            (doc.Language == "lt" ? lithuanian : plain).Process(doc, ct);
            var article = StoredArticle.From(doc);
            // A file is known by its full path, so `samples` and `./samples` name the same articles.
            if (doc.Source.Url is null && File.Exists(doc.Source.Name)) article = article with { SourceId = Path.GetFullPath(doc.Source.Name) };
            return new Item(article, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Item(null, new ArticleError(doc.Source.Name, $"analysis failed: {e.Message}"));
        }
    }
}
