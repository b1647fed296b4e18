namespace Escale.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string LotPack => Path.Combine(Root, "territories", "lot");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Escale.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Escale.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A copy of the Lot pack in a temporary folder, for tests that break it on purpose.</summary>
    public static string CopyOfLotPack()
    {
        var target = Path.Combine(Path.GetTempPath(), "escale-pack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(LotPack))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal);
        }
        return target;
    }
}
