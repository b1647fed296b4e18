using Escale.Core.Content;

namespace Escale.Tests.Unit.Content;

public sealed class LineDiffTests
{
    private static string Render(IEnumerable<DiffLine> lines) =>
        string.Join("|", lines.Select(l => (l.Kind switch { DiffKind.Added => "+", DiffKind.Removed => "-", _ => " " }) + l.Text));

    [Fact]
    public void Compute_SameText_IsAllUnchanged()
    {
        Assert.Equal(" a| b", Render(LineDiff.Compute("a\nb", "a\nb")));
    }

    [Fact]
    public void Compute_ChangedMiddleLine_RemovesThenAdds()
    {
        Assert.Equal(" a|-b| c|+d", Render(LineDiff.Compute("a\nb\nc", "a\nc\nd")));
    }

    [Fact]
    public void Compute_FromNothing_AddsEveryLine()
    {
        Assert.Equal("+a|+b", Render(LineDiff.Compute(null, "a\r\nb")));
    }

    [Fact]
    public void Compute_ToNothing_RemovesEveryLine()
    {
        Assert.Equal("-a", Render(LineDiff.Compute("a", "")));
    }

    [Fact]
    public void Compute_KeepsTheLongestCommonLines()
    {
        var diff = LineDiff.Compute("x\na\nb\nc\ny", "a\nb\nz\nc");

        Assert.Equal(3, diff.Count(l => l.Kind == DiffKind.Unchanged));
        Assert.Equal(" a b c", string.Concat(diff.Where(l => l.Kind == DiffKind.Unchanged).Select(l => " " + l.Text)));
    }
}
