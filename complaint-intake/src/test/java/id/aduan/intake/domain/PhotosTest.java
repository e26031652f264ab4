package id.aduan.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.junit.jupiter.api.Test;

class PhotosTest {

    @Test
    void aJpegLosesItsExifAndGpsButStaysAPicture() throws Exception {
        byte[] withGps = PhotoSamples.jpegWithGps(-3.7956, 102.2592);
        ImageMetadata before = Imaging.getMetadata(withGps);
        assertThat(((JpegImageMetadata) before).getExif().getGpsInfo()).isNotNull();

        Photos.CleanPhoto clean = Photos.clean(withGps);

        assertThat(clean.contentType()).isEqualTo("image/jpeg");
        assertThat(clean.width()).isEqualTo(64);
        assertThat(clean.height()).isEqualTo(48);
        ImageMetadata after = Imaging.getMetadata(clean.bytes());
        assertThat(after == null || ((JpegImageMetadata) after).getExif() == null).isTrue();
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif\0\0");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(clean.bytes()))).isNotNull();
    }

    @Test
    void aPngKeepsOnlyTheChunksThatDrawIt() throws Exception {
        byte[] png = PhotoSamples.pngWithText("Author", "Siti Rahmawati, 081234567890");
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains("Siti");

        Photos.CleanPhoto clean = Photos.clean(png);

        assertThat(clean.contentType()).isEqualTo("image/png");
        assertThat(new String(clean.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("Siti", "tEXt");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(clean.bytes())).getWidth()).isEqualTo(64);
    }

    @Test
    void theTypeIsReadFromTheContentNotTheName() {
        byte[] gif = "GIF89a\1\0\1\0\0\0\0;".getBytes(StandardCharsets.ISO_8859_1);
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Photos.clean(gif)).hasMessage("photo.not-an-image");
        assertThatThrownBy(() -> Photos.clean(html)).hasMessage("photo.not-an-image");
    }

    @Test
    void aFakeOrTruncatedImageIsRefused() throws Exception {
        byte[] jpeg = PhotoSamples.jpegWithGps(-3.8, 102.3);
        byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 3);
        byte[] fake = new byte[2000];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        assertThatThrownBy(() -> Photos.clean(fake)).hasMessage("photo.not-an-image");
        assertThatThrownBy(() -> Photos.clean(truncated)).isInstanceOf(Photos.InvalidPhotoException.class);
    }

    @Test
    void tooLargeAndTooManyPixelsAreRefused() throws Exception {
        assertThatThrownBy(() -> Photos.clean(new byte[Photos.MAX_BYTES + 1])).hasMessage("photo.too-large");
        assertThatThrownBy(() -> Photos.clean(PhotoSamples.pngClaiming(100_000, 100_000)))
                .hasMessage("photo.too-many-pixels");
    }
}
