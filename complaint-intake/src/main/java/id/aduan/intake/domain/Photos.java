package id.aduan.intake.domain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;

/**
 * A citizen's photo made safe to keep: JPEG or PNG by content (not by name or declared type), at most 5 MB and
 * 50 megapixels, decoded end to end (a fake or truncated image is refused), and without metadata: EXIF (with its
 * GPS position and camera serial), XMP and IPTC are removed from a JPEG; a PNG keeps only the chunks that draw it.
 */
public final class Photos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** PNG chunks that affect how the image looks; text, time and EXIF chunks are dropped. */
    private static final Set<String> PNG_KEEP = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM",
            "sRGB", "iCCP", "sBIT", "bKGD", "pHYs");

    /** @param problem a message key: photo.too-large, photo.not-an-image or photo.too-many-pixels */
    public static final class InvalidPhotoException extends Exception {

        private final String problem;

        InvalidPhotoException(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }

        public String problem() {
            return problem;
        }
    }

    public record CleanPhoto(String contentType, byte[] bytes, int width, int height) {

        @Override
        public String toString() {
            return "CleanPhoto[" + contentType + ", " + bytes.length + " bytes, " + width + "x" + height + "]";
        }
    }

    private Photos() {
    }

    public static CleanPhoto clean(byte[] bytes) throws InvalidPhotoException {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidPhotoException("photo.too-large");
        }
        boolean jpeg = startsWith(bytes, JPEG);
        boolean png = startsWith(bytes, PNG);
        if (!jpeg && !png) {
            throw new InvalidPhotoException("photo.not-an-image");
        }
        int[] size = decode(bytes, jpeg ? "jpeg" : "png");
        try {
            byte[] clean = jpeg ? withoutJpegMetadata(bytes) : withoutPngMetadata(bytes);
            return new CleanPhoto(jpeg ? "image/jpeg" : "image/png", clean, size[0], size[1]);
        } catch (IOException | RuntimeException e) {
            throw new InvalidPhotoException("photo.not-an-image");
        }
    }

    /** Reads the whole image (subsampled, so a big one costs little memory); returns width and height. */
    private static int[] decode(byte[] bytes, String format) throws InvalidPhotoException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
                throw new InvalidPhotoException("photo.too-many-pixels");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, (int) Math.sqrt((double) width * height / 1_000_000));
            param.setSourceSubsampling(step, step, 0, 0);
            if (reader.read(0, param) == null) {
                throw new InvalidPhotoException("photo.not-an-image");
            }
            return new int[] {width, height};
        } catch (IOException | RuntimeException e) {
            throw new InvalidPhotoException("photo.not-an-image");
        } finally {
            reader.dispose();
        }
    }

    private static byte[] withoutJpegMetadata(byte[] bytes) throws IOException {
        ByteArrayOutputStream noExif = new ByteArrayOutputStream(bytes.length);
        new ExifRewriter().removeExifMetadata(bytes, noExif);
        ByteArrayOutputStream noXmp = new ByteArrayOutputStream(bytes.length);
        new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
        ByteArrayOutputStream noIptc = new ByteArrayOutputStream(bytes.length);
        new JpegIptcRewriter().removeIptc(noXmp.toByteArray(), noIptc, true);
        return noIptc.toByteArray();
    }

    private static byte[] withoutPngMetadata(byte[] bytes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(PNG);
        in.position(PNG.length);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 8) {
                throw new IOException("Broken PNG chunk");
            }
            byte[] type = new byte[4];
            in.get(type);
            String name = new String(type, java.nio.charset.StandardCharsets.US_ASCII);
            int start = in.position() - 8;
            in.position(in.position() + length + 4); // data and CRC
            if (PNG_KEEP.contains(name)) {
                out.write(bytes, start, length + 12);
            }
            if ("IEND".equals(name)) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
