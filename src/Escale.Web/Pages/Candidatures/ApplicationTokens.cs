using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Escale.Web.Pages.Candidatures;

/// <summary>
/// The keys the application's e-mails carry. An invitation or a guardian's consent link holds a random token
/// (<see cref="Infrastructure.Security.LinkTokens"/>) whose SHA-256 only is stored, and cleared once used, so a link works once and a leaked table opens nothing. The consent's
/// withdrawal link must keep working after the consent (a guardian may change their mind at any time): it carries the
/// consent's id signed with the site's data-protection keys instead, so it needs no column and cannot be forged.
/// </summary>
public sealed class ApplicationTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _withdrawal = protection.CreateProtector("Escale.Calls.GuardianConsentWithdrawal");

    public string WithdrawalToken(int consentId) => _withdrawal.Protect(consentId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The consent a withdrawal token was made for, or null when it was not made here.</summary>
    public int? ConsentOf(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            return int.TryParse(_withdrawal.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
