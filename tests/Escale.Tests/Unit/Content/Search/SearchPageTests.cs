using Escale.Core.Content;
using Escale.Core.Content.Search;

namespace Escale.Tests.Unit.Content.Search;

public sealed class SearchPageTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    [InlineData(40, 10)]
    [InlineData(4_990, 10)]
    [InlineData(5_000, 10)]
    public void AnyPage_IsTheSameAsSortingEveryMatch_TiesByLowestId(int skip, int count)
    {
        var random = new Random(7);
        // Few distinct ranks, so that many ties are broken by the id.
        var matches = Enumerable.Range(1, 5_000).Select(id => new SearchMatch(id, (ContentType)(id % 5), -random.Next(40) / 8.0)).OrderBy(_ => random.Next()).ToList();
        var sorted = matches.OrderBy(m => m.Rank).ThenBy(m => m.ItemId).Skip(skip).Take(count).Select(m => m.ItemId).ToList();

        var page = ContentSearchEngine.Page(matches, skip, count);

        Assert.Equal(sorted, page);
    }
}
