namespace Escale.Web.Pages.Campagnes;

public static class CampaignsServiceCollectionExtensions
{
    /// <summary>The image campaign: visit recording for tracked links and UTM parameters.</summary>
    public static IServiceCollection AddEscaleCampaigns(this IServiceCollection services) =>
        services.AddScoped<CampaignTracker>();

    /// <summary>
    /// Counts a visit to any public page whose query names a running campaign in <c>utm_campaign</c>. Only GET page
    /// requests: static files are served before this, and the back office and tracked links (counted themselves) are skipped.
    /// </summary>
    public static IApplicationBuilder UseEscaleCampaignTracking(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) && request.Query.TryGetValue("utm_campaign", out var campaign) && campaign.Count == 1
                && !request.Path.StartsWithSegments("/admin") && !request.Path.StartsWithSegments("/c") && !request.Path.StartsWithSegments("/api"))
            {
                await context.RequestServices.GetRequiredService<CampaignTracker>().RecordUtmAsync(context, campaign.ToString(), context.RequestAborted);
            }
            await next(context);
        });
}
