package id.aduan.intake.rest.open311;

import id.aduan.events.Category;
import id.aduan.events.Location;
import id.aduan.intake.domain.ComplaintDraft;
import id.aduan.intake.domain.ComplaintNormalizer;
import id.aduan.intake.domain.TextNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of POST requests, checked: every problem found is reported at once (the spec allows several errors in
 * one answer). Text is read as the other doors read it: HTML removed, Unicode normalized, trimmed; the limits
 * apply to what would be stored.
 *
 * @param contact the reporter's contact, or {@code null}; personal data: never logged, never published
 */
public record Open311Submission(Category category, String description, String address, Location location,
        ComplaintDraft.ReporterContact contact) {

    static final int MIN_DESCRIPTION = 10;
    static final int MAX_ADDRESS = 300;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_MEDIA_URL = 2000;

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,3}(\\.[0-9]{1,20})?");
    /** A local part, an @ and a domain with a dot; no spaces, brackets or quotes (as a mail client would refuse). */
    private static final String ATOM = "[^@\\s<>()\\[\\],;:\"]";
    private static final Pattern EMAIL = Pattern.compile(ATOM + "{1,64}@" + ATOM + "+\\." + ATOM + "+");
    private static final Pattern PHONE = Pattern.compile("(\\+62|62|0)8[0-9]{7,12}");

    /** Reads the form; throws a 400 naming every invalid field. */
    public static Open311Submission read(FormParameters form) {
        List<Open311Exception.Message> errors = new ArrayList<>();

        String serviceCode = form.single("service_code");
        Category category = null;
        if (serviceCode == null) {
            errors.add(new Open311Exception.Message("open311.error.required", "service_code"));
        } else {
            category = Open311Services.category(serviceCode).orElse(null);
            if (category == null) {
                errors.add(new Open311Exception.Message("open311.error.service-code"));
            }
        }

        String description = ComplaintNormalizer.clean(form.single("description"), Integer.MAX_VALUE);
        if (description == null) {
            errors.add(new Open311Exception.Message("open311.error.required", "description"));
        } else if (description.length() < MIN_DESCRIPTION
                || description.length() > ComplaintNormalizer.MAX_DESCRIPTION) {
            errors.add(new Open311Exception.Message("open311.error.description-size"));
        }

        String address = bounded(form, "address_string", MAX_ADDRESS, errors);
        Location location = location(form.single("lat"), form.single("long"), errors);
        if (location == null && address == null && errors.stream().noneMatch(Open311Submission::isAboutLocation)) {
            errors.add(new Open311Exception.Message("open311.error.location-required"));
        }

        ComplaintDraft.ReporterContact contact = contact(form, errors);
        mediaUrl(form.single("media_url"), errors);

        if (!errors.isEmpty()) {
            throw Open311Exception.invalid(errors);
        }
        return new Open311Submission(category, description, address, location, contact);
    }

    private static boolean isAboutLocation(Open311Exception.Message error) {
        return error.key().equals("open311.error.lat-long-pair") || error.key().equals("open311.error.coordinate");
    }

    /** Cleaned text of at most {@code max} characters; {@code null} when absent. */
    private static String bounded(FormParameters form, String name, int max, List<Open311Exception.Message> errors) {
        String text = ComplaintNormalizer.clean(form.single(name), Integer.MAX_VALUE);
        if (text != null && text.length() > max) {
            errors.add(new Open311Exception.Message("open311.error.too-long", name, String.valueOf(max)));
            return null;
        }
        return text;
    }

    /** lat and long together, WGS 84 decimal degrees (whether inside the province, the submission decides). */
    private static Location location(String lat, String lon, List<Open311Exception.Message> errors) {
        if (lat == null && lon == null) {
            return null;
        }
        if (lat == null || lon == null) {
            errors.add(new Open311Exception.Message("open311.error.lat-long-pair"));
            return null;
        }
        String latitudeText = lat.strip();
        String longitudeText = lon.strip();
        if (!DECIMAL.matcher(latitudeText).matches() || !DECIMAL.matcher(longitudeText).matches()) {
            errors.add(new Open311Exception.Message("open311.error.coordinate"));
            return null;
        }
        double latitude = Double.parseDouble(latitudeText);
        double longitude = Double.parseDouble(longitudeText);
        if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            errors.add(new Open311Exception.Message("open311.error.coordinate"));
            return null;
        }
        return new Location(latitude, longitude);
    }

    private static ComplaintDraft.ReporterContact contact(FormParameters form, List<Open311Exception.Message> errors) {
        String first = ComplaintNormalizer.clean(form.single("first_name"), Integer.MAX_VALUE);
        String last = ComplaintNormalizer.clean(form.single("last_name"), Integer.MAX_VALUE);
        String name = first == null ? last : last == null ? first : first + " " + last;
        if (name != null && name.length() > MAX_NAME) {
            errors.add(new Open311Exception.Message("open311.error.too-long", "first_name + last_name",
                    String.valueOf(MAX_NAME)));
        }
        String email = TextNormalizer.normalize(form.single("email"));
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            errors.add(new Open311Exception.Message("open311.error.email"));
        }
        String phone = form.single("phone") == null ? null : form.single("phone").replaceAll("[\\s().-]", "");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(new Open311Exception.Message("open311.error.phone"));
        }
        if (name == null && email == null && phone == null) {
            return null;
        }
        return new ComplaintDraft.ReporterContact(name, canonicalPhone(phone), email);
    }

    /** Phones are kept as +62..., as the REST door keeps them. */
    private static String canonicalPhone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return null;
        }
        return phone.startsWith("+") ? phone : phone.startsWith("62") ? "+" + phone : "+62" + phone.substring(1);
    }

    /** Checked so that a client learns of a broken link; not stored (Aduan keeps no media yet). */
    private static void mediaUrl(String url, List<Open311Exception.Message> errors) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (url.length() > MAX_MEDIA_URL || !(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null) {
                errors.add(new Open311Exception.Message("open311.error.media-url"));
            }
        } catch (URISyntaxException e) {
            errors.add(new Open311Exception.Message("open311.error.media-url"));
        }
    }

    /** Never print the contact, not even by accident in a log line. */
    @Override
    public String toString() {
        return "Open311Submission[" + category + ", contact redacted]";
    }
}
