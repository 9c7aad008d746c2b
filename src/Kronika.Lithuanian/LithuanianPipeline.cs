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
        var abbreviations = Abbreviations.Load();
        var steps = new List<IPipelineStep>
        {
            new Tokenizer(abbreviations),
            new SentenceSplitter(abbreviations, SentenceSplitter.LoadSentenceStarters()),
        };
        if (Covered(steps, through)) return new Pipeline(steps);
        var model = morphology ?? LoadMorphology();
        var lexicon = LoadLexicon();
        steps.Add(new MorphologicalTagger(model, lexicon));
        if (Covered(steps, through)) return new Pipeline(steps);
        if ((through & Layers.Syntax) != 0) steps.Add(new DependencyParser(syntax ?? LoadSyntax()));
        if (Covered(steps, through)) return new Pipeline(steps);
        steps.Add(EntityRecognizer.Load(model, lexicon));
        if (Covered(steps, through)) return new Pipeline(steps);
        steps.Add(ReferenceResolver.Load());
        steps.Add(TimeNormalizer.Load());
        if (Covered(steps, through)) return new Pipeline(steps);
        steps.Add(QuantityRecognizer.Load());
        steps.Add(AttributionFinder.Load());
        if (Covered(steps, through)) return new Pipeline(steps);
        steps.Add(EventExtractor.Load());
        return new Pipeline(steps);
    }

    private static bool Covered(List<IPipelineStep> steps, Layers through) =>
        (through & ~steps.Aggregate(Layers.None, (layers, step) => layers | step.Provides)) == Layers.None;

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
