using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Escale.Web.Infrastructure.Security;

/// <summary>
/// The random tokens e-mailed links carry (a seller's contact request, a team invitation, a guardian's consent): the
/// database keeps only their SHA-256, so a leaked table opens nothing.
/// </summary>
public static class LinkTokens
{
    /// <summary>32 random bytes in base64url: 43 characters of [A-Za-z0-9_-].</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
