package id.aduan.intake.rest.web;

import id.aduan.events.Category;
import id.aduan.events.ComplaintStatus;
import id.aduan.events.Location;
import id.aduan.intake.domain.Idempotency;
import id.aduan.intake.domain.Photos;
import id.aduan.intake.domain.RateLimits;
import id.aduan.intake.domain.RegionDirectory;
import id.aduan.intake.domain.SubmissionCommand;
import id.aduan.intake.domain.SubmissionResult;
import id.aduan.intake.domain.SubmitComplaint;
import id.aduan.intake.domain.TrackingNumbers;
import id.aduan.intake.persistence.PhotoRepository;
import id.aduan.intake.rest.NewComplaintRequest;
import id.aduan.intake.rest.PublicStatusReader;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.ProblemMessages;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The citizens' web form, Bahasa Indonesia first. It works without JavaScript: a plain multipart POST, and on a
 * mistake the same page again with each message next to its field and every value kept. The page's hidden key makes
 * a double submit (a reload, a double tap) one complaint.
 */
@Path("/")
public class WebFormResource {

    static final String CHANNEL = "web";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'WIB'");
    private static final Set<String> FORM_FIELDS = Set.of("category", "description", "region", "kecamatan",
            "address", "latitude", "longitude", "location", "photo", "name", "phone", "email", "anonymous",
            "confidential");

    @Inject
    @io.quarkus.qute.Location("web/form.html")
    Template form;

    @Inject
    @io.quarkus.qute.Location("web/receipt.html")
    Template receipt;

    @Inject
    @io.quarkus.qute.Location("web/status.html")
    Template status;

    @Inject
    SubmitComplaint submissions;

    @Inject
    RegionDirectory regions;

    @Inject
    RateLimits limits;

    @Inject
    ValidatorFactory validation;

    @Inject
    PublicStatusReader statusReader;

    @Inject
    PhotoRepository photos;

    @Inject
    Vertx vertx;

    @Context
    HttpServerRequest request;

    public record Option(String code, String label) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = locale(lang, headers);
        return form(locale, Map.of(), Map.of(), null, UUID.randomUUID().toString());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> submit(@RestForm String lang, @RestForm String key, @RestForm String category,
            @RestForm String description, @RestForm String region, @RestForm String kecamatan,
            @RestForm String address, @RestForm String latitude, @RestForm String longitude, @RestForm String name,
            @RestForm String phone, @RestForm String email, @RestForm String anonymous,
            @RestForm String confidential, @RestForm("photo") FileUpload photo, @Context HttpHeaders headers) {
        Locale locale = locale(lang, headers);
        WebMessages words = words(locale);
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "category", category);
        put(values, "description", description);
        put(values, "region", region);
        put(values, "kecamatan", kecamatan);
        put(values, "address", address);
        put(values, "latitude", latitude);
        put(values, "longitude", longitude);
        put(values, "name", name);
        put(values, "phone", phone);
        put(values, "email", email);
        put(values, "anonymous", "true".equals(anonymous) ? "true" : null);
        put(values, "confidential", "true".equals(confidential) ? "true" : null);
        String pageKey = key != null && key.matches("[0-9a-f-]{36}") ? key : UUID.randomUUID().toString();

        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Long wait = limits.take("form", client).orElse(null);
        if (wait != null) {
            return Uni.createFrom().item(Response.status(429).header(HttpHeaders.RETRY_AFTER, wait)
                    .entity(form(locale, values, Map.of(), words.rateLimited(wait), pageKey)).build());
        }

        Map<String, String> errors = new LinkedHashMap<>();
        Location point = null;
        if (latitude != null && !latitude.isBlank() || longitude != null && !longitude.isBlank()) {
            try {
                point = new Location(Double.parseDouble(latitude.strip().replace(',', '.')),
                        Double.parseDouble(longitude.strip().replace(',', '.')));
            } catch (RuntimeException e) {
                errors.put("location", words.locationInvalid());
            }
        }
        String fullAddress = join(kecamatan == null || kecamatan.isBlank() ? null : "Kec. " + kecamatan.strip(),
                address);
        NewComplaintRequest complaint = new NewComplaintRequest(blankToNull(category), description,
                blankToNull(region), fullAddress,
                point == null ? null : new NewComplaintRequest.LocationInput(point.latitude(), point.longitude()),
                new NewComplaintRequest.ReporterInput(name, blankToNull(phone), blankToNull(email)),
                "true".equals(anonymous), "true".equals(confidential));
        if (category == null || category.isBlank()) {
            errors.put("category", validationText(locale, "complaint.category.required"));
        }
        // Bytes that were not UTF-8 arrive as U+FFFD: say so rather than keep broken text.
        String[][] texts = {{"description", description}, {"address", address}, {"kecamatan", kecamatan},
            {"name", name}};
        for (String[] text : texts) {
            if (text[1] != null && text[1].indexOf('\uFFFD') >= 0) {
                errors.put(text[0], words.brokenText());
            }
        }
        for (ConstraintViolation<NewComplaintRequest> violation : validator(locale).validate(complaint)) {
            String field = violation.getPropertyPath().toString();
            field = field.startsWith("location") ? "location" : field.replace("reporter.", "");
            errors.putIfAbsent(field, violation.getMessage());
        }
        Uni<Photos.CleanPhoto> cleaned = photo == null || photo.size() == 0 ? Uni.createFrom().nullItem()
                : vertx.executeBlocking(Uni.createFrom().item(() -> {
                    try {
                        return Photos.clean(Files.readAllBytes(photo.uploadedFile()));
                    } catch (Photos.InvalidPhotoException e) {
                        throw new PhotoRefused(e.problem());
                    } catch (java.io.IOException e) {
                        throw new PhotoRefused("photo.not-an-image");
                    }
                }));
        return cleaned.onItemOrFailure().transformToUni((clean, failure) -> {
            if (failure instanceof PhotoRefused refused) {
                errors.put("photo", switch (refused.getMessage()) {
                    case "photo.too-large" -> words.photoTooLarge();
                    case "photo.too-many-pixels" -> words.photoTooManyPixels();
                    default -> words.photoNotAnImage();
                });
            } else if (failure != null) {
                return Uni.createFrom().failure(failure);
            }
            if (!errors.isEmpty()) {
                errors.values().removeIf(v -> v == null);
                return Uni.createFrom().item(Response.status(400)
                        .entity(form(locale, values, errors, null, pageKey)).build());
            }
            byte[] content = (values + "|" + (clean == null ? "" : java.util.Arrays.hashCode(clean.bytes())))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            SubmissionCommand command = new SubmissionCommand(CHANNEL, complaint.category(),
                    complaint.description(), complaint.region(), complaint.address(), complaint.point(),
                    complaint.reporterContact(), "true".equals(anonymous), "true".equals(confidential), clean,
                    Idempotency.of("web:" + pageKey, content));
            return submissions.submit(command)
                    // The same page sent again with other words (back, edit, send): a new complaint, under a key of
                    // the page and these words, so that sending them again is still that one complaint.
                    .chain(result -> result instanceof SubmissionResult.KeyReused
                            ? submissions.submit(new SubmissionCommand(command.channel(), command.categoryCode(),
                                    command.description(), command.regionField(), command.address(),
                                    command.location(), command.contact(), command.anonymous(),
                                    command.confidential(), command.photo(),
                                    Idempotency.of("web:" + pageKey + ":" + Idempotency.sha256(content), content)))
                            : Uni.createFrom().item(result))
                    .map(result -> answer(result, locale, words, values, pageKey));
        });
    }

    private Response answer(SubmissionResult result, Locale locale, WebMessages words, Map<String, String> values,
            String pageKey) {
        if (result instanceof SubmissionResult.Accepted accepted) {
            return Response.ok(receipt.instance()
                    .data("lang", locale.getLanguage())
                    .data("switchUrl", "/?lang=" + words.otherLanguageCode())
                    .data("trackingNumber", accepted.trackingNumber())
                    .data("citizenToken", accepted.citizenToken())
                    .data("statusUrl", "/lacak/" + accepted.trackingNumber() + "?lang=" + locale.getLanguage())
                    .setLocale(locale)).build();
        }
        if (result instanceof SubmissionResult.Invalid invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.violations().forEach(v -> errors.put(v.field(), switch (v.reason()) {
                case LOCATION_OUTSIDE_PROVINCE -> words.locationOutside();
                case REGION_NOT_FOUND -> words.regionNotFound();
            }));
            return Response.status(400).entity(form(locale, values, errors, null, pageKey)).build();
        }
        // Unknown outcome or still in progress: the same page key sends it again and gets its tracking number.
        boolean kept = !(result instanceof SubmissionResult.Unavailable u
                && u.cause() != SubmissionResult.Cause.BROKER);
        int retryAfter = result instanceof SubmissionResult.Unavailable u ? u.retryAfterSeconds()
                : result instanceof SubmissionResult.InProgress p ? p.retryAfterSeconds() : 5;
        return Response.status(503).header(HttpHeaders.RETRY_AFTER, retryAfter)
                .entity(form(locale, values, Map.of(), kept ? words.unconfirmed() : words.unavailable(), pageKey))
                .build();
    }

    @GET
    @Path("/lacak")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response track(@QueryParam("nomor") String number, @QueryParam("lang") String lang) {
        String canonical = TrackingNumbers.canonical(number).orElse(number == null ? "" : number.strip());
        String language = "en".equals(lang) ? "en" : "id";
        return Response.seeOther(URI.create("/lacak/" + java.net.URLEncoder.encode(canonical,
                java.nio.charset.StandardCharsets.UTF_8) + "?lang=" + language)).build();
    }

    @GET
    @Path("/lacak/{trackingNumber}")
    @Produces(MediaType.TEXT_HTML)
    @WithSession
    @Operation(hidden = true)
    public Uni<Response> statusPage(@PathParam("trackingNumber") String trackingNumber,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Locale locale = locale(lang, headers);
        WebMessages words = words(locale);
        TemplateInstance page = status.instance().data("lang", locale.getLanguage())
                .data("switchUrl", "/lacak/" + trackingNumber + "?lang=" + words.otherLanguageCode())
                .setLocale(locale);
        return Uni.createFrom().deferred(() -> statusReader.read(trackingNumber, locale))
                .chain(s -> photos.count("complaintId = (select c.complaintId from ComplaintStatusRecord c "
                                + "where c.trackingNumber = ?1 and c.confidential = false)", s.trackingNumber())
                        .map(n -> Response.ok(page.data("notFound", false).data("s", s)
                                .data("statusWord", statusWord(words, s.status()))
                                .data("submittedAt", WHEN.withLocale(locale).format(s.submittedAt()))
                                .data("updatedAt", WHEN.withLocale(locale).format(s.updatedAt()))
                                .data("hasPhoto", n > 0)).build()))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> Response.status(404).entity(page.data("notFound", true)).build());
    }

    @GET
    @Path("/lacak/{trackingNumber}/foto")
    @WithSession
    @Operation(hidden = true)
    public Uni<Response> photo(@PathParam("trackingNumber") String trackingNumber) {
        String canonical = TrackingNumbers.canonical(trackingNumber)
                .orElseThrow(() -> new ProblemException(404, "complaint-not-found"));
        return photos.find("complaintId = (select c.complaintId from ComplaintStatusRecord c "
                        + "where c.trackingNumber = ?1 and c.confidential = false and c.confirmed = true)", canonical)
                .firstResult()
                .onItem().ifNull().failWith(() -> new ProblemException(404, "complaint-not-found"))
                .map(p -> Response.ok(p.bytes, p.contentType).header("Cache-Control", "public, max-age=86400")
                        .header("X-Content-Type-Options", "nosniff").build());
    }

    private TemplateInstance form(Locale locale, Map<String, String> values, Map<String, String> errors,
            String banner, String key) {
        boolean indonesian = ProblemMessages.INDONESIAN.equals(locale);
        List<Option> categories = List.of(Category.ROAD, Category.SCHOOL, Category.HEALTH, Category.OTHER).stream()
                .map(c -> new Option(c.code(), c.label(indonesian))).toList();
        List<Option> regionOptions = regions.all().stream().map(r -> new Option(r.code(), r.name())).toList();
        // Every field is a key, so that the template can ask for any of them.
        Map<String, String> allValues = new java.util.HashMap<>();
        Map<String, String> allErrors = new java.util.HashMap<>();
        FORM_FIELDS.forEach(f -> {
            allValues.put(f, values.get(f));
            allErrors.put(f, errors.get(f));
        });
        return form.instance()
                .data("lang", locale.getLanguage())
                .data("switchUrl", "/?lang=" + words(locale).otherLanguageCode())
                .data("values", allValues)
                .data("errors", allErrors)
                .data("hasErrors", !errors.isEmpty())
                .data("banner", banner)
                .data("key", key)
                .data("categories", categories)
                .data("regions", regionOptions)
                .setLocale(locale);
    }

    static String statusWord(WebMessages words, String status) {
        ComplaintStatus known;
        try {
            known = ComplaintStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            known = ComplaintStatus.UNKNOWN;
        }
        return switch (known) {
            case SUBMITTED -> words.status_SUBMITTED();
            case ROUTED -> words.status_ROUTED();
            case ACKNOWLEDGED -> words.status_ACKNOWLEDGED();
            case WAITING_FOR_CITIZEN -> words.status_WAITING_FOR_CITIZEN();
            case RESPONDED -> words.status_RESPONDED();
            case RESOLVED -> words.status_RESOLVED();
            case REJECTED -> words.status_REJECTED();
            case CLOSED -> words.status_CLOSED();
            case REOPENED -> words.status_REOPENED();
            case UNKNOWN -> words.status_UNKNOWN();
        };
    }

    /** Bahasa Indonesia first, whatever the browser says; English only through the page's switch. */
    private static Locale locale(String lang, HttpHeaders headers) {
        return "en".equals(lang) ? Locale.ENGLISH : ProblemMessages.INDONESIAN;
    }

    private jakarta.validation.Validator validator(Locale locale) {
        MessageInterpolator standard = validation.getMessageInterpolator();
        return validation.usingContext().messageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return standard.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return standard.interpolate(template, context, locale);
            }
        }).getValidator();
    }

    private static String validationText(Locale locale, String key) {
        return java.util.ResourceBundle.getBundle("ValidationMessages", locale).getString(key);
    }

    static WebMessages words(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage())
                ? MessageBundles.get(WebMessages.class, Localized.Literal.of("en"))
                : MessageBundles.get(WebMessages.class);
    }

    private static void put(Map<String, String> values, String field, String value) {
        if (value != null && !value.isBlank()) {
            values.put(field, value.length() > 5000 ? value.substring(0, 5000) : value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return blankToNull(b);
        }
        return b == null || b.isBlank() ? a : a + ", " + b.strip();
    }

    /** A refused photo, carried out of the blocking step. */
    private static final class PhotoRefused extends RuntimeException {

        PhotoRefused(String problem) {
            super(problem, null, false, false);
        }
    }
}
