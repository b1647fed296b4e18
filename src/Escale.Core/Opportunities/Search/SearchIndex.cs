using Escale.Core.Territories;

namespace Escale.Core.Opportunities.Search;

/// <summary>
/// Faceted search over the published offers held in memory. One pass over the rows decides, for each
/// row, which filters it passes; a facet's counts use every filter but its own (so choosing "CDD" still
/// shows how many CDI there are), and the result uses them all.
/// </summary>
public sealed class SearchIndex(IReadOnlyList<SearchRow> rows)
{
    public const int MaxTextLength = 200;

    public static readonly int[] SalaryThresholds = [20_000, 25_000, 30_000, 35_000, 45_000, 60_000];
    public static readonly int[] PostedWithin = [1, 7, 30];

    private const int KindBit = 1, GrandDomainBit = 2, DomainBit = 4, ContractBit = 8, EpciBit = 16, RemoteBit = 32, SalaryBit = 64, PostedBit = 128, AlwaysBits = 256;
    private const int AllBits = 511;

    public int Count => rows.Count;

    public SearchResult Search(SearchQuery query, DateTimeOffset now)
    {
        var terms = SearchText.Fold(query.Text is { Length: > MaxTextLength } long_ ? long_[..MaxTextLength] : query.Text)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var postedAfter = query.PostedWithinDays is { } days ? now.AddDays(-days) : (DateTimeOffset?)null;

        // Counting by number, not by string, keeps the loop free of allocations.
        var kinds = new int[Enum.GetValues<OpportunityKind>().Length];
        var grandDomains = new Dictionary<string, int>(StringComparer.Ordinal);
        var domains = new Dictionary<string, int>(StringComparer.Ordinal);
        var contracts = new int[Enum.GetValues<ContractType>().Length];
        var epcis = new Dictionary<int, int>();
        var postedThresholds = PostedWithin.Select(d => now.AddDays(-d)).ToArray();
        var remote = 0;
        var salaries = new int[SalaryThresholds.Length];
        var posted = new int[PostedWithin.Length];
        var matches = new List<(SearchRow Row, double Distance)>();

        foreach (var row in rows)
        {
            // Filters that no facet shows (text, radius, ROME code) must pass for the row to count anywhere.
            double distance = 0;
            if (query.Centre is { } centre)
            {
                distance = GeoDistance.Kilometres(centre.Latitude, centre.Longitude, row.Latitude, row.Longitude);
                if (query.RadiusKm is { } radius && distance > radius)
                {
                    continue;
                }
            }
            if (query.Rome is { } rome && row.RomeCode != rome)
            {
                continue;
            }
            if (terms.Length > 0 && !ContainsAll(row.SearchText, terms))
            {
                continue;
            }
            var mask = AlwaysBits;
            if (query.Kind is null || row.Kind == query.Kind)
            {
                mask |= KindBit;
            }
            if (query.GrandDomain is null || row.RomeGrandDomainCode == query.GrandDomain)
            {
                mask |= GrandDomainBit;
            }
            if (query.Domain is null || row.RomeDomainCode == query.Domain)
            {
                mask |= DomainBit;
            }
            if (query.Contract is null || row.Contract == query.Contract)
            {
                mask |= ContractBit;
            }
            if (query.IntercommunalityId is null || row.IntercommunalityId == query.IntercommunalityId)
            {
                mask |= EpciBit;
            }
            if (!query.RemoteOnly || row.Remote != RemoteWork.None)
            {
                mask |= RemoteBit;
            }
            if (query.SalaryAtLeast is null || row.SalaryMax >= query.SalaryAtLeast)
            {
                mask |= SalaryBit;
            }
            if (postedAfter is null || row.PublishedAt >= postedAfter)
            {
                mask |= PostedBit;
            }

            if (Passes(mask, KindBit))
            {
                kinds[(int)row.Kind]++;
            }
            if (Passes(mask, GrandDomainBit) && row.RomeGrandDomainCode is { } gd)
            {
                Increment(grandDomains, gd);
            }
            if (Passes(mask, DomainBit) && row.RomeDomainCode is { } d)
            {
                Increment(domains, d);
            }
            if (Passes(mask, ContractBit) && row.Contract is { } c)
            {
                contracts[(int)c]++;
            }
            if (Passes(mask, EpciBit))
            {
                epcis[row.IntercommunalityId] = epcis.TryGetValue(row.IntercommunalityId, out var n) ? n + 1 : 1;
            }
            if (Passes(mask, RemoteBit) && row.Remote != RemoteWork.None)
            {
                remote++;
            }
            if (Passes(mask, SalaryBit) && row.SalaryMax is { } max)
            {
                for (var i = 0; i < SalaryThresholds.Length; i++)
                {
                    if (max >= SalaryThresholds[i])
                    {
                        salaries[i]++;
                    }
                }
            }
            if (Passes(mask, PostedBit))
            {
                for (var i = 0; i < PostedWithin.Length; i++)
                {
                    if (row.PublishedAt >= postedThresholds[i])
                    {
                        posted[i]++;
                    }
                }
            }
            if (mask == AllBits)
            {
                matches.Add((row, distance));
            }
        }

        Comparison<(SearchRow Row, double Distance)> order = query.Sort switch
        {
            SearchSort.Salary => (a, b) => Compare((b.Row.SalaryMax ?? -1).CompareTo(a.Row.SalaryMax ?? -1), b.Row.PublishedAt.CompareTo(a.Row.PublishedAt), a.Row.Id.CompareTo(b.Row.Id)),
            SearchSort.Distance when query.Centre is not null => (a, b) => Compare(a.Distance.CompareTo(b.Distance), b.Row.PublishedAt.CompareTo(a.Row.PublishedAt), a.Row.Id.CompareTo(b.Row.Id)),
            _ => (a, b) => Compare(b.Row.PublishedAt.CompareTo(a.Row.PublishedAt), b.Row.Id.CompareTo(a.Row.Id), 0),
        };
        var page = Top(matches, (long)query.Page * query.PageSize, order).Skip((query.Page - 1) * query.PageSize).Select(m => m.Row).ToList();

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal)
        {
            ["kind"] = Sorted(Enum.GetValues<OpportunityKind>().Where(k => kinds[(int)k] > 0).ToDictionary(k => k.ToString(), k => kinds[(int)k], StringComparer.Ordinal)),
            ["grandDomain"] = Sorted(grandDomains),
            ["domain"] = Sorted(domains),
            ["contract"] = Sorted(Enum.GetValues<ContractType>().Where(c => contracts[(int)c] > 0).ToDictionary(c => c.ToString(), c => contracts[(int)c], StringComparer.Ordinal)),
            ["intercommunality"] = Sorted(epcis.ToDictionary(e => e.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), e => e.Value, StringComparer.Ordinal)),
            ["remote"] = [new FacetValue("true", remote)],
            ["salary"] = SalaryThresholds.Select((t, i) => new FacetValue(t.ToString(System.Globalization.CultureInfo.InvariantCulture), salaries[i])).ToList(),
            ["posted"] = PostedWithin.Select((d, i) => new FacetValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture), posted[i])).ToList(),
        };
        return new SearchResult(page, matches.Count, query.Page, query.PageSize, facets);
    }

    /// <summary>The rows inside the filters, for the map (clustered client-side).</summary>
    public IEnumerable<SearchRow> All(SearchQuery query, DateTimeOffset now) =>
        Search(query with { Page = 1, PageSize = Math.Max(1, Count) }, now).Items;

    private static bool ContainsAll(string text, string[] terms)
    {
        foreach (var term in terms)
        {
            if (!text.Contains(term, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static int Compare(int first, int second, int third) => first != 0 ? first : second != 0 ? second : third;

    /// <summary>The first <paramref name="count"/> items in order, without sorting them all: a results page needs only the top.</summary>
    private static List<T> Top<T>(List<T> items, long count, Comparison<T> order)
    {
        if (count >= items.Count)
        {
            items.Sort(order);
            return items;
        }
        // A max-heap (by inverting the order) of the best `count` items seen so far.
        var heap = new PriorityQueue<T, T>(Comparer<T>.Create((a, b) => order(b, a)));
        foreach (var item in items)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(item, item);
            }
            else if (order(item, heap.Peek()) < 0)
            {
                heap.DequeueEnqueue(item, item);
            }
        }
        var top = new List<T>(heap.Count);
        while (heap.Count > 0)
        {
            top.Add(heap.Dequeue());
        }
        top.Reverse();
        return top;
    }

    private static bool Passes(int mask, int facetBit) => (mask | facetBit) == AllBits;

    private static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;

    private static List<FacetValue> Sorted(Dictionary<string, int> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new FacetValue(kv.Key, kv.Value)).ToList();
}
