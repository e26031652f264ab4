package id.aduan.intake.rest.webhook;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** The test's side of {@link FakeChatPlatforms}: what the bot sent, and failures on demand. */
public final class FakePlatform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One request the bot made to a platform API. */
    public record Sent(boolean ok, String method, String path, String authorization, JsonNode body) {
    }

    private FakePlatform() {
    }

    private static String base() {
        return ConfigProvider.getConfig().getValue("aduan.test.fake-chat-platforms", String.class);
    }

    public static List<Sent> all() {
        String lines = call(HttpRequest.newBuilder(URI.create(base() + "/_recorded")).GET().build());
        return Arrays.stream(lines.split("\n")).filter(l -> !l.isBlank()).map(l -> {
            String[] parts = l.split(" ", 5);
            try {
                return new Sent("OK".equals(parts[0]), parts[1], parts[2], parts[3].replace('_', ' '),
                        JSON.readTree(parts[4]));
            } catch (IOException e) {
                throw new IllegalStateException(l, e);
            }
        }).toList();
    }

    /** Texts sent to a Telegram chat (successfully), in order. */
    public static List<String> telegramTo(long chatId) {
        return all().stream().filter(Sent::ok).filter(s -> s.path().endsWith("/sendMessage"))
                .filter(s -> s.body().path("chat_id").asLong() == chatId)
                .map(s -> s.body().path("text").asText()).toList();
    }

    /** Every attempt to send to a Telegram chat, failed ones included. */
    public static List<Sent> telegramAttemptsTo(long chatId) {
        return all().stream().filter(s -> s.path().endsWith("/sendMessage"))
                .filter(s -> s.body().path("chat_id").asLong() == chatId).toList();
    }

    /** Every attempt to send to a WhatsApp number, failed ones included. */
    public static List<Sent> whatsAppAttemptsTo(String to) {
        return all().stream().filter(s -> s.path().endsWith("/messages"))
                .filter(s -> to.equals(s.body().path("to").asText())).toList();
    }

    /** Texts sent to a WhatsApp number (successfully), in order. */
    public static List<String> whatsAppTo(String to) {
        return all().stream().filter(Sent::ok).filter(s -> s.path().endsWith("/messages"))
                .filter(s -> to.equals(s.body().path("to").asText()))
                .map(s -> s.body().path("text").path("body").asText()).toList();
    }

    /** Waits until the chat got {@code count} texts; returns them. */
    public static List<String> awaitTelegram(long chatId, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> telegramTo(chatId).size() >= count);
        return telegramTo(chatId);
    }

    public static List<String> awaitWhatsApp(String to, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> whatsAppTo(to).size() >= count);
        return whatsAppTo(to);
    }

    /** The next {@code count} API calls fail with {@code status}. */
    public static void failNext(int count, int status) {
        call(HttpRequest.newBuilder(URI.create(base() + "/_fail?count=" + count + "&status=" + status))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
