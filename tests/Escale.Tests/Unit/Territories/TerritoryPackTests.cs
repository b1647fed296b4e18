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
