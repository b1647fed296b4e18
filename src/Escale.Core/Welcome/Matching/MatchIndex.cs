using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Search;

namespace Escale.Core.Welcome.Matching;

/// <summary>
/// The open opportunities prepared once for matching many households: each row's facets copied into plain arrays of
/// small integers (codes numbered here), and its place reduced to one of the few distinct locations (the communes), so
/// a household's distances are computed per location rather than per row. Immutable: one index serves every thread.
/// Build it from the same rows as the <see cref="SearchIndex"/>, whenever those are reloaded.
/// </summary>
public sealed class MatchIndex
{
    internal const int Missing = -1;

    internal readonly int[] Id;
    internal readonly byte[] Kind;
    internal readonly long[] Published;
    internal readonly int[] Rome;
    internal readonly int[] Domain;
    internal readonly sbyte[] Contract;
    internal readonly sbyte[] WorkingTime;
    internal readonly byte[] Remote;
    /// <summary>NAF class ("56.10"), numbered.</summary>
    internal readonly int[] NafClass;
    /// <summary>NAF division, 1 to 99.</summary>
    internal readonly sbyte[] NafDivision;
    /// <summary>NAF section letter, 0 when unknown.</summary>
    internal readonly char[] NafSection;
    internal readonly int[] PriceMax;
    internal readonly int[] Location;
    internal readonly double[] LocationLatitude;
    internal readonly double[] LocationLongitude;
    internal readonly string[] LocationName;

    private readonly Dictionary<string, int> _romeCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _domainCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _nafClasses = new(StringComparer.Ordinal);

    public MatchIndex(IReadOnlyList<SearchRow> rows)
    {
        Count = rows.Count;
        Id = new int[Count];
        Kind = new byte[Count];
        Published = new long[Count];
        Rome = new int[Count];
        Domain = new int[Count];
        Contract = new sbyte[Count];
        WorkingTime = new sbyte[Count];
        Remote = new byte[Count];
        NafClass = new int[Count];
        NafDivision = new sbyte[Count];
        NafSection = new char[Count];
        PriceMax = new int[Count];
        Location = new int[Count];
        var locations = new Dictionary<(double, double), int>();
        var names = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var row = rows[i];
            Id[i] = row.Id;
            Kind[i] = (byte)row.Kind;
            Published[i] = row.PublishedAt.UtcTicks;
            Rome[i] = row.RomeCode is { } rome ? Number(_romeCodes, rome) : Missing;
            var domain = row.RomeDomainCode ?? (row.RomeCode is { Length: >= 3 } code ? code[..3] : null);
            Domain[i] = domain is null ? Missing : Number(_domainCodes, domain);
            Contract[i] = row.Contract is { } contract ? (sbyte)contract : (sbyte)Missing;
            WorkingTime[i] = row.WorkingTime is { } time ? (sbyte)time : (sbyte)Missing;
            Remote[i] = (byte)row.Remote;
            var naf = Naf.Parse(row.NafCode);
            NafClass[i] = naf.Class is { } nafClass ? Number(_nafClasses, nafClass) : Missing;
            NafDivision[i] = (sbyte)naf.Division;
            NafSection[i] = naf.Section;
            PriceMax[i] = row.PriceMax ?? Missing;
            if (!locations.TryGetValue((row.Latitude, row.Longitude), out var location))
            {
                location = locations.Count;
                locations[(row.Latitude, row.Longitude)] = location;
                names.Add(row.CommuneName);
            }
            Location[i] = location;
        }
        LocationLatitude = new double[locations.Count];
        LocationLongitude = new double[locations.Count];
        foreach (var ((latitude, longitude), location) in locations)
        {
            LocationLatitude[location] = latitude;
            LocationLongitude[location] = longitude;
        }
        LocationName = [.. names];
    }

    /// <summary>The number of opportunities held.</summary>
    public int Count { get; }

    /// <summary>A code's number in this index; -2 for a code no row has (it then equals no row's number, not even <see cref="Missing"/>).</summary>
    internal int RomeNumber(string? code) => code is not null && _romeCodes.TryGetValue(code, out var n) ? n : -2;

    internal int DomainNumber(string? code) => code is not null && _domainCodes.TryGetValue(code, out var n) ? n : -2;

    internal int NafClassNumber(string? code) => code is not null && _nafClasses.TryGetValue(code, out var n) ? n : -2;

    private static int Number(Dictionary<string, int> numbers, string key)
    {
        if (!numbers.TryGetValue(key, out var number))
        {
            number = numbers.Count;
            numbers[key] = number;
        }
        return number;
    }
}

/// <summary>The levels of a NAF rév. 2 code that the matching compares: class, division and section.</summary>
internal readonly record struct Naf(string? Class, int Division, char Section)
{
    public static readonly Naf None = new(null, MatchIndex.Missing, '\0');

    /// <summary>Reads "56.10A", "56.10", "56.1", "56" or a section letter "I"; anything else is no activity.</summary>
    public static Naf Parse(string? code)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            return None;
        }
        if (code.Length == 1 && code[0] is >= 'A' and <= 'U')
        {
            return new Naf(null, MatchIndex.Missing, code[0]);
        }
        if (code.Length < 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]))
        {
            return None;
        }
        var division = ((code[0] - '0') * 10) + (code[1] - '0');
        var section = SectionOf(division);
        if (section == '\0')
        {
            return None;
        }
        return new Naf(code.Length >= 5 ? code[..5] : null, division, section);
    }

    /// <summary>The section of a division, as the nomenclature groups them (INSEE, NAF rév. 2, 2008).</summary>
    private static char SectionOf(int division) => division switch
    {
        >= 1 and <= 3 => 'A',
        >= 5 and <= 9 => 'B',
        >= 10 and <= 33 => 'C',
        35 => 'D',
        >= 36 and <= 39 => 'E',
        >= 41 and <= 43 => 'F',
        >= 45 and <= 47 => 'G',
        >= 49 and <= 53 => 'H',
        >= 55 and <= 56 => 'I',
        >= 58 and <= 63 => 'J',
        >= 64 and <= 66 => 'K',
        68 => 'L',
        >= 69 and <= 75 => 'M',
        >= 77 and <= 82 => 'N',
        84 => 'O',
        85 => 'P',
        >= 86 and <= 88 => 'Q',
        >= 90 and <= 93 => 'R',
        >= 94 and <= 96 => 'S',
        >= 97 and <= 98 => 'T',
        99 => 'U',
        _ => '\0',
    };
}
