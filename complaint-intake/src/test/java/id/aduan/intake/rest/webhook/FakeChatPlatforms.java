package id.aduan.intake.rest.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Telegram Bot API and the WhatsApp Cloud API on a random local port: it records every request
 * and answers 200, or fails the next requests on demand. Tests read and steer it over HTTP ({@link FakePlatform}),
 * so that no static state has to cross Quarkus' class loaders.
 *
 * <ul>
 *   <li>{@code GET /_recorded}: every request so far, as JSON lines: {@code method path authorization body};</li>
 *   <li>{@code POST /_fail?count=N&status=S}: the next N requests get status S.</li>
 * </ul>
 */
public class FakeChatPlatforms implements QuarkusTestResourceLifecycleManager {

    public static final String TELEGRAM_SECRET = "telegram-secret_for-tests-1";
    public static final String TELEGRAM_BOT_TOKEN = "123456789:TEST-bot-token";
    public static final String WHATSAPP_VERIFY_TOKEN = "verify-token-for-tests";
    public static final String WHATSAPP_APP_SECRET = "whatsapp-app-secret-for-tests";
    public static final String WHATSAPP_ACCESS_TOKEN = "EAAG-test-access-token";

    /** Messages per sender and 10 minutes in these tests: more than any conversation here needs. */
    public static final int CHAT_CAPACITY = 12;

    private HttpServer server;
    private final List<String> recorded = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failStatus = 500;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-chat-platforms");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.ofEntries(
                Map.entry("aduan.intake.chat.telegram.api-base-url", base + "/telegram"),
                Map.entry("aduan.intake.chat.telegram.secret-token", TELEGRAM_SECRET),
                Map.entry("aduan.intake.chat.telegram.bot-token", TELEGRAM_BOT_TOKEN),
                Map.entry("aduan.intake.chat.whatsapp.api-base-url", base + "/graph/"),
                Map.entry("aduan.intake.chat.whatsapp.verify-token", WHATSAPP_VERIFY_TOKEN),
                Map.entry("aduan.intake.chat.whatsapp.app-secret", WHATSAPP_APP_SECRET),
                Map.entry("aduan.intake.chat.whatsapp.access-token", WHATSAPP_ACCESS_TOKEN),
                Map.entry("aduan.intake.chat.replies.backoff", "100ms"),
                Map.entry("aduan.intake.chat.replies.timeout", "2s"),
                // The chat rate limit these tests measure, whatever the test profile sets for other tests.
                Map.entry("aduan.intake.rate-limit.chat.capacity", String.valueOf(CHAT_CAPACITY)),
                Map.entry("%test.aduan.intake.rate-limit.chat.capacity", String.valueOf(CHAT_CAPACITY)),
                Map.entry("aduan.test.fake-chat-platforms", base));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.equals("/_recorded")) {
            String all;
            synchronized (recorded) {
                all = String.join("\n", recorded);
            }
            answer(exchange, 200, all);
            return;
        }
        if (path.equals("/_fail")) {
            Map<String, String> query = query(exchange.getRequestURI().getQuery());
            failStatus = Integer.parseInt(query.getOrDefault("status", "500"));
            failures.set(Integer.parseInt(query.getOrDefault("count", "1")));
            answer(exchange, 204, "");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String line = exchange.getRequestMethod() + " " + path + " " + (authorization == null ? "-"
                : authorization.replace(' ', '_')) + " " + new String(body, StandardCharsets.UTF_8).replace('\n', ' ');
        boolean fail = failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        synchronized (recorded) {
            recorded.add((fail ? "FAILED " : "OK ") + line);
        }
        if (fail) {
            answer(exchange, failStatus, "{\"ok\":false}");
        } else {
            answer(exchange, 200, "{\"ok\":true}");
        }
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new java.util.HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (status != 204) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
