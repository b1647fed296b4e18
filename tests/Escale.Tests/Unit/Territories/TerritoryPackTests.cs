using Escale.Core.Territories;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Unit.Territories;

public sealed class TerritoryPackTests
{
    [Fact]
    public void Load_LotPack_HasThe2026Geography()
    {
        var pack = TerritoryPack.Load(RepoPaths.LotPack);

        Assert.Equal("Lot", pack.Territory.Name);
        Assert.Equal(312, pack.Communes.Count);
        Assert.Equal(10, pack.Intercommunalities.Count);
        Assert.Equal(9, pack.Intercommunalities.Count(e => e.SeatDepartment == "46"));
        Assert.Equal(176_473, pack.Communes.Sum(c => c.Population));
        Assert.Equal(4, pack.Personas.Count);
        Assert.Equal("attractivite-departement@lot.fr", pack.Territory.ContactEmail);
    }

    [Fact]
    public void Load_LotPack_ShowsShrinkingCommunesFromTheData()
    {
        var pack = TerritoryPack.Load(RepoPaths.LotPack);

        var shrinking = pack.Communes.Count(c => c.PopulationChangeSinceFirstYear < 0);

        Assert.Equal(112, shrinking);
    }

    [Fact]
    public void Load_LotPack_ReadsEveryServiceFile()
    {
        var pack = TerritoryPack.Load(RepoPaths.LotPack);

        var schools = pack.Services.Where(s => s.Kind == TerritoryServiceKind.School).ToList();
        // 186 écoles, 24 collège rows and 21 lycée rows, less the 5 sections sharing their lycée's site.
        Assert.Equal(186 + 24 + 16, schools.Count);
        Assert.Equal(38 + 76, schools.Count(s => s.SchoolLevels.HasFlag(SchoolLevels.Preschool)));
        Assert.Equal(72 + 76, schools.Count(s => s.SchoolLevels.HasFlag(SchoolLevels.Elementary)));
        Assert.Equal(19, pack.Services.Count(s => s.Kind == TerritoryServiceKind.HealthEstablishment));
        Assert.Equal(["CH FIGEAC SITE MARTIN MALVY", "CH JEAN COULON GOURDON", "CH JEAN ROUGIER CAHORS", "CH ST JACQUES ST CERE"],
            pack.Services.Where(s => s.HasEmergencyDepartment).Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal("CH JEAN ROUGIER CAHORS", Assert.Single(pack.Services, s => s.HasMaternity).Name);
        Assert.Equal(18, pack.Services.Count(s => s.Kind == TerritoryServiceKind.Station));
        Assert.Equal(24, pack.Services.Count(s => s.Kind == TerritoryServiceKind.FranceServices));
        Assert.All(pack.Services, s => Assert.NotNull(s.Commune));
        var hospital = pack.Services.First(s => s.Kind == TerritoryServiceKind.HealthEstablishment);
        Assert.Equal((hospital.Commune!.Latitude, hospital.Commune.Longitude, true), (hospital.Latitude, hospital.Longitude, hospital.AtCommuneCentre));
    }

    [Fact]
    public void Load_PackWithMalformedServiceLines_NamesFileLineAndField()
    {
        var folder = RepoPaths.CopyOfLotPack();
        var schools = Path.Combine(folder, "schools.csv");
        var lines = File.ReadAllLines(schools);
        var header = lines[0].Split(',');
        var fields = lines[1].Split(',');
        fields[Array.IndexOf(header, "latitude")] = "44,x";
        lines[1] = string.Join(',', fields).Replace("44,x", "\"44,x\"", StringComparison.Ordinal);
        File.WriteAllLines(schools, lines);
        var stations = Path.Combine(folder, "stations.csv");
        var stationLines = File.ReadAllLines(stations);
        stationLines[5] = stationLines[5].Replace(",46", ",99", StringComparison.Ordinal);
        File.WriteAllLines(stations, stationLines);

        var error = Assert.Throws<TerritoryPackException>(() => TerritoryPack.Load(folder));

        Assert.Equal([("schools.csv", 2, "latitude"), ("stations.csv", 6, "code_insee")],
            error.Errors.Select(e => (e.File, e.Line ?? 0, e.Field ?? "")).ToList());
        Assert.Contains("44,x", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("n’est pas dans le fichier des communes", error.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PackWithUnknownIntercommunality_NamesFileLineAndField()
    {
        var folder = RepoPaths.CopyOfLotPack();
        var path = Path.Combine(folder, "communes.csv");
        var lines = File.ReadAllLines(path);
        var fields = lines[3].Split(',');
        fields[Array.IndexOf(lines[0].Split(','), "epci_siren")] = "999999999";
        lines[3] = string.Join(',', fields);
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<TerritoryPackException>(() => TerritoryPack.Load(folder));

        var only = Assert.Single(error.Errors);
        Assert.Equal(("communes.csv", 4, "epci_siren"), (only.File, only.Line, only.Field));
        Assert.Contains("999999999", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PackWithBadNumberAndMissingColumn_ReportsEveryProblem()
    {
        var folder = RepoPaths.CopyOfLotPack();
        var communes = Path.Combine(folder, "communes.csv");
        var lines = File.ReadAllLines(communes);
        lines[10] = lines[10].Replace(",44.", ",4x.", StringComparison.Ordinal);
        File.WriteAllLines(communes, lines);
        var history = Path.Combine(folder, "population_history.csv");
        var historyLines = File.ReadAllLines(history);
        historyLines[0] = historyLines[0].Replace("plus_75,", "plus_soixante_quinze,", StringComparison.Ordinal);
        File.WriteAllLines(history, historyLines);

        var error = Assert.Throws<TerritoryPackException>(() => TerritoryPack.Load(folder));

        Assert.Contains(error.Errors, e => e is { File: "communes.csv", Line: 11, Field: "centroid_lat" });
        Assert.Contains(error.Errors, e => e is { File: "population_history.csv", Line: 1, Field: "plus_75" });
    }

    [Fact]
    public void Load_ManifestWithoutFrenchPositioning_IsRefused()
    {
        var folder = RepoPaths.CopyOfLotPack();
        var manifest = Path.Combine(folder, "territory.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(
            "\"fr\": \"Le Lot, producteur d’opportunités personnelles et professionnelles\",", "", StringComparison.Ordinal));

        var error = Assert.Throws<TerritoryPackException>(() => TerritoryPack.Load(folder));

        Assert.Contains(error.Errors, e => e is { File: "territory.json", Field: "brand.positioning.fr" });
    }

    [Fact]
    public void Load_MissingFolder_SaysWhichFileIsMissing()
    {
        var error = Assert.Throws<TerritoryPackException>(() => TerritoryPack.Load(Path.Combine(Path.GetTempPath(), "no-such-pack")));

        Assert.Equal("territory.json", Assert.Single(error.Errors).File);
    }

    [Fact]
    public void Load_LatinOneCsv_IsRefusedAsNotUtf8()
    {
        var folder = RepoPaths.CopyOfLotPack();
        var path = Path.Combine(folder, "communes.csv");
        var latin1 = System.Text.Encoding.Latin1.GetBytes(File.ReadAllText(path));
        File.WriteAllBytes(path, latin1);

        var error = Assert.Throws<TerritoryPackException>(() => TerritoryPack.Load(folder));

        Assert.Contains(error.Errors, e => e.File == "communes.csv" && e.Message.Contains("UTF-8", StringComparison.Ordinal));
    }
}
