using Escale.Core.Territories;
using Escale.Core.Text;

namespace Escale.Core.Opportunities.Search;

/// <summary>
/// Faceted search over the published opportunities held in memory. One pass over the rows decides, for each
/// row, which filters it passes; a facet's counts use every filter but its own (so choosing "CDD" still
/// shows how many CDI there are), and the result uses them all. The rows' facets are copied once into
/// plain arrays of small integers (codes numbered at build time), so the pass does no hashing, no
/// allocation and no string comparison except for the text filter.
/// </summary>
public sealed class SearchIndex
{
    public const int MaxTextLength = 200;

    public static readonly int[] SalaryThresholds = [20_000, 25_000, 30_000, 35_000, 45_000, 60_000];
    public static readonly int[] PostedWithin = [1, 7, 30];

    private const int KindBit = 1, GrandDomainBit = 2, DomainBit = 4, ContractBit = 8, EpciBit = 16, RemoteBit = 32, SalaryBit = 64, PostedBit = 128;
    private const int AllBits = 255;
    private const int None = -1;

    private static readonly int KindCount = Enum.GetValues<OpportunityKind>().Length;
    private static readonly int ContractCount = Enum.GetValues<ContractType>().Length;

    private readonly IReadOnlyList<SearchRow> _rows;
    private readonly byte[] _kind;
    private readonly sbyte[] _contract;
    private readonly bool[] _remote;
    private readonly int[] _epci;
    private readonly int[] _grandDomain;
    private readonly int[] _domain;
    private readonly int[] _salaryMax;
    private readonly long[] _published;
    private readonly double[] _latitude;
    private readonly double[] _longitude;
    private readonly string?[] _rome;
    private readonly string[] _text;
    private readonly string[] _grandDomainCodes;
    private readonly string[] _domainCodes;
    private readonly int[] _epciIds;

    public SearchIndex(IReadOnlyList<SearchRow> rows)
    {
        _rows = rows;
        var count = rows.Count;
        _kind = new byte[count];
        _contract = new sbyte[count];
        _remote = new bool[count];
        _epci = new int[count];
        _grandDomain = new int[count];
        _domain = new int[count];
        _salaryMax = new int[count];
        _published = new long[count];
        _latitude = new double[count];
        _longitude = new double[count];
        _rome = new string?[count];
        _text = new string[count];
        var grandDomains = new Dictionary<string, int>(StringComparer.Ordinal);
        var domains = new Dictionary<string, int>(StringComparer.Ordinal);
        var epcis = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            _kind[i] = (byte)row.Kind;
            _contract[i] = row.Contract is { } c ? (sbyte)c : (sbyte)None;
            _remote[i] = row.Remote != RemoteWork.None;
            _epci[i] = Number(epcis, row.IntercommunalityId);
            _grandDomain[i] = row.RomeGrandDomainCode is { } gd ? Number(grandDomains, gd) : None;
            _domain[i] = row.RomeDomainCode is { } d ? Number(domains, d) : None;
            _salaryMax[i] = row.SalaryMax ?? None;
            _published[i] = row.PublishedAt.UtcTicks;
            _latitude[i] = row.Latitude;
            _longitude[i] = row.Longitude;
            _rome[i] = row.RomeCode;
            _text[i] = row.SearchText;
        }
        _grandDomainCodes = Codes(grandDomains);
        _domainCodes = Codes(domains);
        _epciIds = epcis.OrderBy(e => e.Value).Select(e => e.Key).ToArray();
    }

    public int Count => _rows.Count;

    /// <summary>The rows the index was built from, for the household matching's own index over the same opportunities.</summary>
    public IReadOnlyList<SearchRow> Rows => _rows;

    public SearchResult Search(SearchQuery query, DateTimeOffset now)
    {
        // The rows' text holds each word's search form (OpportunitySearch); the query's words take theirs.
        var terms = FrenchWordForms.Normalize(query.Text is { Length: > MaxTextLength } tooLong ? tooLong[..MaxTextLength] : query.Text)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // A filter on a value no opportunity has matches nothing; -2 never equals a stored number.
        var kind = query.Kind is { } k ? (int)k : None;
        var contract = query.Contract is { } c ? (int)c : None;
        var grandDomain = query.GrandDomain is null ? None : Array.IndexOf(_grandDomainCodes, query.GrandDomain) is var g and >= 0 ? g : -2;
        var domain = query.Domain is null ? None : Array.IndexOf(_domainCodes, query.Domain) is var d and >= 0 ? d : -2;
        var epci = query.IntercommunalityId is null ? None : Array.IndexOf(_epciIds, query.IntercommunalityId.Value) is var e and >= 0 ? e : -2;
        var salaryAtLeast = query.SalaryAtLeast ?? int.MinValue;
        var postedAfter = query.PostedWithinDays is { } days ? now.AddDays(-days).UtcTicks : long.MinValue;
        var postedThresholds = PostedWithin.Select(w => now.AddDays(-w).UtcTicks).ToArray();

        var kinds = new int[KindCount];
        var contracts = new int[ContractCount];
        var grandDomains = new int[_grandDomainCodes.Length];
        var domains = new int[_domainCodes.Length];
        var epcis = new int[_epciIds.Length];
        var salaries = new int[SalaryThresholds.Length];
        var posted = new int[PostedWithin.Length];
        var remote = 0;
        var matches = new List<int>();
        var distances = query.Centre is null ? null : new double[_rows.Count];

        for (var i = 0; i < _rows.Count; i++)
        {
            // Filters that no facet shows (radius, ROME code, text) must pass for the row to count anywhere.
            if (query.Centre is { } centre)
            {
                var distance = GeoDistance.Kilometres(centre.Latitude, centre.Longitude, _latitude[i], _longitude[i]);
                if (query.RadiusKm is { } radius && distance > radius)
                {
                    continue;
                }
                distances![i] = distance;
            }
            if (query.Rome is { } rome && _rome[i] != rome)
            {
                continue;
            }
            if (terms.Length > 0 && !ContainsAll(_text[i], terms))
            {
                continue;
            }
            var mask = 0;
            if (kind == None || _kind[i] == kind)
            {
                mask |= KindBit;
            }
            if (grandDomain == None || _grandDomain[i] == grandDomain)
            {
                mask |= GrandDomainBit;
            }
            if (domain == None || _domain[i] == domain)
            {
                mask |= DomainBit;
            }
            if (contract == None || _contract[i] == contract)
            {
                mask |= ContractBit;
            }
            if (epci == None || _epci[i] == epci)
            {
                mask |= EpciBit;
            }
            if (!query.RemoteOnly || _remote[i])
            {
                mask |= RemoteBit;
            }
            if (_salaryMax[i] >= salaryAtLeast)
            {
                mask |= SalaryBit;
            }
            if (_published[i] >= postedAfter)
            {
                mask |= PostedBit;
            }
            if (mask != AllBits && Missing(mask) > 1)
            {
                continue; // fails two filters: counts in no facet
            }
            if (Passes(mask, KindBit))
            {
                kinds[_kind[i]]++;
            }
            if (Passes(mask, GrandDomainBit) && _grandDomain[i] >= 0)
            {
                grandDomains[_grandDomain[i]]++;
            }
            if (Passes(mask, DomainBit) && _domain[i] >= 0)
            {
                domains[_domain[i]]++;
            }
            if (Passes(mask, ContractBit) && _contract[i] >= 0)
            {
                contracts[_contract[i]]++;
            }
            if (Passes(mask, EpciBit))
            {
                epcis[_epci[i]]++;
            }
            if (Passes(mask, RemoteBit) && _remote[i])
            {
                remote++;
            }
            if (Passes(mask, SalaryBit) && _salaryMax[i] >= 0)
            {
                for (var t = 0; t < SalaryThresholds.Length; t++)
                {
                    if (_salaryMax[i] >= SalaryThresholds[t])
                    {
                        salaries[t]++;
                    }
                }
            }
            if (Passes(mask, PostedBit))
            {
                for (var t = 0; t < postedThresholds.Length; t++)
                {
                    if (_published[i] >= postedThresholds[t])
                    {
                        posted[t]++;
                    }
                }
            }
            if (mask == AllBits)
            {
                matches.Add(i);
            }
        }

        Comparison<int> order = query.Sort switch
        {
            SearchSort.Salary => (a, b) => Compare(_salaryMax[b].CompareTo(_salaryMax[a]), _published[b].CompareTo(_published[a]), _rows[a].Id.CompareTo(_rows[b].Id)),
            SearchSort.Distance when distances is not null => (a, b) => Compare(distances[a].CompareTo(distances[b]), _published[b].CompareTo(_published[a]), _rows[a].Id.CompareTo(_rows[b].Id)),
            _ => (a, b) => Compare(_published[b].CompareTo(_published[a]), _rows[b].Id.CompareTo(_rows[a].Id), 0),
        };
        var page = Top(matches, (long)query.Page * query.PageSize, order).Skip((query.Page - 1) * query.PageSize).Select(i => _rows[i]).ToList();

        var facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal)
        {
            ["kind"] = Sorted(Enum.GetValues<OpportunityKind>().Select(v => (v.ToString(), kinds[(int)v]))),
            ["grandDomain"] = Sorted(_grandDomainCodes.Select((code, n) => (code, grandDomains[n]))),
            ["domain"] = Sorted(_domainCodes.Select((code, n) => (code, domains[n]))),
            ["contract"] = Sorted(Enum.GetValues<ContractType>().Select(v => (v.ToString(), contracts[(int)v]))),
            ["intercommunality"] = Sorted(_epciIds.Select((id, n) => (id.ToString(System.Globalization.CultureInfo.InvariantCulture), epcis[n]))),
            ["remote"] = [new FacetValue("true", remote)],
            ["salary"] = SalaryThresholds.Select((t, n) => new FacetValue(t.ToString(System.Globalization.CultureInfo.InvariantCulture), salaries[n])).ToList(),
            ["posted"] = PostedWithin.Select((w, n) => new FacetValue(w.ToString(System.Globalization.CultureInfo.InvariantCulture), posted[n])).ToList(),
        };
        return new SearchResult(page, matches.Count, query.Page, query.PageSize, facets);
    }

    /// <summary>The rows inside the filters, for the map (clustered by commune).</summary>
    public IEnumerable<SearchRow> All(SearchQuery query, DateTimeOffset now) =>
        Search(query with { Page = 1, PageSize = Math.Max(1, Count) }, now).Items;

    private static int Number<T>(Dictionary<T, int> numbers, T key) where T : notnull
    {
        if (!numbers.TryGetValue(key, out var number))
        {
            number = numbers.Count;
            numbers[key] = number;
        }
        return number;
    }

    private static string[] Codes(Dictionary<string, int> numbers) => numbers.OrderBy(n => n.Value).Select(n => n.Key).ToArray();

    private static int Missing(int mask) => System.Numerics.BitOperations.PopCount((uint)(AllBits & ~mask));

    private static bool Passes(int mask, int facetBit) => (mask | facetBit) == AllBits;

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
    private static List<int> Top(List<int> items, long count, Comparison<int> order)
    {
        if (count >= items.Count)
        {
            items.Sort(order);
            return items;
        }
        // A max-heap (by inverting the order) of the best `count` items seen so far.
        var heap = new PriorityQueue<int, int>(Comparer<int>.Create((a, b) => order(b, a)));
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
        var top = new List<int>(heap.Count);
        while (heap.Count > 0)
        {
            top.Add(heap.Dequeue());
        }
        top.Reverse();
        return top;
    }

    private static List<FacetValue> Sorted(IEnumerable<(string Value, int Count)> counts) =>
        counts.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
            .Select(c => new FacetValue(c.Value, c.Count)).ToList();
}
