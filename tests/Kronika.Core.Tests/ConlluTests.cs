using Kronika.Core.Evaluation;
using Kronika.Core.IO;
using Kronika.Core.Model;

namespace Kronika.Core.Tests;

public class ConlluTests
{
    private const string Sample = """
        # newdoc id = d1
        # sent_id = s1
        # text = Kainos kilo 3,5 proc.
        1	Kainos	kaina	NOUN	dkt.mot.dgs.V.	Case=Nom|Gender=Fem|Number=Plur	2	nsubj	2:nsubj	_
        2	kilo	kilti	VERB	vksm.asm.tiesiog.būt-k.3.	Mood=Ind|Tense=Past	0	root	0:root	_
        3	3,5	3,5	NUM	sktv.arab.	NumForm=Digit	4	nummod	4:nummod	_
        4	proc	proc.	NOUN	sutr.	Abbr=Yes	2	obl	2:obl	SpaceAfter=No
        5	.	.	PUNCT	skyr.	_	2	punct	2:punct	_

        # sent_id = s2
        # text = Tai daug.
        1	Tai	tas	DET	įv.bev.	_	2	nsubj	2:nsubj	_
        2	daug	daug	ADV	prv.	_	0	root	0:root	SpaceAfter=No
        3	.	.	PUNCT	skyr.	_	2	punct	2:punct	_

        # newdoc id = d2
        # text = Labas!
        1	Labas	labas	INTJ	jst.	_	0	root	0:root	SpaceAfter=No
        2	!	!	PUNCT	skyr.	_	1	punct	1:punct	_

        """;

    [Fact]
    public void Conllu_ReadsDocumentsSentencesAndColumns()
    {
        var docs = Conllu.ReadDocuments(new StringReader(Sample));
        Assert.Equal(2, docs.Count);
        Assert.Equal("d1", docs[0].Id);
        Assert.Equal(2, docs[0].Sentences.Count);
        var proc = docs[0].Sentences[0].Words[3];
        Assert.Equal(("proc", "proc.", "NOUN", "sutr."), (proc.Form, proc.Lemma, proc.Upos, proc.Xpos));
        Assert.False(proc.SpaceAfter);
        Assert.Equal("Kainos kilo 3,5 proc. Tai daug.", docs[0].RawText());
    }

    [Fact]
    public void Conllu_DocumentKeepsGivenTokensAndSentencesWithOffsets()
    {
        var doc = Conllu.ReadDocuments(new StringReader(Sample))[0].ToDocument();
        Assert.Equal(Layers.Tokens | Layers.Sentences, doc.Layers);
        Assert.Equal(8, doc.TokenCount);
        Assert.Equal(2, doc.SentenceCount);
        foreach (var t in doc.Tokens()) Assert.Equal(t.Text, doc.Text[t.Start..t.End]);
        Assert.Equal("Tai daug.", doc.Sentence(1).Text);
    }

    [Fact]
    public void Conllu_WriterOutputReadsBackToTheSameTokens()
    {
        var doc = Conllu.ReadDocuments(new StringReader(Sample))[0].ToDocument(new DateOnly(2025, 8, 13));
        doc.TokenAt(0).Lemma = doc.Vocabulary.Intern("kaina");
        doc.TokenAt(0).Upos = Upos.NOUN;
        var written = new StringWriter();
        Conllu.Write(written, doc, "d1");

        var back = Conllu.ReadDocuments(new StringReader(written.ToString()));
        var words = back.Single().Sentences.SelectMany(s => s.Words).ToList();
        Assert.Equal(doc.Tokens().Select(t => t.Text), words.Select(w => w.Form));
        Assert.Equal(("kaina", "NOUN"), (words[0].Lemma, words[0].Upos));
        Assert.Equal("_", words[1].Lemma);
        Assert.False(words[3].SpaceAfter);
        Assert.Equal(doc.Text, back[0].RawText());
    }

    [Fact]
    public void Conllu_RejectsLinesWithoutTenColumns()
    {
        var error = Assert.Throws<FormatException>(() => Conllu.ReadSentences(new StringReader("1\tLabas\tlabas\n")));
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void Evaluator_ScoresTokensAndSentencesByCharacterSpans()
    {
        var gold = Conllu.ReadDocuments(new StringReader(Sample))[0];
        // The system splits "3,5" in two and misses the sentence boundary.
        var system = new Document(gold.RawText());
        var text = system.Text;
        int[][] spans = [[0, 6], [7, 4], [12, 1], [13, 2], [16, 4], [20, 1], [22, 3], [26, 4], [30, 1]];
        foreach (var s in spans) system.AddToken(s[0], s[1], TokenKind.Word);
        system.AddSentence(0, system.TokenCount);
        Assert.Equal("3", text.Substring(12, 1));

        var evaluator = new ConlluEvaluator();
        evaluator.Add(gold, system);
        var results = evaluator.Results().ToDictionary(m => m.Name);
        Assert.Equal((7, 9, 8), (results["Tokens"].Correct, results["Tokens"].SystemCount, results["Tokens"].GoldCount));
        Assert.Equal((0, 1, 2), (results["Sentences"].Correct, results["Sentences"].SystemCount, results["Sentences"].GoldCount));
        Assert.Equal(2.0 * 7 / 17, results["Tokens"].F1, 6);
    }
}
