using Lingua;
using LinguaDetector = Lingua.LanguageDetector;

namespace Kronika.Ingest;

/// <summary>
/// Tells the language of an article (ISO 639-1, lowercase: `lt`, `en`, `ru`…) so that only Lithuanian text goes
/// through the Lithuanian pipeline. Built once; safe to share across threads.
/// </summary>
public sealed class LanguageDetector
{
    /// <summary>The language assumed when the text is too short to tell, or Lingua cannot decide: the corpus is Lithuanian.</summary>
    public const string Default = "lt";

    /// <summary>Below this many letters no detector is reliable (a headline, a name), so the text keeps the default.</summary>
    public const int MinLetters = 20;

    /// <summary>
    /// The opening of an article says its language as well as the whole does; detecting on a prefix keeps the cost
    /// flat for long articles (Lingua takes a few milliseconds per thousand characters).
    /// </summary>
    private const int SampleChars = 1000;

    // Languages of the Lithuanian media landscape: the national language, its neighbours' and the big foreign ones
    // that agencies quote. A small set keeps memory low and avoids confusions with languages that never occur.
    private static readonly Language[] Candidates =
    [
        Language.Lithuanian, Language.English, Language.Russian, Language.Polish,
        Language.Latvian, Language.German, Language.Ukrainian, Language.French,
    ];

    private static readonly Lazy<LanguageDetector> Instance = new(() => new LanguageDetector());

    private readonly LinguaDetector _detector;

    /// <summary>The detector shared by the readers; built on first use.</summary>
    public static LanguageDetector Shared => Instance.Value;

    public LanguageDetector()
    {
        // Low-accuracy mode loads only the trigram models (~13 MB for these eight languages instead of ~280 MB for
        // all n-gram sizes) and is as accurate on texts longer than ~120 characters, which articles are.
        _detector = LanguageDetectorBuilder.FromLanguages(Candidates)
            .WithLowAccuracyMode()
            .WithLanguageModelsDirectory(FindModels())
            .Build();
    }

    /// <summary>The ISO 639-1 code of the text's language; <see cref="Default"/> for short or undecidable text.</summary>
    public string Detect(string text)
    {
        var sample = text.Length <= SampleChars ? text : text[..SampleChars];
        var letters = 0;
        foreach (var c in sample)
            if (char.IsLetter(c) && ++letters >= MinLetters) break;
        if (letters < MinLetters) return Default;
        if (IsPlainlyLithuanian(sample)) return "lt";
        var language = _detector.DetectLanguageOf(sample);
        return language == Language.Unknown ? Default : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    /// <summary>
    /// Among the candidate languages only Lithuanian writes ė, į and ų, and in Lithuanian prose one word in five or
    /// six has one (16–28% in samples/). When at least one word in ten does, the text is Lithuanian without asking
    /// Lingua, which would cost more than the whole Lithuanian pipeline spends on a typical article; an English or
    /// Russian text quoting Lithuanian names stays far below that share and goes to Lingua.
    /// </summary>
    private static bool IsPlainlyLithuanian(string text)
    {
        int words = 0, marked = 0;
        var inWord = false;
        var hasMark = false;
        foreach (var c in text + " ")
        {
            if (char.IsLetter(c))
            {
                inWord = true;
                hasMark |= c is 'ė' or 'į' or 'ų' or 'Ė' or 'Į' or 'Ų';
                continue;
            }
            if (!inWord) continue;
            words++;
            if (hasMark) marked++;
            inWord = hasMark = false;
        }
        return marked * 10 >= words;
    }

    /// <summary>
    /// Lingua's package copies its models to `Lingua/LanguageModels` in the build output of the application; look there,
    /// then beside this assembly (a host whose base directory is elsewhere), and fail clearly rather than per article.
    /// </summary>
    private static string FindModels()
    {
        string[] places =
        [
            Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels"),
            Path.Combine(Path.GetDirectoryName(typeof(LanguageDetector).Assembly.Location) ?? "", "Lingua", "LanguageModels"),
        ];
        foreach (var place in places)
            if (File.Exists(Path.Combine(place, "lt", "trigrams.json.br"))) return place;
        throw new InvalidOperationException(
            $"language models not found (looked in {string.Join(" and ", places)}); the SearchPioneer.Lingua package copies them at build time");
    }
}
