using Escale.Core.Content;

namespace Escale.Tests.Unit.Content;

public sealed class ContentDraftTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 14, 18, 0, 0, TimeSpan.Zero);

    private static ContentDraft Event(DateTimeOffset? starts, DateTimeOffset? ends) => new()
    {
        Type = ContentType.Event,
        StartsAt = starts,
        EndsAt = ends,
        Texts = [new ContentText("fr", "Festival", null, null)],
    };

    [Fact]
    public void Validate_EventEndingBeforeItStarts_SaysSoInFrench()
    {
        var errors = Event(Start, Start.AddHours(-1)).Validate();

        Assert.Contains(("EndsAt", "La fin de l’événement ne peut pas précéder son début."), errors);
    }

    [Fact]
    public void Validate_EventEndingWhenItStarts_IsAccepted()
    {
        Assert.Empty(Event(Start, Start).Validate());
    }

    [Fact]
    public void Validate_WithoutFrenchTitle_AsksForIt_EvenWithAnEnglishOne()
    {
        var draft = new ContentDraft { Type = ContentType.News, Texts = [new ContentText("en", "News", null, null)] };

        Assert.Contains(draft.Validate(), e => e.Field == "Title.fr");
    }

    [Fact]
    public void Validate_QualityOfLifeWithoutTheme_AsksForOne()
    {
        var draft = new ContentDraft { Type = ContentType.QualityOfLife, Texts = [new ContentText("fr", "Nature", null, null)] };

        Assert.Contains(draft.Validate(), e => e.Field == "Themes");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("www.exemple.fr")]
    public void Validate_CompanyWebsiteThatIsNotAWebAddress_IsRefused(string website)
    {
        var draft = new ContentDraft { Type = ContentType.CompanyStory, Website = website, Texts = [new ContentText("fr", "Pépite", null, null)] };

        Assert.Contains(draft.Validate(), e => e.Field == "Website");
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryField()
    {
        var draft = Event(Start, Start.AddDays(2)) with
        {
            Slug = "festival",
            CommuneId = 3,
            Featured = true,
            Personas = ["wanted"],
            Themes = [ContentTheme.Culture, ContentTheme.Sport],
            Venue = "Place",
            Price = "Gratuit",
            Texts = [new ContentText("fr", "Festival", "Chapeau", "Corps"), new ContentText("en", "Festival", null, "Body")],
        };

        var back = ContentDraft.FromJson(draft.ToJson());

        Assert.Equal(draft.ToJson(), back.ToJson());
        Assert.Equal(ContentTheme.Sport, back.Themes[1]);
        Assert.Equal("Body", back.Text("en")!.BodyMarkdown);
    }
}
