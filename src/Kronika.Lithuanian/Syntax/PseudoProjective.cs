namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// Pseudo-projective parsing (Nivre and Nilsson 2005, the "head" encoding): the arc-eager parser builds only projective
/// trees, so training lifts each crossing arc to the head's head (<see cref="SyntaxTrainer.Projective"/>) and writes
/// into the lifted word's relation the (universal) relation of its real head: `obl^nsubj` is an `obl` whose head is a
/// `nsubj` somewhere below the word it hangs from. After parsing, such a word is put back under the nearest word with
/// that relation below its parsed head (breadth first, left to right, outside its own subtree), and its relation is
/// the plain one again.
/// </summary>
public static class PseudoProjective
{
    public const char Mark = '^';

    /// <summary>
    /// The relations of a tree whose heads were lifted from <paramref name="heads"/> to <paramref name="lifted"/> (the
    /// root is the sentence length; a word lifted up to the root keeps its relation, as the parser labels those `root`).
    /// </summary>
    public static string[] Encode(int[] heads, int[] lifted, string[] relations)
    {
        var result = (string[])relations.Clone();
        for (var d = 0; d < heads.Length; d++)
            if (lifted[d] != heads[d] && lifted[d] < heads.Length) result[d] = relations[d] + Mark + SyntaxScore.Universal(relations[heads[d]]);
        return result;
    }

    /// <summary>
    /// Puts each lifted word of a parsed sentence back under its real head, top down. <paramref name="heads"/>: each
    /// word's head, -1 for the root; <paramref name="labels"/>: label indices into <paramref name="names"/>, with
    /// <paramref name="plain"/> giving each label's plain label and <paramref name="wanted"/> the universal relation its
    /// real head has (null when not lifted).
    /// </summary>
    public static void Decode(Span<int> heads, Span<int> labels, string[] names, int[] plain, string?[] wanted)
    {
        var n = heads.Length;
        var lifted = false;
        for (var i = 0; i < n && !lifted; i++) lifted = wanted[labels[i]] is not null;
        if (!lifted) return;
        // Top down: a word's own head is settled before the word is moved.
        var order = new List<int>(n);
        for (var i = 0; i < n; i++) if (heads[i] < 0) order.Add(i);
        for (var k = 0; k < order.Count; k++)
            for (var i = 0; i < n; i++)
                if (heads[i] == order[k]) order.Add(i);
        var queue = new Queue<int>();
        foreach (var d in order)
        {
            var want = wanted[labels[d]];
            if (want is null) continue;
            labels[d] = plain[labels[d]];
            var head = heads[d];
            if (head < 0) continue;
            queue.Clear();
            for (var i = 0; i < n; i++)
                if (heads[i] == head && i != d) queue.Enqueue(i);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                if (SyntaxScore.Universal(names[plain[labels[x]]]) == want)
                {
                    heads[d] = x;
                    break;
                }
                for (var i = 0; i < n; i++)
                    if (heads[i] == x) queue.Enqueue(i);
            }
        }
    }
}
