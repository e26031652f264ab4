package id.aduan.intake.rest.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.intake.chat.ChatConversation;
import id.aduan.intake.config.ChatConfig;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.support.messaging.TransientFailures;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.ProblemMessages;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The WhatsApp Cloud API webhook: the verification handshake (GET), then notifications (POST) signed with the app
 * secret. The signature is checked on the raw bytes before anything is parsed. A signed call is answered 200 once its
 * messages are handled; delivery receipts and other fields are ignored; the bot's replies go out afterwards.
 */
@Path("/webhooks/whatsapp")
@Tag(name = "Chat: WhatsApp")
public class WhatsAppWebhookResource {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    /** Meta sends a number; anything printable and short is echoed, nothing else. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9._~-]{1,200}");

    @Inject
    ChatConfig config;

    @Inject
    IntakeConfig intakeConfig;

    @Inject
    ChatConversation conversation;

    @Inject
    WhatsAppReplies replies;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "WhatsApp webhook verification (hub.challenge)")
    @APIResponse(responseCode = "200", description = "The challenge, echoed")
    @APIResponse(responseCode = "400", description = "No usable challenge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Wrong mode or verify token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        String expected = config.whatsapp().verifyToken().filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProblemException(404, "chat-bridge-disabled"));
        if (!"subscribe".equals(mode) || !WebhookSecrets.same(token, expected)) {
            throw new ProblemException(403, "chat-verify-token-invalid");
        }
        if (challenge == null || !CHALLENGE.matcher(challenge).matches()) {
            throw new ProblemException(400, "chat-challenge-invalid");
        }
        return Response.ok(challenge, MediaType.TEXT_PLAIN_TYPE).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "WhatsApp webhook: a notification from the Cloud API",
            description = "Needs " + SIGNATURE_HEADER + ": sha256=HMAC-SHA256(app secret, raw body). Text, location "
                    + "and captioned image messages are read; a repeated message id changes nothing; statuses[] are "
                    + "ignored.")
    @APIResponse(responseCode = "200", description = "Received (or deliberately ignored)")
    @APIResponse(responseCode = "400", description = "Not a notification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No signature",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Wrong signature",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The WhatsApp bridge is not configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable; Meta delivers again later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> receive(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] body,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        String secret = config.whatsapp().appSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProblemException(404, "chat-bridge-disabled"));
        WebhookSecrets.requireHmacSha256(signature, secret, body, "chat-signature");
        WhatsAppNotification notification = WebhookJson.read(json, body, WhatsAppNotification.class,
                ProblemMessages.localeOf(headers));
        List<WhatsAppNotification.Inbound> messages = notification.inbound();
        if (messages.isEmpty()) {
            return Uni.createFrom().item(Response.ok().build());
        }
        String statusUrlBase = StatusLinks.base(intakeConfig, uri);
        // One message after the other (one sender's messages must keep their order). The replies of the whole
        // notification go out together afterwards, in that order, even if a later message failed: the earlier ones
        // are handled and will not be handled again.
        List<WhatsAppReplies.Reply> outgoing = Collections.synchronizedList(new ArrayList<>());
        return Multi.createFrom().iterable(messages)
                .onItem().transformToUniAndConcatenate(in -> conversation.handle(in.message(), statusUrlBase)
                        .invoke(texts -> texts.forEach(text -> outgoing.add(new WhatsAppReplies.Reply(
                                in.phoneNumberId(), in.message().senderId(), text, in.message().senderHash())))))
                .collect().last()
                .onTermination().invoke(() -> replies.send(List.copyOf(outgoing)))
                .onFailure(TransientFailures::isTransient).transform(e -> ProblemException.unavailable(
                        "storage-unavailable", intakeConfig.retryAfterSeconds(), e))
                .replaceWith(Response.ok().build());
    }
}
