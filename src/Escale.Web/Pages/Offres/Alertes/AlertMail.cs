using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Alerts;
using Escale.Core.Opportunities.Search;
using Escale.Web.Infrastructure.Email;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Escale.Web.Pages.Offres.Alertes;

/// <summary>
/// What the alert pages and the digest job share: the alerts' links (absolute, from <see cref="SiteLinks"/>, since the
/// job has no request), tokens, the French summary of a search, and the e-mails.
/// </summary>
public sealed class AlertMail(SiteLinks links)
{
    public string ConfirmLink(SearchAlert alert) => links.Absolute("/offres/alertes/confirmer/" + alert.ConfirmationToken);

    public string UnsubscribeLink(SearchAlert alert) => links.Absolute("/offres/alertes/desabonner/" + alert.UnsubscribeToken);

    public string FeedLink(string queryString) => links.Absolute("/offres/flux.rss" + (queryString.Length > 0 ? "?" + queryString : ""));

    public string SearchLink(string queryString) => links.Absolute("/offres" + (queryString.Length > 0 ? "?" + queryString : ""));

    /// <summary>256 random bits, URL-safe: a link that cannot be guessed is the only key to an alert.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The filters in French words, e.g. « Offres d’emploi · CDI · à 10 km de Figeac ».</summary>
    /// <summary>
    /// The search in words: in French as the alert stores it and its e-mails say it, or in the visitor's language
    /// through <paramref name="localizer"/> (the territory's labels — domains, occupations, places — exist in French only).
    /// </summary>
    public static string Describe(SearchQuery query, OpportunityQueryCatalog catalog, IStringLocalizer? localizer = null)
    {
        string Say(string french, params object[] values) =>
            localizer is null ? string.Format(CultureInfo.GetCultureInfo("fr-FR"), french, values) : localizer[french, values].Value;

        var parts = new List<string>
        {
            Say(OpportunityLabels.KindPlural(query.Kind)),
        };
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            parts.Add(Say("« {0} »", query.Text.Trim()));
        }
        if ((query.Domain ?? query.GrandDomain) is { } domain)
        {
            parts.Add(catalog.Domains.TryGetValue(domain, out var label) ? label : domain);
        }
        if (query.Rome is { } rome)
        {
            parts.Add(catalog.Occupations.TryGetValue(rome, out var label) ? $"{label} ({rome})" : rome);
        }
        if (query.Contract is { } contract)
        {
            parts.Add(Say(OpportunityLabels.Contract(contract)));
        }
        if (query.IntercommunalityId is { } epciId && catalog.IntercommunalitiesById.TryGetValue(epciId, out var epci))
        {
            parts.Add(epci.Name);
        }
        if (query.Centre is { } centre && catalog.CommuneAt(centre) is { } commune)
        {
            parts.Add(Say("à {0} km de {1}", query.RadiusKm ?? OpportunityQueryString.DefaultRadiusKm, commune.Name));
        }
        if (query.RemoteOnly)
        {
            var remote = Say("Télétravail possible"); // the form's label, in the middle of the sentence here
            parts.Add(char.ToLower(remote[0], CultureInfo.InvariantCulture) + remote[1..]);
        }
        if (query.SalaryAtLeast is { } salary)
        {
            parts.Add(Say("à partir de {0} € brut par an", salary.ToString("N0", localizer is null ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.CurrentCulture)));
        }
        if (query.PostedWithinDays is { } days)
        {
            parts.Add(days == 1 ? Say("publiées depuis hier") : Say("publiées depuis {0} jours", days));
        }
        var text = string.Join(" · ", parts);
        return text.Length <= SearchAlert.LabelMaxLength ? text : text[..(SearchAlert.LabelMaxLength - 1)] + "…";
    }

    public EmailMessage Confirmation(SearchAlert alert)
    {
        var confirm = ConfirmLink(alert);
        var text = $"""
            Bonjour,

            Vous avez demandé à recevoir par courriel les nouvelles offres de cette recherche :
            {alert.Label}

            Pour activer l’alerte, confirmez en ouvrant ce lien :
            {confirm}

            Rien ne vous sera envoyé sans cette confirmation ; une alerte non confirmée est effacée au bout de 7 jours.
            Vous pouvez aussi suivre cette recherche par flux RSS : {FeedLink(alert.QueryString)}

            — L’équipe Escale
            """;
        var h = HtmlEncoder.Default;
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><body>
            <p>Bonjour,</p>
            <p>Vous avez demandé à recevoir par courriel les nouvelles offres de cette recherche :<br><strong>{h.Encode(alert.Label)}</strong></p>
            <p><a href="{h.Encode(confirm)}">Confirmer l’alerte</a></p>
            <p>Rien ne vous sera envoyé sans cette confirmation ; une alerte non confirmée est effacée au bout de 7 jours.</p>
            <p>Vous pouvez aussi suivre cette recherche par <a href="{h.Encode(FeedLink(alert.QueryString))}">flux RSS</a>.</p>
            <p>— L’équipe Escale</p>
            </body></html>
            """;
        return new EmailMessage(alert.Email, null, "Confirmez votre alerte d’offres — Escale", text, html);
    }

    /// <summary>The daily list of new opportunities, with RFC 8058 one-click unsubscribe headers.</summary>
    public EmailMessage Digest(SearchAlert alert, IReadOnlyList<SearchRow> opportunities)
    {
        var unsubscribe = UnsubscribeLink(alert);
        var count = opportunities.Count == 1 ? "1 nouvelle offre" : $"{opportunities.Count.ToString(CultureInfo.InvariantCulture)} nouvelles offres";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Bonjour,\n\n{count} pour votre recherche « {alert.Label} » :\n\n");
        foreach (var opportunity in opportunities)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {opportunity.Title}{(opportunity.EmployerName is { } e ? " — " + e : "")} — {opportunity.CommuneName}\n  {OpportunityLink(opportunity)}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"\nToutes les offres de cette recherche : {SearchLink(alert.QueryString)}\n\nPour ne plus recevoir cette alerte : {unsubscribe}\n\n— L’équipe Escale\n");

        var h = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"fr\"><body>\n<p>Bonjour,</p>\n<p>{h.Encode(count)} pour votre recherche <strong>{h.Encode(alert.Label)}</strong> :</p>\n<ul>\n");
        foreach (var opportunity in opportunities)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{h.Encode(OpportunityLink(opportunity))}\">{h.Encode(opportunity.Title)}</a>{(opportunity.EmployerName is { } e ? " — " + h.Encode(e) : "")} — {h.Encode(opportunity.CommuneName)}</li>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"</ul>\n<p><a href=\"{h.Encode(SearchLink(alert.QueryString))}\">Toutes les offres de cette recherche</a></p>\n<p><a href=\"{h.Encode(unsubscribe)}\">Ne plus recevoir cette alerte</a></p>\n<p>— L’équipe Escale</p>\n</body></html>\n");

        return new EmailMessage(alert.Email, null, $"{count} — Escale", text.ToString(), html.ToString(), new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        });
    }

    private string OpportunityLink(SearchRow opportunity) => links.Opportunity(opportunity.Id, opportunity.Slug);
}
