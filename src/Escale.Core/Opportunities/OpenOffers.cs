namespace Escale.Core.Opportunities;

public static class OpenOffers
{
    /// <summary>Offers a visitor may see at <paramref name="now"/>: published, and open through their expiry day.</summary>
    public static IQueryable<Opportunity> OpenAt(this IQueryable<Opportunity> offers, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return offers.Where(o => o.Status == OpportunityStatus.Published && (o.ExpiresOn == null || o.ExpiresOn >= today));
    }
}
