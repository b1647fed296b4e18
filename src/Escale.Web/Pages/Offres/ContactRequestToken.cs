using System.Security.Cryptography;
using System.Text;

namespace Escale.Web.Pages.Offres;

/// <summary>The seller's link carries a random token; the database keeps only its hash, so a leaked table opens no request.</summary>
public static class ContactRequestToken
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>32 random bytes in base64url: 43 characters of [A-Za-z0-9_-].</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
