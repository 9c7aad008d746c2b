using System.Collections.Concurrent;

namespace Kronika.Core.Model;

// The UD features the steps read, as small enums: the one way every step reads a token's features.
public enum Case : byte { None, Nom, Gen, Dat, Acc, Ins, Loc, Voc, Ill }
public enum Gender : byte { None, Masc, Fem, Neut, Com }
public enum Number : byte { None, Sing, Plur, Dual }
public enum VerbForm : byte { None, Fin, Inf, Part, Conv, Ger }
public enum Tense : byte { None, Pres, Past, Fut }
public enum Mood : byte { None, Ind, Cnd, Imp, Nec }
public enum Voice : byte { None, Act, Pass }
public enum Person : byte { None, First, Second, Third }
public enum Degree : byte { None, Pos, Cmp, Sup }
public enum PronType : byte { None, Prs, Dem, Ind, Int, IntRel, Neg, Tot, Emp }

/// <summary>
/// A token's UD features, parsed once from the FEATS string when the tagger sets it (<see cref="TokenData.Morph"/>,
/// <see cref="Token.Morph"/>). Steps read these fields; none parses FEATS strings itself.
/// </summary>
public readonly record struct Morph(
    Case Case, Gender Gender, Number Number, VerbForm VerbForm, Tense Tense, Mood Mood, Voice Voice,
    Person Person, Degree Degree, PronType PronType, bool Negative, bool Definite, bool Reflexive)
{
    public bool IsFinite => VerbForm == VerbForm.Fin;
    public bool IsPlural => Number == Number.Plur;

    // A tagger uses a few thousand distinct FEATS strings: each is parsed once per process.
    private static readonly ConcurrentDictionary<string, Morph> Parsed = new(StringComparer.Ordinal);

    /// <summary>The features of a UD FEATS string (`Case=Gen|Gender=Masc|Number=Sing`); `_`, empty or null give none.</summary>
    public static Morph Parse(string? feats) =>
        string.IsNullOrEmpty(feats) || feats == "_" ? default : Parsed.GetOrAdd(feats, ParseNew);

    private static Morph ParseNew(string feats)
    {
        Case @case = default; Gender gender = default; Number number = default; VerbForm verbForm = default;
        Tense tense = default; Mood mood = default; Voice voice = default; Person person = default;
        Degree degree = default; PronType pronType = default;
        bool negative = false, definite = false, reflexive = false;
        foreach (var pair in feats.Split('|'))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) continue;
            var value = pair[(eq + 1)..];
            switch (pair[..eq])
            {
                case "Case": @case = Enum.TryParse<Case>(value, out var c) ? c : default; break;
                case "Gender": gender = Enum.TryParse<Gender>(value, out var g) ? g : default; break;
                case "Number": number = Enum.TryParse<Number>(value, out var n) ? n : default; break;
                case "VerbForm": verbForm = Enum.TryParse<VerbForm>(value, out var v) ? v : default; break;
                case "Tense": tense = Enum.TryParse<Tense>(value, out var t) ? t : default; break;
                case "Mood": mood = Enum.TryParse<Mood>(value, out var m) ? m : default; break;
                case "Voice": voice = Enum.TryParse<Voice>(value, out var vo) ? vo : default; break;
                case "Degree": degree = Enum.TryParse<Degree>(value, out var d) ? d : default; break;
                case "Person": person = value switch { "1" => Person.First, "2" => Person.Second, "3" => Person.Third, _ => default }; break;
                case "PronType": pronType = value == "Int,Rel" ? PronType.IntRel : Enum.TryParse<PronType>(value, out var p) ? p : default; break;
                case "Polarity": negative = value == "Neg"; break;
                case "Definite": definite = value == "Def"; break;
                case "Reflex": reflexive = value == "Yes"; break;
            }
        }
        return new Morph(@case, gender, number, verbForm, tense, mood, voice, person, degree, pronType, negative, definite, reflexive);
    }
}
