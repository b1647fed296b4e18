using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.DataProtection;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// The e-mail of new strong matches and its one-click opt-out. The opt-out link carries the case id signed with the
/// site's data-protection keys (already shared by every instance), so no token column is needed and none can be guessed.
/// </summary>
public sealed class MatchEmails(IDataProtectionProvider protection, SiteLinks links)
{
    public sealed record Item(string Title, string Link, string Place, IReadOnlyList<string> Reasons);

    private readonly IDataProtector _protector = protection.CreateProtector("Escale.MatchEmails.OptOut");

    public string OptOutToken(int caseId) => _protector.Protect(caseId.ToString(CultureInfo.InvariantCulture));

    public string OptOutLink(int caseId) => links.Absolute("/propositions/desabonner/" + OptOutToken(caseId));

    /// <summary>The case a token was made for, or null when it was not made here.</summary>
    public int? CaseOf(string token)
    {
        try
        {
            return int.TryParse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public EmailMessage NewMatches(string to, int caseId, IReadOnlyList<Item> items)
    {
        var optOut = OptOutLink(caseId);
        var space = links.Absolute("/mon-espace");
        var count = items.Count == 1 ? "Une nouvelle offre" : $"{items.Count.ToString(CultureInfo.InvariantCulture)} nouvelles offres";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Bonjour,\n\n{count} très proches de votre projet d’installation :\n\n");
        foreach (var item in items)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {item.Title} — {item.Place}\n  {string.Join(" · ", item.Reasons)}\n  {item.Link}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"\nToutes vos propositions : {space}\n\nPour ne plus recevoir ces courriels : {optOut}\n\n— L’équipe Escale\n");
        var h = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"fr\"><body>\n<p>Bonjour,</p>\n<p>{h.Encode(count)} très proches de votre projet d’installation :</p>\n<ul>\n");
        foreach (var item in items)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{h.Encode(item.Link)}\">{h.Encode(item.Title)}</a> — {h.Encode(item.Place)}<br>{h.Encode(string.Join(" · ", item.Reasons))}</li>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"</ul>\n<p><a href=\"{h.Encode(space)}\">Toutes vos propositions</a></p>\n<p><a href=\"{h.Encode(optOut)}\">Ne plus recevoir ces courriels</a></p>\n<p>— L’équipe Escale</p>\n</body></html>\n");
        return new EmailMessage(to, null, $"{count} pour votre projet — Escale", text.ToString(), html.ToString(), new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{optOut}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });
    }
}
