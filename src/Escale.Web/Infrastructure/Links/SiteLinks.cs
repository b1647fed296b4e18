using System.Globalization;
using Escale.Core.Content;
using Microsoft.AspNetCore.WebUtilities;

namespace Escale.Web.Infrastructure.Links;

/// <summary>
/// Every address of the site that more than one place writes: the relative path of an opportunity, a content item,
/// a commune or an intercommunality (for the pages' own links), and absolute URLs for whatever leaves the site —
/// e-mails, feeds, the sitemap, the API, canonical links, JSON-LD, Open Graph. Absolute URLs always start with
/// <c>Site:BaseUrl</c>, never with the request's <c>Host</c> header: a client chooses that header, and a password
/// reset asked with <c>Host: evil.example</c> would otherwise mail its token to evil.example.
/// </summary>
public sealed class SiteLinks
{
    public SiteLinks(SiteSettings settings)
    {
        BaseUrl = settings.BaseUrl.TrimEnd('/');
        Host = new Uri(BaseUrl).Host;
    }

    /// <summary>The public address of the site, without a trailing slash, e.g. <c>https://escale.example</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The site's host name, e.g. for the domain part of iCalendar UIDs.</summary>
    public string Host { get; }

    /// <summary>The absolute URL of a path of the site (which starts with "/", and may carry a query string).</summary>
    public string Absolute(string path) =>
        path.StartsWith('/') ? BaseUrl + path : throw new ArgumentException($"A site path starts with '/': {path}", nameof(path));

    public static string OpportunityPath(int id, string slug) => $"/offres/{id.ToString(CultureInfo.InvariantCulture)}/{slug}";

    public string Opportunity(int id, string slug) => Absolute(OpportunityPath(id, slug));

    /// <summary>Stories and news live under /recits, events under /evenements, quality-of-life pages under /vivre-ici.</summary>
    public static string ContentPath(ContentType type, string slug) => type switch
    {
        ContentType.Event => "/evenements/" + slug,
        ContentType.QualityOfLife => "/vivre-ici/" + slug,
        _ => "/recits/" + slug,
    };

    public string Content(ContentType type, string slug) => Absolute(ContentPath(type, slug));

    public static string CommunePath(string inseeCode, string slug) => $"/communes/{inseeCode}/{slug}";

    public string Commune(string inseeCode, string slug) => Absolute(CommunePath(inseeCode, slug));

    public static string IntercommunalityPath(string slug) => "/intercommunalites/" + slug;

    public string Intercommunality(string slug) => Absolute(IntercommunalityPath(slug));

    /// <summary>A published call for projects or contest; its laureates under /laureats.</summary>
    public static string CallPath(string slug) => "/appels/" + slug;

    public string Call(string slug) => Absolute(CallPath(slug));

    /// <summary>A laureate's project page, published by its team (in the « projets de jeunes » showcase for youth calls).</summary>
    public static string YouthProjectPath(string slug) => "/projets-de-jeunes/" + slug;

    public string AccountConfirmation(string userId, string code) =>
        Absolute(QueryHelpers.AddQueryString("/compte/confirmer", new Dictionary<string, string?> { ["userId"] = userId, ["code"] = code }));

    public string PasswordReset(string userId, string code) =>
        Absolute(QueryHelpers.AddQueryString("/compte/reinitialiser-mot-de-passe", new Dictionary<string, string?> { ["userId"] = userId, ["code"] = code }));

    public string ForgottenPassword() => Absolute("/compte/mot-de-passe-oublie");

    public string PartnerSpace() => Absolute("/espace-partenaire");

    public string PartnerOpportunity(int id) => Absolute("/espace-partenaire/offres/" + id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Where the seller of a business answers a buyer's contact request.</summary>
    public string TakeoverDecision(string token) => Absolute("/offres/reprise/demande/" + token);

    /// <summary>The newcomer's own space: where a household follows its case and answers its referent.</summary>
    public string NewcomerSpace() => Absolute("/mon-espace");

    public static string CaseFilePath(int id) => "/admin/dossiers/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A case file in the referents' back office.</summary>
    public string CaseFile(int id) => Absolute(CaseFilePath(id));

    public string Caseload() => Absolute("/admin/dossiers");

    /// <summary>Where a partner reads a referral: only what the household agreed to share.</summary>
    public string PartnerReferral(int id) => Absolute("/espace-partenaire/orientations/" + id.ToString(CultureInfo.InvariantCulture));
}
