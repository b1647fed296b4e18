using Escale.Core.Campaigns;

namespace Escale.Tests.Unit.Campaigns;

public sealed class ShortCodeTests
{
    [Fact]
    public void New_UsesOnlyCharactersNobodyConfuses()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => ShortCode.New()).ToList();

        Assert.All(codes, code => Assert.Equal(ShortCode.Length, code.Length));
        Assert.DoesNotContain(codes.SelectMany(c => c), c => c is '0' or 'o' or 'O' or '1' or 'l' or 'I' or 'i');
        Assert.True(codes.Distinct().Count() > 1990, "codes should practically never repeat");
    }

    [Theory]
    [InlineData(" K7PQ3XM ", "k7pq3xm")]
    [InlineData("k7pq3xm", "k7pq3xm")]
    public void Normalize_TypedCode_IsTrimmedAndLowercased(string typed, string expected)
    {
        Assert.Equal(expected, ShortCode.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("k7pq3x")]
    [InlineData("k7pq3xmm")]
    [InlineData("k7pq3x0")]
    [InlineData("../etc1")]
    public void Normalize_WhatCannotBeACode_IsNull(string? typed)
    {
        Assert.Null(ShortCode.Normalize(typed));
    }
}
