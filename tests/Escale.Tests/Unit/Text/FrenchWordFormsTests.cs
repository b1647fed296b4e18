using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Escale.Core.Text;
using Escale.Tests.Infrastructure;

namespace Escale.Tests.Unit.Text;

public sealed class FrenchWordFormsTests
{
    /// <summary>Job titles as employers and editors write them, each with the words a visitor types to find it.</summary>
    public static readonly TheoryData<string, string> TitleShapes = new()
    {
        { "Infirmière", "infirmier" },
        { "INFIRMIÈRE DE NUIT", "infirmier" },
        { "Infirmiers", "infirmier" },
        { "Infirmières", "infirmier" },
        { "Infirmier·e libéral·e", "infirmier liberal" },
        { "Infirmier·e·s libéraux·ales", "infirmier liberal" },
        { "Infirmier(e)", "infirmier" },
        { "Infirmier(ère) diplômé(e) d'État", "infirmier diplome etat" },
        { "Infirmier-ère en EHPAD", "infirmier ehpad" },
        { "Infirmier/ère de bloc opératoire", "infirmier bloc operatoire" },
        { "Infirmier.e coordinateur.rice", "infirmier coordinateur" },
        { "Infirmière coordinatrice", "infirmier coordinateur" },
        { "Infirmier", "infirmiere" },
        { "Conductrice de bus", "conducteur bus" },
        { "Conducteur·rice poids lourd", "conductrice" },
        { "Technicienne de maintenance", "technicien maintenance" },
        { "Technicien(ne) de maintenance", "techniciennes" },
        { "Vendeuse en boulangerie", "vendeur boulangerie" },
        { "Vendeur·euse", "vendeuse" },
        { "Aide-soignante", "aide soignant" },
        { "Aides-soignant·es", "aide soignante" },
        { "Agente d'entretien des espaces verts", "agent entretien espace vert" },
        { "Boulangère", "boulanger" },
        { "Chef·fe de cuisine", "cheffe cuisine" },
        { "Cheffe de rang", "chef rang" },
        { "Maîtresse de maison", "maitre maison" },
        { "Hôtesse d'accueil", "hote accueil" },
        { "Pizzaiola", "pizzaiolo" },
        { "Ambassadrice du Lot", "ambassadeur" },
        { "Éducatrice spécialisée", "educateur specialise" },
        { "Commerciale sédentaire", "commercial sedentaire" },
        { "Animateur/trice sportif/ive", "animatrice sportive" },
        { "Employé·e polyvalent·e", "employee polyvalente" },
        { "Pharmacienne adjointe", "pharmacien adjoint" },
    };

    [Theory, MemberData(nameof(TitleShapes))]
    public void EveryWordTyped_IsInTheTitle_OnceBothTakeTheirForm(string title, string typed)
    {
        var forms = FrenchWordForms.Normalize(title).Split(' ');

        Assert.All(FrenchWordForms.Normalize(typed).Split(' '), word => Assert.Contains(word, forms));
    }

    [Theory]
    [InlineData("Infirmier·e libéral·e", "infirmier liberal")]
    [InlineData("infirmier(e)s", "infirmier")]
    [InlineData("Infirmier-ère", "infirmier")]
    [InlineData("INFIRMIÈRES", "infirmier")]
    [InlineData("infirmiere", "infirmier")]
    public void InclusiveEndings_Plurals_Feminines_AndAccents_Fold(string text, string expected) =>
        Assert.Equal(expected, FrenchWordForms.Normalize(text));

    [Theory]
    [InlineData("Saint-Céré", "saint cere")]
    [InlineData("Bagnac-sur-Célé", "bagnac sur cele")]
    [InlineData("rez-de-chaussée", "rez de chaussee")]
    [InlineData("Saint-Cirq-Lapopie", "saint cirq lapopie")]
    public void AHyphen_BeforeAWordThatIsNoEnding_KeepsTheWord(string text, string words) =>
        Assert.Equal(FrenchWordForms.Normalize(words), FrenchWordForms.Normalize(text));

    [Fact]
    public void DifferentJobs_KeepDifferentForms()
    {
        Assert.NotEqual(FrenchWordForms.Form("infirmier"), FrenchWordForms.Form("infographiste"));
        Assert.NotEqual(FrenchWordForms.Form("boulanger"), FrenchWordForms.Form("boulangerie"));
        Assert.NotEqual(FrenchWordForms.Form("vendeur"), FrenchWordForms.Form("vente"));
    }

    [Fact]
    public void CodesAndNumbers_AreKeptAsTyped()
    {
        Assert.Equal("j1506", FrenchWordForms.Form("J1506"));
        Assert.Equal("35", FrenchWordForms.Form("35"));
    }

    [Fact]
    public void TheRomeLabels_GiveTheIrregularFeminines_AndNoMisalignedPair()
    {
        var pairs = FrenchWordForms.Feminines;

        Assert.Equal("hote", pairs["hotesse"]);
        Assert.Equal("ambassadeur", pairs["ambassadrice"]);
        Assert.Equal("maitre", pairs["maitresse"]);
        // "Technico-commercial / Technico-commerciale" and the like must not pair words of different places.
        Assert.All(pairs, pair => Assert.Equal(pair.Key[..3], pair.Value[..3]));
    }

    /// <summary>Every "Masculine / Feminine" label of the ROME: its first words fold alike, whichever form is typed.</summary>
    [Fact]
    public void EveryRomeLabel_MasculineAndFeminine_HaveOneForm()
    {
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "reference", "rome_metiers.csv"));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var labels = csv.GetRecords<dynamic>().Select(r => (string)((IDictionary<string, object>)r)["libelle_rome"]).ToList();
        var checkedPairs = 0;
        foreach (var label in labels)
        {
            var parts = label.Split(" / ");
            if (parts.Length != 2)
            {
                continue;
            }
            var masculine = FrenchWordForms.Normalize(parts[0]).Split(' ');
            var feminine = FrenchWordForms.Normalize(parts[1]).Split(' ');
            var first = (Masculine: masculine[0], Feminine: feminine[0]);
            if (first.Masculine[..Math.Min(3, first.Masculine.Length)] != first.Feminine[..Math.Min(3, first.Feminine.Length)])
            {
                continue; // "Steward / Hôtesse": different words, not forms of one
            }
            Assert.True(first.Masculine == first.Feminine, $"{label}: {first.Masculine} ≠ {first.Feminine}");
            checkedPairs++;
        }
        Assert.True(checkedPairs > 1000, $"only {checkedPairs} labels checked");
    }
}
