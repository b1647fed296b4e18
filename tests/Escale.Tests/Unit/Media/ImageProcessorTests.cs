using System.Text;
using Escale.Core.Media;
using SkiaSharp;

namespace Escale.Tests.Unit.Media;

public sealed class ImageProcessorTests
{
    private static readonly ImageLimits Limits = ImageLimits.Default;

    private static Task<ImageOutcome> ProcessAsync(byte[] bytes, ImageLimits? limits = null) =>
        ImageProcessor.ProcessAsync(new MemoryStream(bytes), limits ?? Limits, CancellationToken.None);

    [Fact]
    public async Task LargeJpeg_GivesEveryWidth_InWebPAndJpeg_ThatDecodeAtTheirSize()
    {
        var outcome = await ProcessAsync(TestImages.Jpeg(2000, 1000));

        Assert.Null(outcome.Refusal);
        var image = outcome.Image!;
        Assert.Equal((2000, 1000), (image.Width, image.Height));
        Assert.Equal([480, 480, 960, 960, 1600, 1600], image.Renditions.Select(r => r.Width));
        foreach (var rendition in image.Renditions)
        {
            using var codec = SKCodec.Create(new MemoryStream(rendition.Bytes));
            Assert.Equal(rendition.Format == ImageFormat.WebP ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            Assert.Equal((rendition.Width, rendition.Height), (codec.Info.Width, codec.Info.Height));
            Assert.Equal(rendition.Width / 2, rendition.Height);
        }
    }

    [Fact]
    public async Task SmallImage_IsNeverUpscaled()
    {
        var outcome = await ProcessAsync(TestImages.Png(300, 200));

        Assert.Equal([300, 300], outcome.Image!.Renditions.Select(r => r.Width));
    }

    [Fact]
    public void RenditionWidths_KeepTheOriginalWidthWhenItFallsBetweenTwoSizes() =>
        Assert.Equal([480, 960, 1000], ImageProcessor.RenditionWidths(1000, [480, 960, 1600]));

    [Fact]
    public async Task WebPUpload_IsAccepted()
    {
        var outcome = await ProcessAsync(TestImages.Encoded(600, 400, SKEncodedImageFormat.Webp));

        Assert.Null(outcome.Refusal);
        Assert.Equal(600, outcome.Image!.Width);
    }

    [Fact]
    public async Task ExifOrientation_IsApplied_AndNoMetadataSurvives()
    {
        var upload = TestImages.JpegWithExifOrientation(400, 200);
        using (var codec = SKCodec.Create(new MemoryStream(upload)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin); // the test file says what it should
        }

        var outcome = await ProcessAsync(upload);

        var image = outcome.Image!;
        Assert.Equal((200, 400), (image.Width, image.Height));
        var jpeg = image.Renditions.Single(r => r.Format == ImageFormat.Jpeg);
        Assert.Equal((200, 400), (jpeg.Width, jpeg.Height));
        using var bitmap = SKBitmap.Decode(jpeg.Bytes);
        // Turned clockwise, the red left half is now on top and the blue right half at the bottom.
        Assert.True(bitmap.GetPixel(100, 50).Red > 200 && bitmap.GetPixel(100, 50).Blue < 60);
        Assert.True(bitmap.GetPixel(100, 350).Blue > 200 && bitmap.GetPixel(100, 350).Red < 60);
        foreach (var rendition in image.Renditions)
        {
            var text = Encoding.Latin1.GetString(rendition.Bytes);
            Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestImages.ExifSecret, text, StringComparison.Ordinal);
            using var codec = SKCodec.Create(new MemoryStream(rendition.Bytes));
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
        }
    }

    [Fact]
    public async Task DecompressionBomb_IsRefusedFromItsHeader()
    {
        var bomb = TestImages.PngDeclaring(100_000, 100_000);

        var outcome = await ProcessAsync(bomb);

        Assert.True(bomb.Length < 100);
        Assert.Null(outcome.Image);
        Assert.Equal("L’image est trop grande : 100000 × 100000 pixels, au-delà de 40 millions de pixels.", outcome.Refusal);
    }

    [Theory]
    [InlineData("script")]
    [InlineData("svg")]
    [InlineData("gif")]
    public async Task NotAJpegPngOrWebP_IsRefusedWhateverItsName(string kind)
    {
        var bytes = kind switch { "script" => TestImages.Script, "svg" => TestImages.Svg, _ => TestImages.Gif };

        var outcome = await ProcessAsync(bytes);

        Assert.Equal(ImageProcessor.NotAnImage, outcome.Refusal);
    }

    [Fact]
    public async Task TextAfterJpegMagicBytes_IsRefusedAsUnreadable()
    {
        var outcome = await ProcessAsync([0xFF, 0xD8, 0xFF, .. "<?php system($_GET['c']); ?>"u8]);

        Assert.Equal(ImageProcessor.Unreadable, outcome.Refusal);
    }

    [Fact]
    public async Task OversizedStream_IsRefusedWithoutReadingItAll()
    {
        var stream = new CountingStream(TestImages.Jpeg(100, 100), repeat: 1000);

        var outcome = await ImageProcessor.ProcessAsync(stream, Limits with { MaxBytes = 100_000 }, CancellationToken.None);

        Assert.Equal("L’image dépasse 0,1 Mo.", outcome.Refusal);
        Assert.True(stream.BytesRead < 200_000);
    }

    [Fact]
    public async Task EmptyFile_IsRefused() =>
        Assert.Equal(ImageProcessor.Empty, (await ProcessAsync([])).Refusal);

    /// <summary>A long stream made of one buffer repeated, which counts how much was read from it.</summary>
    private sealed class CountingStream(byte[] buffer, int repeat) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] target, int offset, int count)
        {
            var total = (long)buffer.Length * repeat;
            var n = (int)Math.Min(count, total - BytesRead);
            for (var i = 0; i < n; i++)
            {
                target[offset + i] = buffer[(BytesRead + i) % buffer.Length];
            }
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] target, int offset, int count) => throw new NotSupportedException();
    }
}
