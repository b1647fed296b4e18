using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Escale.Web.Infrastructure.Errors;

public static class ErrorHandlingExtensions
{
    /// <summary>Key of the French, user-facing explanation an error page shows after a re-execute.</summary>
    public const string DetailItemKey = "Escale.ErrorDetail";

    /// <summary>RFC 9457 problem details, which the API's error responses are written as.</summary>
    public static IServiceCollection AddEscaleErrorHandling(this IServiceCollection services) => services.AddProblemDetails();

    public static bool IsApiRequest(this HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// API requests get RFC 9457 problem details; everything else gets the site's own error pages.
    /// No stack trace reaches a visitor in any environment.
    /// </summary>
    public static IApplicationBuilder UseEscaleErrorHandling(this IApplicationBuilder app)
    {
        app.UseWhen(context => context.IsApiRequest(), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !context.IsApiRequest(), site =>
        {
            site.UseExceptionHandler("/erreur/500");
            site.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        return app;
    }

    /// <summary>Answers 400 with the site's error page carrying <paramref name="message"/> (French, for the visitor).</summary>
    public static IActionResult BadRequestPage(this PageModel page, string message)
    {
        page.HttpContext.Items[DetailItemKey] = message;
        return page.StatusCode(StatusCodes.Status400BadRequest);
    }
}
