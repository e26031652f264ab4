package id.aduan.intake.rest.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.aduan.intake.chat.ChatConversation;
import id.aduan.intake.chat.IncomingMessage;
import id.aduan.intake.config.ChatConfig;
import id.aduan.intake.config.IntakeConfig;
import id.aduan.support.messaging.TransientFailures;
import id.aduan.support.problem.Problem;
import id.aduan.support.problem.ProblemException;
import id.aduan.support.problem.ProblemMessages;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Telegram's webhook (setWebhook with a secret_token). Each call is one Update. A call with the right secret is
 * answered 200 as soon as the message is handled, whatever the message was; the bot's replies go out afterwards.
 */
@Path("/webhooks/telegram")
@Tag(name = "Chat: Telegram")
public class TelegramWebhookResource {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Inject
    ChatConfig config;

    @Inject
    IntakeConfig intakeConfig;

    @Inject
    ChatConversation conversation;

    @Inject
    TelegramReplies replies;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Telegram webhook: an Update from the bot API",
            description = "Needs the secret given at setWebhook in " + SECRET_HEADER + ". Text, locations and "
                    + "captioned photos of private chats are read; a repeated update_id changes nothing.")
    @APIResponse(responseCode = "200", description = "Received (or deliberately ignored)")
    @APIResponse(responseCode = "400", description = "Not an Update",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No secret token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Wrong secret token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The Telegram bridge is not configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database is unavailable; Telegram delivers again later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> receive(@HeaderParam(SECRET_HEADER) String secret, byte[] body,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        String expected = config.telegram().secretToken().filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProblemException(404, "chat-bridge-disabled"));
        WebhookSecrets.requireSecret(secret, expected, "chat-secret");
        TelegramUpdate update = WebhookJson.read(json, body, TelegramUpdate.class, ProblemMessages.localeOf(headers));
        Optional<IncomingMessage> message = update.toIncoming();
        if (message.isEmpty()) {
            return Uni.createFrom().item(Response.ok().build());
        }
        long chatId = update.chatId().orElseThrow();
        return conversation.handle(message.get(), StatusLinks.base(intakeConfig, uri))
                .onFailure(TransientFailures::isTransient).transform(e -> ProblemException.unavailable(
                        "storage-unavailable", intakeConfig.retryAfterSeconds(), e))
                .invoke(texts -> replies.send(chatId, texts, message.get().senderHash()))
                .replaceWith(Response.ok().build());
    }
}
