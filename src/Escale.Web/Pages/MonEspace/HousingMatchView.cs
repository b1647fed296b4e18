using Escale.Core.Data;
using Escale.Core.Welcome.Matching;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>A housing match as the household's space and the case file show it: the offer named, with its score and reasons.</summary>
public sealed record HousingMatchView(int OfferId, string Title, string Commune, int Score, IReadOnlyList<string> Reasons)
{
    /// <summary>The housing matches with their offer's title and commune, best first.</summary>
    public static async Task<IReadOnlyList<HousingMatchView>> ListAsync(EscaleDbContext db, IReadOnlyList<HouseholdMatch> found, CancellationToken cancellationToken)
    {
        var ids = found.Select(m => m.ItemId).ToList();
        var offers = await db.HousingOffers.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Title, Commune = o.Commune!.Name })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        return [.. found.Where(m => offers.ContainsKey(m.ItemId)).Select(m => new HousingMatchView(m.ItemId, offers[m.ItemId].Title, offers[m.ItemId].Commune, m.Score, m.Reasons))];
    }
}
