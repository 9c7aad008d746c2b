using Kronika.Core.Model;

namespace Kronika.Core.IO;

/// <summary>A readable rendering for people: one block per document, each sentence with its tokens.</summary>
public static class TextOutput
{
    public static void Write(TextWriter w, Document doc)
    {
        var date = doc.Date is { } d ? d.ToString("yyyy-MM-dd") : "no date";
        w.WriteLine($"# {doc.Source.Name} · {date} · {doc.Paragraphs.Count} paragraphs · {doc.SentenceCount} sentences · {doc.TokenCount} tokens");
        for (var s = 0; s < doc.SentenceCount; s++)
        {
            var sentence = doc.Sentence(s);
            w.WriteLine($"{s + 1,4}  {sentence.Text.ReplaceLineEndings(" ")}");
            w.Write("      ");
            var tokens = sentence.Tokens;
            for (var i = 0; i < tokens.TokenCount; i++)
            {
                if (i > 0) w.Write(" | ");
                var t = tokens[i];
                w.Write(t.Span);
                if (t.Lemma is { } lemma) w.Write($"/{lemma}");
                if (t.Upos != Upos.None) w.Write($"/{t.Upos}");
            }
            w.WriteLine();
            foreach (var e in doc.Entities)
                if (e.Start >= sentence.Start && e.Start < sentence.End)
                    w.WriteLine($"      {e.Type.ToLowerInvariant()}: {doc.Text[e.Start..e.End].ReplaceLineEndings(" ")} → {e.Canonical}{(e.Kb is null ? "" : " " + e.Kb)} #{e.Id}");
            foreach (var r in doc.References)
                if (r.Start >= sentence.Start && r.Start < sentence.End)
                    w.WriteLine($"      ref: {doc.Text[r.Start..r.End].ReplaceLineEndings(" ")} → {doc.Entities.First(e => e.Id == r.Entity).Canonical} #{r.Entity}");
            foreach (var t in doc.Times)
                if (t.Start >= sentence.Start && t.Start < sentence.End)
                    w.WriteLine($"      time: {doc.Text[t.Start..t.End].ReplaceLineEndings(" ")} → {t.Type} {t.Value}{(t.Mod is null ? "" : " " + t.Mod)}");
            foreach (var q in doc.Quantities)
                if (q.Start >= sentence.Start && q.Start < sentence.End)
                    w.WriteLine($"      quantity: {doc.Text[q.Start..q.End].ReplaceLineEndings(" ")} → {q.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(q.Unit is null ? "" : " " + q.Unit)}{(q.Approx is null ? "" : " " + q.Approx)}");
        }
        w.WriteLine();
    }
}
