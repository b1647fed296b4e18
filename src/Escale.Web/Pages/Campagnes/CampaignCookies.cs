using Escale.Core.Campaigns;

namespace Escale.Web.Pages.Campagnes;

/// <summary>The two first-party attribution cookies, read by the forms that record a contact and written by a campaign visit.</summary>
public static class CampaignCookies
{
    /// <summary>The last campaign that brought the visitor (<c>escale_campagne</c>), if the cookie holds a valid value.</summary>
    public static string? LastTouch(HttpRequest request) => Valid(request.Cookies[CampaignAttribution.LastTouchCookie]);

    /// <summary>The first campaign that brought the visitor (<c>escale_campagne_premiere</c>).</summary>
    public static string? FirstTouch(HttpRequest request) => Valid(request.Cookies[CampaignAttribution.FirstTouchCookie]);

    public static void Write(HttpContext context, string visit, DateTimeOffset now)
    {
        var (first, last) = CampaignAttribution.AfterVisit(context.Request.Cookies[CampaignAttribution.FirstTouchCookie], visit);
        // Secure follows the request, as the language cookie does: production is HTTPS only (UseEscaleTransportSecurity).
        var options = new CookieOptions
        {
            Expires = now + CampaignAttribution.CookieLifetime, HttpOnly = true, SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps, IsEssential = true, Path = "/",
        };
        context.Response.Cookies.Append(CampaignAttribution.FirstTouchCookie, first, options);
        context.Response.Cookies.Append(CampaignAttribution.LastTouchCookie, last, options);
    }

    private static string? Valid(string? value) => CampaignAttribution.Parse(value) is not null ? value!.Trim() : null;
}
