using Escale.Core.Data;
using Escale.Core.Opportunities.Search;
using Escale.Core.Territories;
using Escale.Core.Welcome;
using Escale.Core.Welcome.Housing;
using Escale.Core.Welcome.Matching;
using Escale.Web.Infrastructure.Localization;
using Escale.Web.Infrastructure.Territory;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Pages.MonEspace;

/// <summary>
/// A household's matches, computed live from the open opportunities: the <see cref="MatchIndex"/> is built from the
/// same rows as the search's <see cref="SearchIndex"/> and rebuilt only when that index is replaced, so the space and
/// the daily e-mail follow the offers within the search's own freshness. Temporary housing free at the household's
/// arrival is read from the database at each call (a few offers, and their held nights change with every request).
/// </summary>
public sealed class HouseholdMatching(OpportunitySearch search, TerritoryCatalog territory, IServiceScopeFactory scopes, TimeProvider clock)
{
    private sealed record Built(SearchIndex Source, MatchIndex Index);

    private volatile Built? _built;

    public Task<HouseholdMatches> MatchAsync(HouseholdProject project, CancellationToken cancellationToken) => MatchAsync(project, null, cancellationToken);

    /// <summary>The matches, the adult of <paramref name="spouse"/> (when given) read from their spouse profile.</summary>
    public Task<HouseholdMatches> MatchAsync(HouseholdProject project, SpouseProfile? spouse, CancellationToken cancellationToken) =>
        MatchAsync(project, spouse, includeHousing: true, cancellationToken);

    /// <summary>The matches; <paramref name="includeHousing"/> false leaves out the housing group (read from the database).</summary>
    public async Task<HouseholdMatches> MatchAsync(HouseholdProject project, SpouseProfile? spouse, bool includeHousing, CancellationToken cancellationToken)
    {
        var index = await IndexAsync(cancellationToken);
        var profile = await ProfileAsync(project, spouse, cancellationToken);
        var matches = HouseholdMatcher.Match(index, profile);
        if (includeHousing && profile.ArrivalOn is not null)
        {
            matches = matches with { Groups = [.. matches.Groups, HousingMatcher.Match(await HousingCandidatesAsync(cancellationToken), profile)] };
        }
        return matches with { Schools = await SchoolsAsync(project, cancellationToken) };
    }

    /// <summary>The open housing offers with their periods and held nights, for <see cref="HousingMatcher"/>.</summary>
    private async Task<IReadOnlyList<HousingCandidate>> HousingCandidatesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        var offers = await db.HousingOffers.AsNoTracking().Where(o => !o.Withdrawn && o.Availabilities.Any())
            .Select(o => new
            {
                o.Id, o.Commune!.Latitude, o.Commune.Longitude, o.Capacity, o.Price, o.PricePeriod,
                Available = o.Availabilities.Select(a => new NightRange(a.StartOn, a.EndOn)).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = offers.Select(o => o.Id).ToList();
        var held = (await db.HousingBookings.AsNoTracking()
            .Where(b => ids.Contains(b.OfferId) && (b.Status == HousingBookingStatus.Requested || b.Status == HousingBookingStatus.Accepted))
            .Select(b => new { b.OfferId, b.ArrivalOn, b.DepartureOn }).ToListAsync(cancellationToken))
            .ToLookup(b => b.OfferId, b => new NightRange(b.ArrivalOn, b.DepartureOn));
        return [.. offers.Select(o => new HousingCandidate(o.Id, o.Latitude, o.Longitude, o.Capacity, HousingOffer.MonthlyPrice(o.Price, o.PricePeriod),
            o.Available, [.. held[o.Id]]))];
    }

    /// <summary>
    /// The schools for each child of school age, around each commune the household named (a whole intercommunality
    /// would list dozens of villages' schools). Measured in memory from the catalog's services, like the commune page.
    /// </summary>
    public async Task<IReadOnlyList<ChildSchools>> SchoolsAsync(HouseholdProject project, CancellationToken cancellationToken)
    {
        if (project.TargetCommuneIds.Count == 0 || project.ChildrenAges.All(age => SchoolMatcher.LevelFor(age) == SchoolLevels.None))
        {
            return [];
        }
        var catalog = await territory.GetAsync(cancellationToken);
        var communes = catalog.Communes.Where(c => project.TargetCommuneIds.Contains(c.Id))
            .Select(c => new TargetCommuneServices(c.Name, catalog.NearbyServices(c)))
            .ToList();
        return SchoolMatcher.Match(project.ChildrenAges, communes, school => catalog.CommuneOf(school).Name);
    }

    public async Task<MatchIndex> IndexAsync(CancellationToken cancellationToken)
    {
        var source = await search.IndexAsync(cancellationToken);
        if (_built is { } built && ReferenceEquals(built.Source, source))
        {
            return built.Index;
        }
        // Two requests may build the same index at once after a reload; both results are equal, the last one stays.
        var index = new MatchIndex(source.Rows);
        _built = new Built(source, index);
        return index;
    }

    /// <summary>
    /// The project as the matcher reads it. Domains come from the ROME code's first characters (the ROME's own
    /// structure). A target intercommunality counts as all its communes, so a reason names the nearest one. Everything
    /// comes from the territory catalog in memory: the daily e-mail builds one profile per case.
    /// </summary>
    public async Task<HouseholdProfile> ProfileAsync(HouseholdProject project, CancellationToken cancellationToken) =>
        await ProfileAsync(project, null, cancellationToken);

    /// <summary>
    /// The project as the matcher reads it, with the spouse profile's adult looking for a job in its occupation and, when
    /// it named one, its own area: its intercommunalities and communes, or the household's places within its distance.
    /// </summary>
    public async Task<HouseholdProfile> ProfileAsync(HouseholdProject project, SpouseProfile? spouse, CancellationToken cancellationToken)
    {
        var catalog = await territory.GetAsync(cancellationToken);
        var slugs = catalog.Intercommunalities.Where(e => project.TargetIntercommunalityIds.Contains(e.Id)).Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);
        var places = catalog.Communes
            .Where(c => project.TargetCommuneIds.Contains(c.Id) || slugs.Contains(c.IntercommunalitySlug))
            .Select(c => new TargetPlace(c.Name, c.Latitude, c.Longitude))
            .ToList();
        var adults = project.Adults.Select(a => new AdultProfile
        {
            Wish = a.Wish,
            RomeCode = a.RomeCode,
            RomeGrandDomainCode = a.RomeCode is { Length: >= 1 } code ? code[..1] : null,
            Contracts = a.Contracts.ToHashSet(),
            WorkingTime = a.WorkingTime,
            BusinessActivity = a.NafCode,
            BusinessBudget = a.Budget,
        }).ToList();
        if (spouse is not null && spouse.AdultIndex >= 0 && spouse.AdultIndex < adults.Count && spouse.RomeCode is { Length: >= 1 } rome)
        {
            List<TargetPlace>? wished = null;
            if (spouse.IntercommunalityIds.Count > 0 || spouse.CommuneIds.Count > 0)
            {
                var spouseSlugs = catalog.Intercommunalities.Where(e => spouse.IntercommunalityIds.Contains(e.Id)).Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);
                wished = catalog.Communes.Where(c => spouse.CommuneIds.Contains(c.Id) || spouseSlugs.Contains(c.IntercommunalitySlug))
                    .Select(c => new TargetPlace(c.Name, c.Latitude, c.Longitude)).ToList();
            }
            adults[spouse.AdultIndex] = adults[spouse.AdultIndex] with
            {
                Wish = AdultWish.Job,
                RomeCode = rome,
                RomeGrandDomainCode = rome[..1],
                Places = wished,
                MaxDistanceKm = spouse.DistanceKm,
                FromSpouseProfile = true,
            };
        }
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow()));
        return new HouseholdProfile
        {
            Places = places,
            // The project names a month (its first day): once that month has begun, the household arrives from today.
            ArrivalOn = project.ArrivalOn is { } arrival ? (arrival < today ? today : arrival) : null,
            Persons = project.Adults.Count + project.ChildrenAges.Count,
            HousingBudget = project.HousingBudget,
            WantsTemporaryHousing = project.Housing.HasFlag(HousingNeeds.Temporary),
            Adults = adults,
        };
    }
}
