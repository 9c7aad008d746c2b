namespace Kronika.Lithuanian.Syntax;

/// <summary>
/// The arc-eager transition system (Nivre 2003) with the root at the end of the buffer (Ballesteros and Nivre 2013):
/// SHIFT, REDUCE, LEFT-ARC with a label (the buffer front heads the stack top, which is popped) and RIGHT-ARC with a
/// label (the stack top heads the buffer front, which is pushed). Actions are numbered 0 = SHIFT, 1 = REDUCE,
/// 2 + 2·label = LEFT, 3 + 2·label = RIGHT. A word still without a head when only the root is left is attached to the
/// root; the costs follow Goldberg and Nivre's (2012) dynamic oracle.
/// </summary>
public sealed class ArcEager
{
    public const int Shift = 0, Reduce = 1;

    public static int Left(int label) => 2 + 2 * label;
    public static int Right(int label) => 3 + 2 * label;
    public static int LabelOf(int action) => (action - 2) >> 1;
    public static bool IsLeft(int action) => action >= 2 && (action & 1) == 0;
    public static bool IsRight(int action) => action >= 2 && (action & 1) == 1;

    private readonly int[] _stack;

    public ArcEager(int n)
    {
        Length = n;
        _stack = new int[n + 1];
        Heads = new int[n];
        Labels = new int[n];
        LeftChild = new int[n + 1];
        LeftChild2 = new int[n + 1];
        RightChild = new int[n + 1];
        RightChild2 = new int[n + 1];
        LeftCount = new int[n + 1];
        RightCount = new int[n + 1];
        LeftLabels = new ulong[n + 1];
        RightLabels = new ulong[n + 1];
        Reset(n);
    }

    /// <summary>The number of words; the root is word <see cref="Length"/>.</summary>
    public int Length { get; private set; }

    /// <summary>Each word's head (<see cref="Length"/> for the root, -1 none yet).</summary>
    public int[] Heads { get; }
    public int[] Labels { get; }
    public int[] LeftChild { get; }
    public int[] LeftChild2 { get; }
    public int[] RightChild { get; }
    public int[] RightChild2 { get; }
    public int[] LeftCount { get; }
    public int[] RightCount { get; }
    public ulong[] LeftLabels { get; }
    public ulong[] RightLabels { get; }

    public int StackCount { get; private set; }

    /// <summary>The buffer front (<see cref="Length"/> when only the root is left).</summary>
    public int Buffer { get; private set; }

    /// <summary>The i-th word from the stack top, or -1.</summary>
    public int Stack(int i) => i < StackCount ? _stack[StackCount - 1 - i] : -1;

    public bool Done => Buffer == Length && StackCount == 0;

    public void Reset(int n)
    {
        Length = n;
        StackCount = 0;
        Buffer = 0;
        Array.Fill(Heads, -1, 0, n);
        Array.Fill(LeftChild, -1, 0, n + 1);
        Array.Fill(LeftChild2, -1, 0, n + 1);
        Array.Fill(RightChild, -1, 0, n + 1);
        Array.Fill(RightChild2, -1, 0, n + 1);
        Array.Clear(LeftCount, 0, n + 1);
        Array.Clear(RightCount, 0, n + 1);
        Array.Clear(LeftLabels, 0, n + 1);
        Array.Clear(RightLabels, 0, n + 1);
    }

    /// <summary>Makes this state a copy of <paramref name="other"/> (for a beam; this one must be at least as long).</summary>
    public void CopyFrom(ArcEager other)
    {
        var n = other.Length;
        Length = n;
        StackCount = other.StackCount;
        Buffer = other.Buffer;
        Array.Copy(other._stack, _stack, other.StackCount);
        Array.Copy(other.Heads, Heads, n);
        Array.Copy(other.Labels, Labels, n);
        Array.Copy(other.LeftChild, LeftChild, n + 1);
        Array.Copy(other.LeftChild2, LeftChild2, n + 1);
        Array.Copy(other.RightChild, RightChild, n + 1);
        Array.Copy(other.RightChild2, RightChild2, n + 1);
        Array.Copy(other.LeftCount, LeftCount, n + 1);
        Array.Copy(other.RightCount, RightCount, n + 1);
        Array.Copy(other.LeftLabels, LeftLabels, n + 1);
        Array.Copy(other.RightLabels, RightLabels, n + 1);
    }

    /// <summary>
    /// The one action allowed when only the root is left (attach the stack top to it, or pop it), or -1 when the
    /// model must choose.
    /// </summary>
    public int Forced(int rootLabel)
    {
        if (Buffer < Length) return StackCount == 0 ? Shift : -1;
        return Heads[_stack[StackCount - 1]] < 0 ? Left(rootLabel) : Reduce;
    }

    public bool IsLegal(int action, int rootLabel)
    {
        if (Buffer == Length) return action == Forced(rootLabel);
        if (action == Shift) return true;
        if (StackCount == 0) return false;
        var s0 = _stack[StackCount - 1];
        if (action == Reduce) return Heads[s0] >= 0;
        if (LabelOf(action) == rootLabel) return false;
        return IsLeft(action) ? Heads[s0] < 0 : true;
    }

    public void Apply(int action)
    {
        if (action == Shift)
        {
            _stack[StackCount++] = Buffer++;
            return;
        }
        var s0 = _stack[StackCount - 1];
        if (action == Reduce)
        {
            StackCount--;
            return;
        }
        var label = LabelOf(action);
        if (IsLeft(action))
        {
            AddArc(Buffer, s0, label);
            StackCount--;
        }
        else
        {
            AddArc(s0, Buffer, label);
            _stack[StackCount++] = Buffer++;
        }
    }

    private void AddArc(int head, int dependent, int label)
    {
        Heads[dependent] = head;
        Labels[dependent] = label;
        if (dependent < head)
        {
            LeftCount[head]++;
            LeftLabels[head] |= 1UL << (label & 63);
            if (LeftChild[head] < 0 || dependent < LeftChild[head]) (LeftChild2[head], LeftChild[head]) = (LeftChild[head], dependent);
            else if (LeftChild2[head] < 0 || dependent < LeftChild2[head]) LeftChild2[head] = dependent;
        }
        else
        {
            RightCount[head]++;
            RightLabels[head] |= 1UL << (label & 63);
            if (dependent > RightChild[head]) (RightChild2[head], RightChild[head]) = (RightChild[head], dependent);
            else if (dependent > RightChild2[head]) RightChild2[head] = dependent;
        }
    }

    /// <summary>
    /// How many gold arcs become unreachable by taking the unlabeled action (SHIFT, REDUCE, LEFT or RIGHT with any
    /// label), for a projective gold tree: Goldberg and Nivre's arc-eager costs.
    /// </summary>
    public int Cost(int action, int[] goldHeads)
    {
        var b = Buffer;
        var n = Length;
        if (action == Shift)
        {
            var cost = 0;
            for (var i = 0; i < StackCount; i++)
            {
                var k = _stack[i];
                if (goldHeads[b] == k) cost++;
                if (goldHeads[k] == b && Heads[k] < 0) cost++;
            }
            return cost;
        }
        var s0 = _stack[StackCount - 1];
        if (action == Reduce)
        {
            var cost = 0;
            for (var k = b; k < n; k++)
                if (goldHeads[k] == s0) cost++;
            return cost;
        }
        if (IsLeft(action))
        {
            var cost = goldHeads[s0] > b ? 1 : 0; // its head further in the buffer, or the root
            for (var k = b; k < n; k++)
                if (goldHeads[k] == s0) cost++;
            return cost;
        }
        {
            var cost = 0;
            var h = goldHeads[b];
            if (h > b) cost++;
            for (var i = 0; i < StackCount; i++)
            {
                var k = _stack[i];
                if (k != s0 && h == k) cost++;
                if (goldHeads[k] == b && Heads[k] < 0) cost++;
            }
            return cost;
        }
    }
}
