using System.Buffers.Binary;
using System.Text;

namespace Kronika.Core.Learning;

/// <summary>
/// Reads a model file written with <see cref="BinaryWriter"/> (little-endian numbers, strings as a 7-bit encoded
/// UTF-8 byte count and the bytes) straight from the bytes in memory: a read is a few instructions on a span instead
/// of a call down a stream, and a model's numbers go into its arrays without any intermediate object. The file
/// format is the writer's, so any model saved before or trained later loads the same way.
/// </summary>
public sealed class ModelReader(byte[] bytes, int length)
{
    private int _at;

    public ModelReader(byte[] bytes) : this(bytes, bytes.Length) { }

    /// <summary>Where the next read starts (set it back to read a part twice: once to count, once to fill).</summary>
    public int Position
    {
        get => _at;
        set => _at = value is >= 0 && value <= length ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>A reader of the same bytes from <paramref name="position"/>.</summary>
    public ModelReader At(int position) => new(bytes, length) { Position = position };

    /// <summary>Bytes already read (or not), without moving.</summary>
    public ReadOnlySpan<byte> Bytes(int start, int count) => bytes.AsSpan(0, length).Slice(start, count);

    /// <summary>Skips bytes.</summary>
    public void Skip(int count) => Take(count);

    /// <summary>The next bytes, to read a block of numbers in one loop.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count) => Take(count);

    /// <summary>Skips <paramref name="count"/> records of <paramref name="strings"/> strings followed by
    /// <paramref name="fixedBytes"/> bytes each, in one tight loop (to index a table without reading its values).</summary>
    public void SkipRecords(int count, int strings, int fixedBytes)
    {
        var at = _at;
        for (var r = 0; r < count; r++)
        {
            for (var s = 0; s < strings; s++)
            {
                // A 7-bit encoded length: nearly always one byte.
                var size = 0;
                for (var shift = 0; ; shift += 7)
                {
                    if (at >= length || shift > 28) throw new InvalidDataException($"the model file ends early (in a string's length at offset {at} of {length})");
                    var b = bytes[at++];
                    size |= (b & 0x7F) << shift;
                    if (b < 0x80) break;
                }
                at += size;
            }
            at += fixedBytes;
            if (at > length) throw new InvalidDataException($"the model file ends early (wanted {at - length} more bytes)");
        }
        _at = at;
    }

    /// <summary>The bytes not yet read.</summary>
    public int Remaining => length - _at;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || count > length - _at) throw new InvalidDataException($"the model file ends early (wanted {count} bytes at offset {_at} of {length})");
        var span = bytes.AsSpan(_at, count);
        _at += count;
        return span;
    }

    public byte ReadByte() => Take(1)[0];

    public bool ReadBoolean() => Take(1)[0] != 0;

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public Half ReadHalf() => BinaryPrimitives.ReadHalfLittleEndian(Take(2));

    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>One character as <see cref="BinaryWriter.Write(char)"/> writes it (its UTF-8 bytes).</summary>
    public char ReadChar()
    {
        var first = bytes.AsSpan(_at, Math.Min(4, Remaining));
        var size = first.IsEmpty ? 1 : first[0] < 0x80 ? 1 : first[0] < 0xE0 ? 2 : first[0] < 0xF0 ? 3 : 4;
        Span<char> chars = stackalloc char[2];
        var n = Encoding.UTF8.GetChars(Take(size), chars);
        if (n != 1) throw new InvalidDataException($"the model file has a character that is not one UTF-16 unit at offset {_at - size}");
        return chars[0];
    }

    /// <summary>The length prefix of a string, as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it.</summary>
    public int Read7BitEncodedInt()
    {
        var result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = ReadByte();
            result |= (b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw new InvalidDataException($"the model file has a bad string length at offset {_at}");
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadStringBytes());

    /// <summary>A string's UTF-8 bytes, not decoded (to look it up before making a string of it).</summary>
    public ReadOnlySpan<byte> ReadStringBytes() => Take(Read7BitEncodedInt());
}
