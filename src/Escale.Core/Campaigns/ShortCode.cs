using System.Security.Cryptography;

namespace Escale.Core.Campaigns;

/// <summary>
/// The code of a tracked link, read off a poster and typed on a phone: lowercase, without the characters people confuse
/// (0/o, 1/l/i). Seven characters from 31 give 27 billion codes: not guessable by trying a few.
/// </summary>
public static class ShortCode
{
    public const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    public const int Length = 7;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(code);
    }

    /// <summary>A typed code as stored: trimmed, lowercase; null when it cannot be one of ours (the lookup is then skipped).</summary>
    public static string? Normalize(string? typed)
    {
        var code = typed?.Trim().ToLowerInvariant();
        return code is { Length: Length } && code.All(Alphabet.Contains) ? code : null;
    }
}
