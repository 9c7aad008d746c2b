using System.Diagnostics;
using System.Threading.Channels;
using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Store;

namespace Kronika.Ingest;

/// <summary>Counts of an ingest so far.</summary>
/// <param name="WriteSeconds">How long the writer spent in the store (the rest of its time it waited for analysis).</param>
/// <param name="WaitSeconds">Of <paramref name="WriteSeconds"/>, how long it waited for other writers' batches (<see cref="IStore.LockWaitSeconds"/>).</param>
public sealed record IngestProgress(int Read, int Inserted, int Updated, int Unchanged, int Copies, int Errors, double Seconds, double WriteSeconds = 0, double WaitSeconds = 0)
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
    private sealed record Item(StoredArticle? Article, ArticleError? Error, bool Known = false);

    /// <summary>
    /// Ingests <paramref name="inputs"/>. An article the store already holds with the same content (same source, same
    /// content hash) is counted unchanged before any analysis. If the store fails (a full disk, a lost connection),
    /// the run stops and throws <see cref="StoreFailedException"/> with the counts of what was committed.
    /// </summary>
    public IngestProgress Run(IEnumerable<ReadResult> inputs, Action<ArticleError> onError, Action<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var read = Channel.CreateBounded<(ReadResult Read, bool Known)>(256);
        var analyzed = Channel.CreateBounded<Item>(512);
        // The store is one connection, not shared between threads: the producer's look-ups and the writer take turns.
        var storeLock = new object();
        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var r in inputs)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    var known = false;
                    if (r.Document is { } doc)
                        lock (storeLock) known = StoreCall(() => store.Holds(StoredArticle.IdOf(doc), StoredArticle.ContentHash(doc)));
                    await read.Writer.WriteAsync((r, known), stop.Token);
                }
            }
            finally
            {
                read.Writer.Complete();
            }
        }, stop.Token);
        var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(async () =>
        {
            await foreach (var (r, known) in read.Reader.ReadAllAsync(stop.Token))
                await analyzed.Writer.WriteAsync(known ? new Item(null, null, Known: true) : Analyze(r, stop.Token), stop.Token);
        }, stop.Token)).ToArray();
        var closer = Task.WhenAll(workers).ContinueWith(_ => analyzed.Writer.Complete(), TaskScheduler.Default);

        int readCount = 0, inserted = 0, updated = 0, unchanged = 0, copies = 0, errors = 0;
        var batch = new List<StoredArticle>(batchSize);
        var writing = new Stopwatch();
        IngestProgress Snapshot() => new(readCount, inserted, updated, unchanged, copies, errors, clock.Elapsed.TotalSeconds, writing.Elapsed.TotalSeconds, store.LockWaitSeconds);
        void Flush()
        {
            if (batch.Count == 0) return;
            writing.Start();
            IReadOnlyList<WriteOutcome> outcomes;
            lock (storeLock) outcomes = StoreCall(() => store.Write(batch));
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

        try
        {
            foreach (var item in analyzed.Reader.ReadAllAsync(stop.Token).ToBlockingEnumerable(stop.Token))
            {
                readCount++;
                if (item.Error is { } error)
                {
                    errors++;
                    onError(error);
                    continue;
                }
                if (item.Known)
                {
                    unchanged++;
                    continue;
                }
                batch.Add(item.Article!);
                if (batch.Count >= batchSize) Flush();
            }
            Flush();
            producer.GetAwaiter().GetResult();
            closer.GetAwaiter().GetResult();
        }
        catch (StoreFailedException e)
        {
            // Stop reading and analyzing, wait for the tasks to end, and report what was committed.
            stop.Cancel();
            Quietly(producer, closer);
            throw new StoreFailedException(e.InnerException!, Snapshot() with { Read = readCount - batch.Count });
        }
        catch (OperationCanceledException)
        {
            stop.Cancel();
            Quietly(producer, closer);
            throw;
        }
        return Snapshot();
    }

    private static void Quietly(params Task[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
        }
    }

    /// <summary>A call to the store; its failure (other than being cancelled) is a <see cref="StoreFailedException"/>.</summary>
    private static T StoreCall<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new StoreFailedException(e, null);
        }
    }

    private Item Analyze(ReadResult r, CancellationToken ct)
    {
        if (r.Error is { } error) return new Item(null, error);
        var doc = r.Document!;
        try
        {
            (doc.Language == "lt" ? lithuanian : plain).Process(doc, ct);
            return new Item(Analysis.Store(doc), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new Item(null, new ArticleError(doc.Source.Name, $"analysis failed: {e.Message.ReplaceLineEndings(" ")}"));
        }
    }
}

/// <summary>
/// The store failed during an ingest (a full disk, a lost database connection): <see cref="Committed"/> counts what
/// is in the store from this run (every batch before the failed one); the failed batch was rolled back.
/// </summary>
public sealed class StoreFailedException(Exception inner, IngestProgress? committed)
    : Exception(inner.Message.ReplaceLineEndings(" "), inner)
{
    public IngestProgress? Committed { get; } = committed;
}
