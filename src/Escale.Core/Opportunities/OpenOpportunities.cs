namespace Escale.Core.Opportunities;

public static class OpenOpportunities
{
    /// <summary>Opportunities a visitor may see at <paramref name="now"/>: published, and open through their expiry day.</summary>
    public static IQueryable<Opportunity> OpenAt(this IQueryable<Opportunity> opportunities, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return opportunities.Where(o => o.Status == OpportunityStatus.Published && (o.ExpiresOn == null || o.ExpiresOn >= today));
    }
}
