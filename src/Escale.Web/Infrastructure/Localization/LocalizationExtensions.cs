using System.Globalization;
using Escale.Web.Infrastructure.Links;
using Microsoft.AspNetCore.Localization;

namespace Escale.Web.Infrastructure.Localization;

public static class LocalizationExtensions
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static IServiceCollection AddEscaleLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            CultureInfo[] cultures = [French, English];
            options.DefaultRequestCulture = new RequestCulture(French);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // French first: the language changes only when the visitor asks for it (cookie), never from the browser's header.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>GET /langue/{code}?retour=/path : remembers the choice and goes back to the same page.</summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/langue/{code:regex(^(fr|en)$)}", (string code, string? retour, HttpContext context) =>
        {
            var culture = code == "en" ? English : French;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            return Results.LocalRedirect(ReturnPath.Or(retour));
        }).ExcludeFromDescription();
        return endpoints;
    }
}
