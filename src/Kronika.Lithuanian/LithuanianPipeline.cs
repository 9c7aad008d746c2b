using Kronika.Core.Model;
using Kronika.Core.Pipeline;
using Kronika.Lithuanian.Attribution;
using Kronika.Lithuanian.Entities;
using Kronika.Lithuanian.Events;
using Kronika.Lithuanian.Morphology;
using Kronika.Lithuanian.Quantities;
using Kronika.Lithuanian.References;
using Kronika.Lithuanian.Sentences;
using Kronika.Lithuanian.Syntax;
using Kronika.Lithuanian.Time;
using Kronika.Lithuanian.Tokenization;

namespace Kronika.Lithuanian;

/// <summary>The one place the Lithuanian steps are built and chained, in order.</summary>
public static class LithuanianPipeline
{
    public const string LexiconResource = "Models/lexicon.bin.gz";
    public const string MorphologyResource = "Models/morphology.bin.gz";
    public const string SyntaxResource = "Models/syntax.bin.gz";

    /// <param name="through">Stop after the step that provides these layers (and load no model a later step needs). The
    /// parser runs only when <see cref="Layers.Syntax"/> is asked for: no later step reads the tree yet, and it costs
    /// several times the rest of the pipeline (README, How syntax works), so ingest leaves it out.</param>
    /// <param name="morphology">A morphology model to use instead of the embedded one (to evaluate a freshly trained model).</param>
    /// <param name="syntax">A parser model to use instead of the embedded one.</param>
    public static Pipeline Create(Layers through = Layers.Events, MorphologyModel? morphology = null, DependencyModel? syntax = null)
    {
        // Every model and word list this pipeline needs loads in parallel (a command's start-up is mostly this); the
        // embedded models load once per process: they are immutable, and a host that answers queries with the tagger
        // and analyses articles with the whole pipeline holds one copy.
        var tagging = (through & ~(Layers.Tokens | Layers.Sentences)) != 0;
        var lexiconTask = tagging ? Task.Run(() => EmbeddedLexicon.Value) : null;
        var modelTask = tagging && morphology is null ? Task.Run(() => EmbeddedMorphology.Value) : null;
        // The entity step's knowledge base and word lists need no model: they load beside the models, so the step is
        // built as soon as the tagger's models are in.
        var entities = (through & ~(Layers.Tokens | Layers.Sentences | Layers.Morphology | Layers.Syntax)) != 0;
        var knowledgeBase = entities ? Task.Run(KnowledgeBase.Load) : null;
        var entityWords = entities ? Task.Run(EntityWords.Load) : null;
        var parserTask = (through & Layers.Syntax) != 0 && syntax is null ? Task.Run(() => EmbeddedSyntax.Value) : null;
        var later = (through & (Layers.References | Layers.Times | Layers.Quantities | Layers.Quotes | Layers.Attribution | Layers.Events)) != 0;
        var references = later ? Task.Run(ReferenceResolver.Load) : null;
        var times = later ? Task.Run(TimeNormalizer.Load) : null;
        var quantities = later ? Task.Run(QuantityRecognizer.Load) : null;
        var attribution = later ? Task.Run(AttributionFinder.Load) : null;
        var events = later ? Task.Run(EventExtractor.Load) : null;

        var abbreviations = Abbreviations.Load();
        var steps = new List<IPipelineStep>
        {
            new Tokenizer(abbreviations),
            new SentenceSplitter(abbreviations, SentenceSplitter.LoadSentenceStarters()),
        };
        if (Covered(steps, through)) return new Pipeline(steps);
        var model = morphology ?? modelTask!.Result;
        var lexicon = lexiconTask!.Result;
        steps.Add(new MorphologicalTagger(model, lexicon));
        if (Covered(steps, through)) return new Pipeline(steps);
        if ((through & Layers.Syntax) != 0) steps.Add(new DependencyParser(syntax ?? parserTask!.Result));
        if (Covered(steps, through)) return new Pipeline(steps);
        steps.Add(new EntityRecognizer(knowledgeBase!.Result, entityWords!.Result, model, lexicon));
        if (Covered(steps, through)) return new Pipeline(steps);
        steps.Add(references!.Result);
        steps.Add(times!.Result);
        if (Covered(steps, through)) return new Pipeline(steps);
        steps.Add(quantities!.Result);
        steps.Add(attribution!.Result);
        if (Covered(steps, through)) return new Pipeline(steps);
        steps.Add(events!.Result);
        return new Pipeline(steps);
    }

    private static bool Covered(List<IPipelineStep> steps, Layers through) =>
        (through & ~steps.Aggregate(Layers.None, (layers, step) => layers | step.Provides)) == Layers.None;

    private static readonly Lazy<Lexicon> EmbeddedLexicon = new(LoadLexicon);
    private static readonly Lazy<MorphologyModel> EmbeddedMorphology = new(LoadMorphology);
    private static readonly Lazy<DependencyModel> EmbeddedSyntax = new(LoadSyntax);

    public static Lexicon LoadLexicon()
    {
        using var stream = Resources.Open(LexiconResource);
        return Lexicon.Load(stream);
    }

    public static DependencyModel LoadSyntax()
    {
        using var stream = Resources.Open(SyntaxResource);
        return DependencyModel.Load(stream);
    }

    public static MorphologyModel LoadMorphology()
    {
        using var stream = Resources.Open(MorphologyResource);
        return MorphologyModel.Load(stream);
    }
}
